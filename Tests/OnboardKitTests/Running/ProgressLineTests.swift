import Foundation
import Testing

@testable import OnboardKit

/// The progress line's text: counts, rate, time left; colour only when allowed.
struct ProgressLineTests {
    @Test func aRunOfKnownSizeShowsTheTotalTheRateAndTheTimeLeft() {
        let snapshot = RunProgress.Snapshot(
            rowsRead: 25_000, rowsRejected: 12, tenantsDone: 30, rowsTotal: 100_000, seconds: 5)
        let (text, width) = ProgressLine.text(snapshot, label: "import", isColoured: false)
        #expect(
            text
                == "import: 25,000 of 100,000 rows · 5,000 rows/s · 12 rejected · 30 tenants done · ETA 0:15",
            "the line: \(text)")
        #expect(width == text.count, "without colour the width is the length")
    }

    @Test func beforeTheRateSettlesNeitherRateNorTimeLeftIsGuessed() {
        let snapshot = RunProgress.Snapshot(
            rowsRead: 10, rowsRejected: 0, tenantsDone: 0, rowsTotal: 0, seconds: 0.1)
        let (text, _) = ProgressLine.text(snapshot, label: "plan", isColoured: false)
        #expect(text == "plan: 10 rows · 0 rejected · 0 tenants done", "the line: \(text)")
    }

    @Test func colourMarksRejectedRowsAndTakesNoWidth() {
        let snapshot = RunProgress.Snapshot(
            rowsRead: 10, rowsRejected: 2, tenantsDone: 1, rowsTotal: 0, seconds: 0)
        let plain = ProgressLine.text(snapshot, label: "import", isColoured: false)
        let coloured = ProgressLine.text(snapshot, label: "import", isColoured: true)
        #expect(
            coloured.text.contains("\u{1B}[33m2 rejected\u{1B}[0m"),
            "rejected rows in yellow: \(coloured.text)")
        #expect(coloured.width == plain.width, "colour codes take no room on screen")
        #expect(!plain.text.contains("\u{1B}"), "no escape code without colour")
    }

    @Test(
        "NO_COLOR and a dumb terminal turn colour off",
        arguments: [
            ([:], true), (["NO_COLOR": "1"], false), (["NO_COLOR": ""], true), (["TERM": "dumb"], false),
        ] as [([String: String], Bool)])
    func colour(environment: [String: String], allowed: Bool) {
        #expect(ProgressLine.allowsColour(environment: environment) == allowed, "\(environment)")
    }

    @Test(arguments: [(0.0, "0:00"), (59.2, "1:00"), (61, "1:01"), (3_725, "1:02:05")] as [(Double, String)])
    func durations(seconds: Double, text: String) {
        #expect(ProgressLine.duration(seconds) == text, "\(seconds) s")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567")])
    func numbers(value: Int, text: String) {
        #expect(ProgressLine.number(value) == text, "\(value)")
    }

    @Test func countersFollowTheOutcomes() {
        let progress = RunProgress()
        progress.startReading(rows: 4)
        for _ in 0..<3 { progress.rowRead() }
        progress.outcome(.create, isCustomer: true)
        progress.outcome(.unchanged, isCustomer: false)
        progress.outcome(.conflict, isCustomer: false)
        progress.outcome(.duplicate, isCustomer: true)
        let snapshot = progress.snapshot()
        #expect(snapshot.rowsRead == 3 && snapshot.rowsTotal == 4, "rows read of the total: \(snapshot)")
        #expect(snapshot.rowsRejected == 1, "a conflict is rejected: \(snapshot)")
        #expect(
            snapshot.tenantsDone == 1, "only a customer row that went through is a tenant done: \(snapshot)")
    }
}
