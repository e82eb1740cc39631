import CLibXML2
import Foundation

/// The published XSD of `report.xml`, loaded through libxml2, to check a report against.
///
/// Validation streams (`xmlSchemaValidateFile`), so checking a report of millions of rows does not
/// load it. Errors are collected through libxml2's structured error callback.
public final class ReportSchema {
    /// Where the schema is published in the repository.
    public static let repositoryPath = "reports/schema/onboard-report.xsd"

    private let schema: xmlSchemaPtr

    /// Loads the schema at `path`. Throws the parser's messages if it is not a valid XSD.
    public init(path: String) throws {
        let collector = XMLErrorCollector()
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw ReportSchemaError(path: path, messages: ["cannot read the schema"])
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, XMLErrorCollector.callback, collector.context)
        guard let schema = xmlSchemaParse(parser) else {
            throw ReportSchemaError(path: path, messages: collector.messages)
        }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// The validation errors of the XML file at `path` ("line N: message"); empty when it is valid.
    public func validate(fileAt path: String) -> [String] {
        let collector = XMLErrorCollector()
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return ["cannot create a validation context"]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.callback, collector.context)
        let result = xmlSchemaValidateFile(context, path, 0)
        if result != 0 && collector.messages.isEmpty {
            return ["validation failed (libxml2 code \(result))"]
        }
        return collector.messages
    }
}

/// The schema could not be loaded.
public struct ReportSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var messages: [String]

    public var description: String { "invalid schema \(path): " + messages.joined(separator: "; ") }
}

/// Collects libxml2's structured errors as "line N: message".
///
/// The C callback cannot capture, so it finds the collector through the context pointer.
final class XMLErrorCollector {
    private(set) var messages: [String] = []

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        collector.messages.append(
            "line \(error.pointee.line): " + message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
