/// Finds the line on which each key of a TOML document is written, for error messages.
///
/// TOMLKit reports positions only for syntax errors, not for the keys of a parsed table, so this
/// scans the text once: table headers (`[retry]`), `key = value` lines (bare, quoted and dotted keys)
/// and multi-line strings and arrays (whose inner lines are skipped). It is only asked about a
/// document TOMLKit has already parsed, so it need not judge the syntax; a key it cannot place
/// (an inline table's member) gets no line, and the message names its key path instead.
struct TOMLKeyLines {
    /// `retry.attempts` → 7, `retry` → 5 (the header's line).
    private(set) var lines: [String: Int] = [:]
    /// The first table header whose name starts with neither a bare-key character nor a quote
    /// (``[`retry]``, `[` at the end of a line). The TOML parser inside TOMLKit (toml++ 3) asserts on
    /// such a header instead of reporting it, which aborts the process, so it must never see one;
    /// found by fuzzing (`Fuzzing/`, FuzzConfiguration).
    private(set) var malformedHeaderLine: Int?
    /// The first key whose value is an inline table holding an array (`a = { b = [1] }`): see
    /// ``parsedText``; such a value is refused before TOMLKit sees it.
    private(set) var listValueLine: Int?
    /// The text for TOMLKit, with every array value replaced by `[]` (its other lines left empty, so
    /// line numbers stay). toml++ asserts on some malformed arrays (`_=[` then `}` on the next line,
    /// found by fuzzing), which aborts the process; onboard.toml has no array setting, so an empty
    /// one still gets its error ("must be a string, not an array") and toml++ never reads the rest.
    private(set) var parsedText = ""

    init(_ text: String) {
        var table: [String] = []
        var lineNumber = 0
        var openString: Substring?  // `"""` or `'''` while inside a multi-line string
        var bracketDepth = 0  // open `[` of a multi-line array value
        // Lines are split on the scalar: as Characters, "\r\n" is one and would not split.
        var parsedLines: [Substring] = []
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let rawLine = Substring(scalars)
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            parsedLines.append(rawLine)
            if let delimiter = openString {
                if line.range(of: delimiter) != nil { openString = nil }
                continue
            }
            if bracketDepth > 0 {
                bracketDepth += Self.bracketBalance(line)
                parsedLines[parsedLines.count - 1] = ""
                continue
            }
            // Scalars, as toml++ reads them: "[" and a combining mark are one Character.
            let header = scalars.drop(while: { $0 == " " || $0 == "\t" })
            if header.first == "[", malformedHeaderLine == nil, !Self.headerNameStartsWell(header) {
                malformedHeaderLine = lineNumber
            }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("[") {
                let isArrayTable = trimmed.hasPrefix("[[")
                let inner = trimmed.dropFirst(isArrayTable ? 2 : 1)
                guard let close = inner.firstIndex(of: "]") else { continue }
                table = Self.keyParts(inner[..<close])
                let path = table.joined(separator: ".")
                if lines[path] == nil { lines[path] = lineNumber }
                continue
            }
            guard let equals = Self.equalsSign(in: trimmed) else { continue }
            let key = Self.keyParts(trimmed[..<equals])
            guard !key.isEmpty else { continue }
            let path = (table + key).joined(separator: ".")
            if lines[path] == nil { lines[path] = lineNumber }
            let value = trimmed[trimmed.index(after: equals)...].drop(while: { $0 == " " || $0 == "\t" })
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if value.dropFirst(3).range(of: delimiter) == nil { openString = Substring(delimiter) }
            }
            if value.hasPrefix("{"), Self.brackets(in: value).opening > 0, listValueLine == nil {
                listValueLine = lineNumber
            }
            if value.hasPrefix("[") {
                bracketDepth = max(0, Self.bracketBalance(value))
                parsedLines[parsedLines.count - 1] = trimmed[..<value.startIndex] + "[]"
            }
        }
        parsedText = parsedLines.joined(separator: "\n")
    }

    /// The line of `path` (`["retry", "attempts"]`), if it was written on one.
    func line(of path: [String]) -> Int? { lines[path.joined(separator: ".")] }

    /// The `=` that ends the key: the first outside quotes.
    private static func equalsSign(in line: Substring) -> Substring.Index? {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            } else if character == "#" {
                return nil
            }
        }
        return nil
    }

    /// Whether the header `line` (starting with `[`) goes on, as toml++ reads it, with a bare-key
    /// character (A–Z a–z 0–9 `_` `-`), a quote, or `]` (which toml++ reports itself).
    private static func headerNameStartsWell(_ line: Substring.UnicodeScalarView) -> Bool {
        var rest = line.dropFirst()
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        let hadBlank = rest.first.map(blank) ?? false
        rest = rest.drop(while: blank)
        if !hadBlank, rest.first == "[" { rest = rest.dropFirst().drop(while: blank) }
        guard let first = rest.first else { return false }
        return ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)
            || "_-\"']".unicodeScalars.contains(first)
    }

    /// `retry . "base-delay"` → `["retry", "base-delay"]`.
    private static func keyParts(_ key: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in key {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current)
                current = ""
            } else if character != " " && character != "\t" {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.allSatisfy(\.isEmpty) ? [] : parts
    }

    /// Opening minus closing brackets outside strings and comments.
    private static func bracketBalance(_ text: Substring) -> Int {
        brackets(in: text).balance
    }

    /// The opening brackets (`[`) outside strings and comments, and how many more there are than
    /// closing ones.
    private static func brackets(in text: Substring) -> (opening: Int, balance: Int) {
        var opening = 0
        var balance = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            } else if character == "[" {
                opening += 1
                balance += 1
            } else if character == "]" {
                balance -= 1
            }
        }
        return (opening, balance)
    }
}
