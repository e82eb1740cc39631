/// The bytes of `report.xml`'s `<row>` elements, serialized the way libxml2's `xmlTextWriter`
/// (indented by two spaces) writes them, without going through it for every attribute.
///
/// A million rows made millions of `xmlTextWriterWriteAttribute` calls, each escaping into a C
/// string, pushing through libxml2's UTF-8 output encoder and its buffers: a fifth of a plan's
/// time. The layout and escaping here are libxml2's (2.9): attribute values escape `& < > "` and
/// tab, line feed and carriage return as character references; text escapes `& < > "` and carriage
/// return; other bytes, non-ASCII included, are copied (the document is UTF-8). Values pass through
/// `xmlSafe` first, as they do on the libxml2 path. `XMLReportWriterTests` check both paths give
/// the same bytes on hostile rows.
struct XMLRowBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends one `<row>` at depth 2 (`report` > `rows` > `row`), ending with a line feed.
    mutating func append(_ outcome: RowOutcome) {
        append("    <row")
        position(outcome.position)
        attribute(" kind=\"", outcome.kind.rawValue)
        if outcome.isConflict { append(" conflict=\"true\"") }
        attribute(" entity=\"", outcome.entity.rawValue)
        if let key = outcome.key { attribute(" key=\"", key) }
        if let tenant = outcome.tenant { attribute(" tenant=\"", tenant) }
        guard outcome.firstSeen != nil || !outcome.findings.isEmpty else {
            append("/>\n")
            return
        }
        append(">\n")
        if let firstSeen = outcome.firstSeen {
            append("      <firstSeen")
            position(firstSeen)
            append("/>\n")
        }
        for finding in outcome.findings {
            append("      <finding")
            attribute(" code=\"", finding.code)
            attribute(" severity=\"", finding.severity.rawValue)
            if let field = finding.field { attribute(" field=\"", field) }
            append(">\n        <message>")
            text(finding.message)
            append("</message>\n")
            if let value = finding.value {
                append("        <value>")
                text(value)
                append("</value>\n")
            }
            append("      </finding>\n")
        }
        append("    </row>\n")
    }

    /// The last file path written and its escaped attribute: every row of a file names the same one.
    private var lastFile: String?
    private var lastFileAttribute: [UInt8] = []

    private mutating func position(_ position: RowOutcome.Position) {
        if position.file != lastFile {
            let start = bytes.count
            attribute(" file=\"", position.file)
            lastFile = position.file
            lastFileAttribute = Array(bytes[start...])
        } else {
            bytes.append(contentsOf: lastFileAttribute)
        }
        append(" line=\"")
        number(position.line)
        append("\" record=\"")
        number(position.record)
        append("\"")
    }

    /// `opening` is ` name="`; the closing quote is added here.
    private mutating func attribute(_ opening: StaticString, _ value: String) {
        append(opening)
        escaped(value, attribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func text(_ value: String) {
        escaped(value, attribute: false)
    }

    private mutating func escaped(_ value: String, attribute: Bool) {
        var safe = value.xmlSafe
        safe.withUTF8 { source in
            var start = 0
            for index in source.indices {
                let replacement: StaticString
                switch source[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x0A where attribute: replacement = "&#10;"
                case 0x09 where attribute: replacement = "&#9;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
                append(replacement)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
        }
    }

    private mutating func number(_ value: Int) {
        guard value >= 0 else {
            append(String(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: buffer[index...])
        }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
