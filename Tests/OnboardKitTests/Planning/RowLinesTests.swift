import Testing

@testable import OnboardKit

/// The lines `plan` and `import` print never carry a control, zero-width or bidi character of a
/// value to the terminal.
struct RowLinesTests {
    @Test(arguments: [
        ("users.csv:2: name (\"Bob \u{1B}[2J\")", "users.csv:2: name (\"Bob \\u{1B}[2J\")"),
        ("x (\"abc\u{202E}gpj.exe\")", "x (\"abc\\u{202E}gpj.exe\")"),
        ("a\u{200B}b\u{FEFF}c\nd", "a\\u{200B}b\\u{FEFF}c\\u{A}d"),
        ("Zoë Weiß ok", "Zoë Weiß ok"),
    ])
    func controlAndBidiCharactersAreWrittenAsEscapes(line: String, printed: String) {
        #expect(RowLines.printable(line) == printed, "\(printed)")
    }

    @Test func everyListedLineIsPrintable() {
        let lines = RowLines(rejected: ["r \u{1B}"], duplicates: [], warnings: ["w \u{202E}"], omitted: 0)
            .text
        #expect(lines == ["Rejected:", "  r \\u{1B}", "Warnings:", "  w \\u{202E}"], "\(lines)")
    }
}
