extension Directory {
    /// Looks up the stored user under each candidate's name, one after the other with the single-row
    /// calls (``user(key:)``, then ``roleAssignment(of:)`` for a user found); answers in input order.
    ///
    /// The default for directories without a faster way; it never answers ``StoredUserMatch/same``.
    /// The SQLite store overrides it with one read transaction per batch.
    public func storedUsers(matching candidates: [UserApplication]) throws(DirectoryError)
        -> [StoredUserMatch]
    {
        var matches: [StoredUserMatch] = []
        matches.reserveCapacity(candidates.count)
        for candidate in candidates {
            guard let existing = try user(key: candidate.user.key) else {
                matches.append(.absent)
                continue
            }
            matches.append(.stored(existing, try roleAssignment(of: candidate.user.key)))
        }
        return matches
    }
}
