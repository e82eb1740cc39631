/// The rows a person must look at, as `plan` and `import` print them: rejected, duplicate and
/// warning lines, each list under its heading, then how many were left out.
struct RowLines {
    var rejected: [String]
    var duplicates: [String]
    var warnings: [String]
    var omitted: Int

    var text: [String] {
        var lines: [String] = []
        for (heading, list) in [
            ("Rejected:", rejected), ("Duplicates (skipped):", duplicates), ("Warnings:", warnings),
        ]
        where !list.isEmpty {
            lines.append(heading)
            lines += list.map { "  " + Self.printable($0) }
        }
        if omitted > 0 {
            lines.append(
                "(\(omitted) more lines not shown: the rejects files and summary.json have them all)")
        }
        return lines
    }

    /// `line` with every control, zero-width and bidi character written as `\u{…}`: a value is
    /// quoted in these lines as it was given, and an escape sequence (`ESC[2J`) or a right-to-left
    /// override in it must not act on the terminal that shows them.
    static func printable(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: InvisibleCharacters.isSuspicious) else { return line }
        var result = ""
        for scalar in line.unicodeScalars {
            if InvisibleCharacters.isSuspicious(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
