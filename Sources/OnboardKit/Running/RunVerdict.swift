import Foundation

/// How a run that got to its end (or was interrupted) ended, as its exit status tells it: the one
/// place that weighs rejected rows, a reject-rate limit and a signal against each other.
///
/// - an interrupted run is interrupted (130/143), whatever it rejected on the way;
/// - without a limit, any rejected or conflicting row makes the run `rejected` (1);
/// - with a limit (`--max-reject-rate`, the configuration's `max-reject-rate`), rejected rows are
///   tolerated up to it: `rejectRateExceeded` (1) only when rejected ÷ rows read is above the limit,
///   `clean` (0) otherwise; the rejected rows are in `rejects/` and the reports either way.
public enum RunVerdict: Sendable, Hashable {
    /// Every row read went through, or the rejected ones stayed within the limit.
    case clean
    /// Rows were rejected and no limit was given.
    case rejected
    /// More rows were rejected than the limit allows.
    case rejectRateExceeded(rejected: Int, read: Int, limit: Double)
    /// A signal stopped the run.
    case interrupted(RunInterruption.Signal)

    /// The verdict on a run that read `rows`, stopped by `signal` (if any), with the reject-rate
    /// `limit` (a share, 0 to 1) if any.
    public init(rows: PlanCounts, signal: RunInterruption.Signal? = nil, maxRejectRate limit: Double? = nil) {
        if let signal {
            self = .interrupted(signal)
        } else if rows.rejected == 0 {
            self = .clean
        } else if let limit {
            let rate = rows.read == 0 ? 0 : Double(rows.rejected) / Double(rows.read)
            self =
                rate > limit
                ? .rejectRateExceeded(rejected: rows.rejected, read: rows.read, limit: limit) : .clean
        } else {
            self = .rejected
        }
    }

    /// The process's exit status: 0, 1, or 128 + the signal.
    public var exitStatus: Int32 {
        switch self {
        case .clean: 0
        case .rejected, .rejectRateExceeded: 1
        case .interrupted(let signal): signal.exitStatus
        }
    }

    /// The one line to print on standard error, or `nil` when the report says it all.
    public var message: String? {
        switch self {
        case .clean, .rejected:
            return nil
        case .rejectRateExceeded(let rejected, let read, let limit):
            return
                "\(rejected) of \(read) rows read were rejected (\(Self.percent(Double(rejected) / Double(read)))), "
                + "above the limit of \(Self.percent(limit)) (--max-reject-rate); see the rejects files"
        case .interrupted(let signal):
            return "interrupted by \(signal.name): the reports cover the rows read until then; "
                + "run the same command again to finish"
        }
    }

    /// The share (0 to 1) a `--max-reject-rate` value gives: a percentage from 0 to 100, with or
    /// without `%` (`5`, `5%`, `12.5 %`); `nil` for anything else.
    public static func rejectRate(percent text: String) -> Double? {
        var number = Substring(text.trimmingCharacters(in: .whitespaces))
        if number.hasSuffix("%") { number = number.dropLast().drop(while: { $0 == " " }) }
        let trimmed = number.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(trimmed), (0...100).contains(value)
        else { return nil }
        return value / 100
    }

    /// `12.5 %`, `5 %`, `0.25 %`: as many decimals as the value needs, at most two.
    static func percent(_ share: Double) -> String {
        var text = String(format: "%.2f", share * 100)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + " %"
    }
}
