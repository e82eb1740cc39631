import Foundation
import Testing

@testable import OnboardKit

/// The status line redraws in place with `\r` and spaces, and log lines go above it.
struct StatusLineTests {
    /// What `body` writes through a status line on a pipe.
    func written(_ body: (StatusLine) -> Void) throws -> String {
        let pipe = Pipe()
        let line = StatusLine(descriptor: pipe.fileHandleForWriting.fileDescriptor)
        body(line)
        try pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test func aShorterLineWipesTheRestOfTheLongerOne() throws {
        let text = try written { line in
            line.show("12345")
            line.show("123")
            line.clear()
        }
        #expect(
            text == "\r12345\r" + "\r123  \r" + "\r   \r",
            "redrawn in place, then wiped: \(text.debugDescription)")
    }

    @Test func aLogLineWipesTheStatusLineFirst() throws {
        let text = try written { line in
            line.show("import: 10 rows")
            line.write("WARNING something\n")
            line.write("next\n")
        }
        #expect(
            text == "\rimport: 10 rows\r" + "\r" + String(repeating: " ", count: 15) + "\r"
                + "WARNING something\n" + "next\n",
            "the log line starts on a clean line: \(text.debugDescription)")
    }

    @Test func aPipeIsNotATerminal() {
        let pipe = Pipe()
        #expect(
            !StatusLine(descriptor: pipe.fileHandleForWriting.fileDescriptor).isTerminal,
            "no progress into a pipe")
        #expect(
            !ProgressLine.isWanted(
                quiet: false, line: StatusLine(descriptor: pipe.fileHandleForWriting.fileDescriptor)),
            "nor wanted")
    }
}
