import CLibXML2
import Foundation

/// A report read back with libxml2's own parser (XML or HTML), to check what a reader sees.
///
/// Shared by the Reports and OnboardKit tests (a test target cannot use another's files).
package final class ParsedDocument {
    package struct Element {
        package var name: String
        package var attributes: [String: String]
        /// The concatenated text inside the element.
        package var text: String
    }

    private let document: xmlDocPtr

    package init(xmlAt path: String) throws {
        guard let document = xmlReadFile(path, nil, Int32(XML_PARSE_NONET.rawValue)) else {
            throw ParseFailure(path: path)
        }
        self.document = document
    }

    package init(htmlAt path: String) throws {
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard let document = htmlReadFile(path, nil, options) else { throw ParseFailure(path: path) }
        self.document = document
    }

    deinit { xmlFreeDoc(document) }

    /// Every element in document order.
    package var elements: [Element] {
        var result: [Element] = []
        func visit(_ node: xmlNodePtr?) {
            var node = node
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    var attributes: [String: String] = [:]
                    var attribute = current.pointee.properties
                    while let property = attribute {
                        let name = String(cString: property.pointee.name)
                        if let value = xmlNodeGetContent(
                            UnsafeMutableRawPointer(property).assumingMemoryBound(to: xmlNode.self))
                        {
                            attributes[name] = String(cString: value)
                            onboard_xmlFree(value)
                        }
                        attribute = property.pointee.next
                    }
                    var text = ""
                    if let content = xmlNodeGetContent(current) {
                        text = String(cString: content)
                        onboard_xmlFree(content)
                    }
                    result.append(
                        Element(
                            name: String(cString: current.pointee.name), attributes: attributes, text: text))
                    visit(current.pointee.children)
                }
                node = current.pointee.next
            }
        }
        visit(xmlDocGetRootElement(document))
        return result
    }

    package func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    /// All text of the document, attribute values included, as a reader would see it.
    package var allText: String {
        elements.map { ([$0.text] + $0.attributes.values.sorted()).joined(separator: "\n") }.joined(
            separator: "\n")
    }
}

package struct ParseFailure: Error, CustomStringConvertible {
    package var path: String
    package var description: String { "libxml2 could not parse \(path)" }
}

/// Runs `xmllint --noout --schema SCHEMA FILE`; nil when xmllint is not installed.
package func xmllintValidates(_ path: String, schema: String) throws -> Bool? {
    let candidates = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"]
    guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["--noout", "--schema", schema, path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
}
