import GRDB
import OnboardCore

extension DirectoryError {
    /// A store failure as a directory error: a busy or locked file is transient (another process holds
    /// the write lock past the busy timeout; retrying later may pass), everything else permanent.
    ///
    /// The message keeps SQLite's own text and names the operation; GRDB leaves bound values out of
    /// it, so no attribute value (and certainly no secret) is quoted.
    init(storeFailure error: any Error, while operation: String) {
        if let error = error as? DirectoryError {
            self = error
        } else if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                self = .transient(
                    reason: "the store file is busy while \(operation); another onboard may be writing to it",
                    retryAfter: .milliseconds(100))
            default:
                self = .permanent(
                    reason: "the store failed while \(operation): \(error.message ?? "\(error.resultCode)")")
            }
        } else {
            self = .permanent(reason: "the store failed while \(operation): \(error)")
        }
    }
}

extension DatabaseError {
    /// Whether this is a UNIQUE constraint failure on `column` (`table.column`), the store's last
    /// line of defence behind the core's own look-ups.
    func isUniqueViolation(on column: String) -> Bool {
        extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && (message ?? "").contains(column)
    }
}

/// Runs `body`, turning a UNIQUE violation on `column` into `error` (the typed directory error).
func mappingUniqueViolation<T>(on column: String, to error: DirectoryError, _ body: () throws -> T) throws
    -> T
{
    do {
        return try body()
    } catch let failure as DatabaseError where failure.isUniqueViolation(on: column) {
        throw error
    }
}
