import Dispatch
import Foundation
import Synchronization

/// The live progress line of a run on a terminal: rows read (of the total when known), rows per
/// second, rejected rows, tenants done and the time left, redrawn ten times a second on standard
/// error, wiped at the end.
///
/// Show it only when standard error is a terminal and the person did not ask for `--quiet`: cron's
/// mail and log files must not collect redraws. Colour only when asked (callers pass `NO_COLOR`'s
/// absence); the counts themselves never depend on it.
///
/// A class: it owns the timer that redraws. `@unchecked Sendable`: the timer is a Dispatch source,
/// safe to use from any thread by Dispatch's contract but not marked `Sendable` on Linux; everything
/// else is immutable or atomic.
public final class ProgressLine: @unchecked Sendable {
    private let progress: RunProgress
    private let line: StatusLine
    private let isColoured: Bool
    private let timer: any DispatchSourceTimer
    /// The timer's queue: serial, so ``stop()`` can wait out a redraw in progress.
    private let queue = DispatchQueue(label: "onboard.progress")
    private let label: String
    private let isStarted = Atomic(false)

    /// A progress line of `progress` on `line`, labelled with the command's name; not shown before
    /// ``start()``.
    public init(
        progress: RunProgress, label: String, line: StatusLine = .standardError, isColoured: Bool = false,
        interval: DispatchTimeInterval = .milliseconds(100)
    ) {
        self.progress = progress
        self.label = label
        self.line = line
        self.isColoured = isColoured
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval)
    }

    /// Whether a progress line belongs on standard error: a terminal, no `--quiet`.
    public static func isWanted(quiet: Bool, line: StatusLine = .standardError) -> Bool {
        !quiet && line.isTerminal
    }

    /// Whether colour is allowed: no `NO_COLOR` (https://no-color.org: set and not empty), no `TERM=dumb`.
    public static func allowsColour(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Bool
    {
        (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// Starts redrawing.
    public func start() {
        guard !isStarted.exchange(true, ordering: .relaxed) else { return }
        timer.setEventHandler { [self] in draw() }
        timer.resume()
    }

    /// Stops redrawing and wipes the line.
    public func stop() {
        // On the timer's queue: a redraw in progress ends first, none comes after the wipe.
        // A Dispatch source must not go away suspended: one never started is resumed to be cancelled.
        if !isStarted.exchange(true, ordering: .relaxed) { timer.resume() }
        queue.sync {
            timer.cancel()
            line.clear()
        }
    }

    private func draw() {
        let (text, width) = Self.text(progress.snapshot(), label: label, isColoured: isColoured)
        let limit = line.columns - 1
        if width > limit {
            // Colour codes would be cut in half: a narrow terminal gets the plain text.
            let plain = Self.text(progress.snapshot(), label: label, isColoured: false).text
            line.show(String(plain.prefix(limit)), visibleWidth: min(limit, plain.count))
        } else {
            line.show(text, visibleWidth: width)
        }
    }

    /// The line for `snapshot`, and its width on screen (colour codes take none).
    public static func text(_ snapshot: RunProgress.Snapshot, label: String, isColoured: Bool) -> (
        text: String, width: Int
    ) {
        var parts: [(String, colour: String?)] = []
        let read = number(snapshot.rowsRead)
        parts.append(
            (snapshot.rowsTotal > 0 ? "\(read) of \(number(snapshot.rowsTotal)) rows" : "\(read) rows", nil))
        if let rate = snapshot.rowsPerSecond { parts.append(("\(number(Int(rate.rounded()))) rows/s", nil)) }
        parts.append(("\(number(snapshot.rowsRejected)) rejected", snapshot.rowsRejected > 0 ? "33" : nil))
        parts.append(("\(number(snapshot.tenantsDone)) tenants done", nil))
        if let left = snapshot.secondsLeft { parts.append(("ETA \(duration(left))", nil)) }
        var text = "\(label): "
        var width = text.count
        for (index, part) in parts.enumerated() {
            let separator = index == 0 ? "" : " · "
            width += separator.count + part.0.count
            if isColoured, let colour = part.colour {
                text += separator + "\u{1B}[\(colour)m" + part.0 + "\u{1B}[0m"
            } else {
                text += separator + part.0
            }
        }
        return (text, width)
    }

    /// `1,234,567`.
    static func number(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0, digit != "-" { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }

    /// `0:42`, `12:05`, `1:02:03`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }
}
