import GRDB
import OnboardCore

extension SQLiteDirectory {
    /// Looks up the stored user under each candidate's name in one read transaction; answers in input
    /// order, as the core's single-row look-ups would.
    ///
    /// A plan asks for hundreds of rows at once, so it pays one transaction (and one hop to the
    /// reader's queue) per batch instead of two per row. Each row is one index look-up of its stored
    /// fingerprint: equal to the candidate's (see ``UserRowImage``), the row is ``StoredUserMatch/same``
    /// without being read back; otherwise the user and its role are read in full and handed back for
    /// the caller to compare. A row's password is not used.
    public func storedUsers(matching candidates: [UserApplication]) throws(DirectoryError)
        -> [StoredUserMatch]
    {
        guard !candidates.isEmpty else { return [] }
        return try reading("looking up \(candidates.count) users") { db in
            let lookup = try RawStatement(db, sql: "SELECT fingerprint FROM tenant_user WHERE upn_key = ?")
            var image = UserRowImage()
            var matches: [StoredUserMatch] = []
            matches.reserveCapacity(candidates.count)
            for candidate in candidates {
                switch try Self.fingerprintMatch(of: candidate, in: lookup, image: &image) {
                case .absent: matches.append(.absent)
                case .same: matches.append(.same)
                case .different:
                    // Read in full only now: a plan of a changed input meets few such rows.
                    let stored = try StoredUser.fetch(db, key: candidate.user.key)
                    matches.append(stored.map { .stored($0.user, $0.role) } ?? .absent)
                }
            }
            return matches
        }
    }

    /// Whether the stored fingerprint under the candidate's key is the candidate's own.
    enum FingerprintMatch {
        /// No user has the name.
        case absent
        /// Equal fingerprints: equal bytes of every compared value, tenant included.
        case same
        /// Something differs, or the stored row has no fingerprint: compare in full.
        case different
    }

    /// Looks the candidate's key up with `lookup` (`SELECT fingerprint … WHERE upn_key = ?`); only a
    /// user found is encoded and fingerprinted (into `image`, reused from row to row). A role of
    /// another user or tenant than the candidate's is never `same`.
    static func fingerprintMatch(
        of candidate: UserApplication, in lookup: RawStatement, image: inout UserRowImage
    ) throws -> FingerprintMatch {
        try StoredUserKey.withColumnBytes(of: candidate.user.key.rawValue) { key in
            lookup.reset()
            lookup.bindText(1, key.baseAddress, count: key.count)
            defer {
                lookup.reset()
                lookup.clearBindings()
            }
            guard try lookup.step() else { return .absent }
            guard candidate.role.user.key == candidate.user.key,
                candidate.role.tenant == candidate.user.tenant
            else { return .different }
            image.load(candidate.user, role: candidate.role)
            return image.withBytes { $0.hasFingerprint(lookup.blob(0)) } ? .same : .different
        }
    }
}
