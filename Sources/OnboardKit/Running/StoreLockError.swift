import Foundation

/// Why a run could not take the lock of its store; the description is one line for a person.
public struct StoreLockError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Another process held the lock for all of `waited`; `holder` is its PID when it wrote one.
        case busy(holder: Int32?, waited: Duration)
        /// The lock file could not be opened or locked (`errno` code): a missing folder, no permission.
        case unusable(code: Int32)
        /// A signal came while waiting for the lock.
        case interrupted
    }

    public var kind: Kind
    /// The store the lock guards, as given.
    public var store: String
    /// The lock file.
    public var lockPath: String

    public init(_ kind: Kind, store: String, lockPath: String) {
        self.kind = kind
        self.store = store
        self.lockPath = lockPath
    }

    /// Whether waiting longer might have helped: the lock was busy.
    public var isBusy: Bool {
        if case .busy = kind { return true }
        return false
    }

    public var description: String {
        switch kind {
        case .busy(let holder, let waited):
            let who = holder.map { "PID \($0)" } ?? "a process that has not written its PID yet"
            let waiting =
                waited > .zero
                ? "still busy after waiting \(Self.seconds(waited)) s" : "give --wait SECONDS to wait for it"
            return
                "the store \(store) is in use by another onboard run (\(who), lock \(lockPath)); \(waiting)"
        case .unusable(let code):
            return "cannot lock the store \(store): \(lockPath): \(String(cString: strerror(code)))"
        case .interrupted:
            return "interrupted while waiting for the lock of the store \(store)"
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) * 1e-18
        return value == value.rounded() ? String(Int64(value)) : String(format: "%.1f", value)
    }
}
