import CLibXML2
import Foundation

/// An HTML document built as a libxml2 tree, serialized with the document's own UTF-8 meta tag.
///
/// Text goes in with `xmlNewTextChild` and attribute values with `xmlNewProp`, both of which
/// libxml2 escapes on output: a value read from the input can never become markup.
final class HTMLDocument {
    typealias Node = xmlNodePtr

    private let document: htmlDocPtr
    let root: Node
    let head: Node
    let body: Node

    init(title: String, language: String = "en") {
        document = htmlNewDocNoDtD(nil, nil)
        xmlCreateIntSubset(document, "html", nil, nil)  // <!DOCTYPE html>
        root = xmlNewDocNode(document, nil, "html", nil)
        xmlDocSetRootElement(document, root)
        xmlNewProp(root, "lang", language)
        head = xmlNewChild(root, nil, "head", nil)
        // The charset meta comes from htmlSetMetaEncoding at serialization (one, not two).
        let viewport = xmlNewChild(head, nil, "meta", nil)
        xmlNewProp(viewport, "name", "viewport")
        xmlNewProp(viewport, "content", "width=device-width, initial-scale=1")
        xmlNewTextChild(head, nil, "title", title.xmlSafe)
        body = xmlNewChild(root, nil, "body", nil)
    }

    deinit { xmlFreeDoc(document) }

    /// Adds a `<style>` with `css` (ours, not input: libxml2 writes style content as is).
    func addStyle(_ css: String) {
        xmlNewTextChild(head, nil, "style", css)
    }

    /// Adds an element under `parent` with escaped `text` and attributes.
    @discardableResult
    func add(_ name: String, to parent: Node, text: String? = nil, _ attributes: [(String, String)] = [])
        -> Node
    {
        let node = xmlNewTextChild(parent, nil, name, text?.xmlSafe)!
        for (attribute, value) in attributes {
            xmlNewProp(node, attribute, value.xmlSafe)
        }
        return node
    }

    /// Appends escaped text to `parent` after its current children.
    func addText(_ text: String, to parent: Node) {
        xmlAddChild(parent, xmlNewDocText(document, text.xmlSafe))
    }

    /// The serialized document, UTF-8, indented.
    func serialized() throws -> [UInt8] {
        htmlSetMetaEncoding(document, "UTF-8")
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        htmlDocDumpMemoryFormat(document, &memory, &size, 1)
        guard let memory else { throw HTMLSerializationError() }
        defer { onboard_xmlFree(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }
}

struct HTMLSerializationError: Error {}
