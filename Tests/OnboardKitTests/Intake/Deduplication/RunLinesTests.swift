import Testing

@testable import OnboardKit

/// One 32-bit mark per row names its file and line again.
struct RunLinesTests {
    @Test(arguments: [
        [(0, 1), (0, 2), (0, 900), (1, 2), (1, 3), (3, 1), (3, 5_000_000)],
        [(0, 0), (2, 0), (2, 7)],
        [(5, 4_000_000_000), (6, 1)],
    ])
    func marksGiveBackTheirLocations(_ rows: [(Int, Int)]) {
        var lines = RunLines()
        let marks = rows.map { lines.mark(RowLocation(file: $0.0, line: $0.1)) }
        for ((file, line), mark) in zip(rows, marks) {
            #expect(
                lines.location(of: mark) == RowLocation(file: file, line: line),
                "file \(file) line \(line) back from mark \(mark)")
        }
        #expect(Set(marks).count == marks.count, "no two rows share a mark")
    }

    @Test func linesOutOfOrderWithinAFileStillMapBack() {
        var lines = RunLines()
        let late = lines.mark(RowLocation(file: 0, line: 50))
        let early = lines.mark(RowLocation(file: 0, line: 3))
        let next = lines.mark(RowLocation(file: 1, line: 1))
        #expect(lines.location(of: late) == RowLocation(file: 0, line: 50), "higher line first")
        #expect(lines.location(of: early) == RowLocation(file: 0, line: 3), "lower line after it")
        #expect(lines.location(of: next) == RowLocation(file: 1, line: 1), "next file past the highest line")
    }
}
