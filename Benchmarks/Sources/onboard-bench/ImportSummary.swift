import Foundation

/// The figures of an import's `summary.json` that the benchmark reports: what the run did, so a
/// table never shows a fast run that silently did nothing.
struct ImportSummary: Sendable, Hashable {
    /// Counts of one kind of row (`rows`, `customers` or `users`).
    struct Counts: Sendable, Hashable {
        /// Every row read, whatever became of it.
        var read = 0
        var created = 0
        var updated = 0
        var unchanged = 0
        var rejected = 0
        /// Rejected rows that conflict with an earlier one (counted among `rejected` too).
        var conflict = 0
        var duplicate = 0
    }

    var customers: Counts
    var users: Counts
    var retries: Int
    var accountsDelivered: Int

    /// Reads `summary.json` in `folder`; throws when it is missing or has not the expected keys.
    init(folder: String) throws {
        let path = "\(folder)/summary.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportSummaryError(path: path, reason: "cannot be read")
        }
        try self.init(json: data, path: path)
    }

    init(json: Data, path: String = "summary.json") throws {
        guard let document = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw ImportSummaryError(path: path, reason: "is not a JSON object")
        }
        func counts(_ key: String) throws -> Counts {
            guard let object = document[key] as? [String: Any] else {
                throw ImportSummaryError(path: path, reason: "has no object `\(key)`")
            }
            func number(_ name: String) -> Int { (object[name] as? NSNumber)?.intValue ?? 0 }
            return Counts(
                read: number("read"), created: number("created"), updated: number("updated"),
                unchanged: number("unchanged"),
                rejected: number("rejected"), conflict: number("conflict"), duplicate: number("duplicate"))
        }
        customers = try counts("customers")
        users = try counts("users")
        retries = (document["retries"] as? NSNumber)?.intValue ?? 0
        accountsDelivered = (document["accountsDelivered"] as? NSNumber)?.intValue ?? 0
    }

}

/// A `summary.json` the benchmark cannot use.
struct ImportSummaryError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path) \(reason)" }
}
