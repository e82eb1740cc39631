import CLibXML2
import Foundation

/// A libxml2 `xmlTextWriter` whose bytes go to an `AtomicFile`, with errors turned into
/// `ReportOutputError`.
///
/// libxml2 writes through a C callback that cannot capture, so the callback finds this object
/// through the `Unmanaged` context pointer; it keeps the first OS error (say ENOSPC), which the next
/// writer call throws with the path and the OS message rather than libxml2's bare -1.
final class XMLOutput {
    let file: AtomicFile
    private var writer: xmlTextWriterPtr?
    /// The first write error; libxml2 only reports that something failed.
    fileprivate var failure: ReportOutputError?

    init(path: String, write: @escaping AtomicFile.WriteFunction) throws {
        file = try AtomicFile(path: path, permissions: 0o600, write: write)
        let context = Unmanaged.passUnretained(self).toOpaque()
        let buffer = xmlOutputBufferCreateIO(
            { context, bytes, length in
                guard let context, let bytes else { return -1 }
                let output = Unmanaged<XMLOutput>.fromOpaque(context).takeUnretainedValue()
                // After a failure the bytes are dropped but "accepted": returning -1 would make
                // libxml2 print its own "I/O error" line; `check` throws the real error instead.
                guard output.failure == nil else { return length }
                do {
                    try output.file.write(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
                } catch {
                    output.failure =
                        error as? ReportOutputError
                        ?? ReportOutputError(.write, path: output.file.path, code: 0, message: "\(error)")
                }
                return length
            },
            { _ in 0 }, context, nil)
        guard let buffer, let writer = xmlNewTextWriter(buffer) else {
            file.abandon()
            throw ReportOutputError(.open, path: path, code: 0, message: "libxml2 could not create a writer")
        }
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
    }

    deinit { abandon() }

    func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    // Names are `StaticString`s: a Swift `String` passed as a `const xmlChar *` is copied into a new
    // C array on every call (`utf8CString`), ten allocations per row of the report.

    func start(_ name: StaticString) throws {
        try check(xmlTextWriterStartElement(writer, name.utf8Start))
    }

    /// Writes an attribute; a `nil` value writes nothing (the schema makes such attributes optional).
    func attribute(_ name: StaticString, _ value: String?) throws {
        guard let value else { return }
        try attribute(name.utf8Start, value)
    }

    /// An attribute whose name is only known at run time.
    func attribute(named name: String, _ value: String) throws {
        try name.withCString { try attribute(Self.xmlChars($0), value) }
    }

    private func attribute(_ name: UnsafePointer<UInt8>, _ value: String) throws {
        if let plain = PlainXMLText(attribute: value) {
            try attribute(name, plain)
        } else {
            try value.xmlSafe.withCString {
                try check(xmlTextWriterWriteAttribute(writer, name, Self.xmlChars($0)))
            }
        }
    }

    /// Writes an attribute with nothing to escape or replace: its bytes as they are, what libxml2's
    /// escaping would give.
    private func attribute(_ name: UnsafePointer<UInt8>, _ plain: PlainXMLText) throws {
        try check(xmlTextWriterStartAttribute(writer, name))
        try write(plain)
        try check(xmlTextWriterEndAttribute(writer))
    }

    func position(_ position: RowOutcome.Position) throws {
        try attribute("file", position.file)
        try attribute("line", String(position.line))
        try attribute("record", String(position.record))
    }

    func text(_ text: String) throws {
        if let plain = PlainXMLText(content: text) {
            try write(plain)
        } else {
            try text.xmlSafe.withCString { try check(xmlTextWriterWriteString(writer, Self.xmlChars($0))) }
        }
    }

    /// An element holding only `text`: what `xmlTextWriterWriteElement` does (start, string, end),
    /// with the text written as ``text(_:)`` writes it.
    func element(_ name: StaticString, _ text: String) throws {
        try start(name)
        try self.text(text)
        try end()
    }

    /// Writes text that needs no escaping as it is (`xmlTextWriterWriteString` escapes, then writes
    /// the result this way).
    private func write(_ plain: PlainXMLText) throws {
        var text = plain.text
        try text.withUTF8 { bytes throws in
            try check(xmlTextWriterWriteRawLen(writer, bytes.baseAddress, Int32(bytes.count)))
        }
    }

    /// A C string as libxml2's `xmlChar` (UTF-8 bytes).
    private static func xmlChars(_ string: UnsafePointer<CChar>) -> UnsafePointer<UInt8> {
        UnsafeRawPointer(string).assumingMemoryBound(to: UInt8.self)
    }

    func end() throws {
        try check(xmlTextWriterEndElement(writer))
    }

    /// Closes every open element, flushes, and renames the file into place.
    func finish() throws {
        try check(xmlTextWriterEndDocument(writer))
        try check(xmlTextWriterFlush(writer))
        xmlFreeTextWriter(writer)
        writer = nil
        if let failure {
            abandon()
            throw failure
        }
        try file.commit()
    }

    func abandon() {
        if let writer { xmlFreeTextWriter(writer) }
        writer = nil
        file.abandon()
    }

    private func check(_ result: Int32) throws {
        guard result < 0 || failure != nil else { return }
        let error =
            failure
            ?? ReportOutputError(
                .serialize, path: file.path, code: 0, message: "libxml2 could not write the XML")
        abandon()
        throw error
    }
}
