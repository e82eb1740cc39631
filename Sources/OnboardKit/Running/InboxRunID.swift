import Foundation

/// The id of one `onboard run`: its UTC start time to the millisecond and six random hex digits,
/// `20261125-110512.347-3fa9c2`.
///
/// It names the run's archive folder (`archive/<id>/`), its failed folder and its output folder
/// (`<out>/run-<id>`). Every id has the same width, so ids sort by start time as text (`ls` lists
/// runs in order; runs of one store follow each other under its lock, milliseconds apart at least),
/// and the random digits keep two runs started in the same millisecond (of two stores) apart.
public struct InboxRunID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A new id for a run starting at `now`.
    public static func make(now: Date = Date()) -> InboxRunID {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss.SSS"
        let random = String(UInt32.random(in: 0..<(1 << 24)), radix: 16)
        let suffix = String(repeating: "0", count: 6 - random.count) + random
        return InboxRunID(rawValue: formatter.string(from: now) + "-" + suffix)
    }

    public var description: String { rawValue }

    public static func < (lhs: InboxRunID, rhs: InboxRunID) -> Bool { lhs.rawValue < rhs.rawValue }
}
