import Logging
import OnboardCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns one log event into one line of text: `INFO message key=value` or a JSON object.
///
/// Never writes a secret: a metadata value that is a ``Secret`` (or holds one in an array or a
/// dictionary) is written as `<redacted>` whatever its description says, so a log line cannot leak
/// one even if `Secret` were changed. Keys are sorted, so the same event gives the same line.
public struct LogLineFormatter: Sendable, Hashable {
    public var format: LogFormat

    public init(format: LogFormat) {
        self.format = format
    }

    /// The line for an event, without the line break. `secondsSince1970` is the event's time (only
    /// the JSON form has one: a terminal or a journal adds its own).
    public func line(
        level: Logger.Level, message: String, metadata: Logger.Metadata, secondsSince1970: Double
    ) -> String {
        switch format {
        case .text:
            var line = Self.levelNames[level] ?? level.rawValue.uppercased()
            line += " " + message
            for key in metadata.keys.sorted() {
                line += " " + key + "=" + Self.textValue(metadata[key]!)
            }
            return line
        case .json:
            var line = "{\"ts\":" + JSONText.quoted(Self.timestamp(secondsSince1970))
            line += ",\"level\":" + JSONText.quoted(level.rawValue)
            line += ",\"message\":" + JSONText.quoted(message)
            line += ",\"metadata\":" + Self.jsonValue(.dictionary(metadata)) + "}"
            return line
        }
    }

    /// The text printed for a redacted value.
    public static let redacted = "<redacted>"

    private static let levelNames: [Logger.Level: String] = [
        .trace: "TRACE", .debug: "DEBUG", .info: "INFO", .notice: "NOTICE", .warning: "WARNING",
        .error: "ERROR", .critical: "CRITICAL",
    ]

    /// A value as `key=value` shows it: quoted when it has spaces, quotes or `=` or is empty.
    private static func textValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): return quotedIfNeeded(text)
        case .stringConvertible(let convertible):
            return convertible is Secret ? redacted : quotedIfNeeded(convertible.description)
        case .array, .dictionary: return jsonValue(value)
        }
    }

    private static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes =
            text.isEmpty
            || text.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.value < 0x20 }
        return needsQuotes ? JSONText.quoted(text) : text
    }

    private static func jsonValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): return JSONText.quoted(text)
        case .stringConvertible(let convertible):
            if convertible is Secret { return JSONText.quoted(redacted) }
            // Numbers and Booleans stay numbers and Booleans, so a collector can sum `rows.read`.
            if let number = convertible as? any BinaryInteger { return "\(number)" }
            if let number = convertible as? Double, number.isFinite { return "\(number)" }
            if let flag = convertible as? Bool { return flag ? "true" : "false" }
            return JSONText.quoted(convertible.description)
        case .array(let values): return "[" + values.map(jsonValue).joined(separator: ",") + "]"
        case .dictionary(let entries):
            return "{"
                + entries.keys.sorted().map { JSONText.quoted($0) + ":" + jsonValue(entries[$0]!) }
                .joined(separator: ",") + "}"
        }
    }

    /// `2026-11-25T09:13:32.123Z`: RFC 3339 in UTC with milliseconds.
    static func timestamp(_ secondsSince1970: Double) -> String {
        // Whole milliseconds first: `x - floor(x)` of 1795000000.123 is 0.12299…, which would print .122.
        let total = Int64((secondsSince1970 * 1000).rounded(.down))
        var seconds = time_t(total / 1000)
        let milliseconds = Int(total % 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(Int(parts.tm_year) + 1900, 4) + "-" + padded(Int(parts.tm_mon) + 1, 2) + "-"
            + padded(Int(parts.tm_mday), 2) + "T" + padded(Int(parts.tm_hour), 2) + ":"
            + padded(Int(parts.tm_min), 2) + ":" + padded(Int(parts.tm_sec), 2) + "."
            + padded(milliseconds, 3) + "Z"
    }
}

/// JSON string escaping (RFC 8259): quotes, backslashes and control characters; everything else as is.
enum JSONText {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
