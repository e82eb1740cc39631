import Foundation
import OnboardCore

/// How the engine retries a directory call that failed with a transient error: a bounded number of
/// attempts, exponential back-off with full jitter, and never sooner than a `retryAfter` hint.
///
/// Full jitter (a uniform wait between zero and the capped exponential delay) spreads the retries of
/// many workers hit by the same throttling, so they do not come back all at once.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var attempts: Int
    /// The delay ceiling of the first retry; doubled for each further one.
    public var baseDelay: Duration
    /// The most any one wait may be (a `retryAfter` hint may ask for more, and is honoured).
    public var maximumDelay: Duration

    public static let standard = RetryPolicy(
        attempts: 5, baseDelay: .milliseconds(50), maximumDelay: .seconds(5))

    /// The range `attempts` must be in (`[retry].attempts`).
    public static let attemptsRange = 1...20
    /// The longest delay either setting may have, so a typo cannot stall a run for hours.
    public static let longestDelay: Duration = .seconds(600)

    public init(attempts: Int, baseDelay: Duration, maximumDelay: Duration) {
        self.attempts = max(1, attempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// The most the wait before retry number `retry` (1 for the first) may be, jitter aside:
    /// `baseDelay × 2^(retry-1)`, at most `maximumDelay`.
    public func ceiling(beforeRetry retry: Int) -> Duration {
        min(maximumDelay, baseDelay * (1 << min(retry - 1, 30)))
    }

    /// The wait before retry number `retry` (1 for the first), given the failure's hint.
    func delay(
        beforeRetry retry: Int, retryAfter: Duration?, using generator: inout some RandomNumberGenerator
    )
        -> Duration
    {
        let nanoseconds = Self.nanoseconds(ceiling(beforeRetry: retry))
        let jittered = Duration.nanoseconds(
            nanoseconds > 0 ? Int64.random(in: 0...nanoseconds, using: &generator) : 0)
        return max(jittered, retryAfter ?? .zero)
    }

    /// Runs `body`, retrying transient failures; calls `retrying` before each retry (to count it).
    func run<T>(retrying: () -> Void, _ body: () throws(DirectoryError) -> T) throws(DirectoryError) -> T {
        var attempt = 1
        var generator = SecureRandom()
        while true {
            do throws(DirectoryError) {
                return try body()
            } catch {
                guard case .transient(_, let retryAfter) = error, attempt < attempts else { throw error }
                retrying()
                Self.sleep(delay(beforeRetry: attempt, retryAfter: retryAfter, using: &generator))
                attempt += 1
            }
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    static func sleep(_ duration: Duration) {
        let nanoseconds = nanoseconds(duration)
        guard nanoseconds > 0 else { return }
        var request = timespec(
            tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
