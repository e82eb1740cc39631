import OnboardCore

/// Tells first occurrences from duplicates and conflicts within a run, and spots near-duplicates.
///
/// Customers are keyed by domain prefix, users by the core's UPN key (trimmed, NFKC, case-folded).
/// The first occurrence wins: a later row with the same key and the same normalised data is a
/// duplicate of it; with different data it is a conflict, rejected, naming both rows. Rows whose
/// keys differ but look like the same thing (same company name, same display name in one tenant)
/// get a warning. Only ledger slots (`KeyLedger`, `NameLedger`) are kept per key, never rows.
public struct Deduplicator: Sendable {
    /// The run's input files, in the order their rows are recorded; `RowLocation.file` indexes it.
    public private(set) var files: [String] = []
    private var customers = KeyLedger()
    private var companies = NameLedger()
    private var users = KeyLedger()
    private var displayNames = NameLedger()
    private var foldedNames = FoldedWords()

    public init() {}

    /// Registers an input file; returns its index for `RowLocation`.
    public mutating func addFile(_ path: String) -> Int {
        files.append(path)
        return files.count - 1
    }

    /// Makes room for this many customer and user rows, so the ledgers never grow while reading them.
    public mutating func reserveCapacity(customers customerRows: Int, users userRows: Int) {
        customers.reserveCapacity(customerRows)
        companies.reserveCapacity(customerRows)
        users.reserveCapacity(userRows)
        displayNames.reserveCapacity(userRows)
    }

    /// Drops every key (the files stay): once all rows are read the ledgers are not needed, and the
    /// reports that are written next should not have them on top of their own memory.
    public mutating func forgetKeys() {
        customers = KeyLedger()
        companies = NameLedger()
        users = KeyLedger()
        displayNames = NameLedger()
        foldedNames = FoldedWords()
    }

    /// Where `location` is, as people read it: `users.csv:12`.
    public func describe(_ location: RowLocation) -> String {
        message("", location, "")
    }

    /// `head`, where `location` is (`users.csv:12`), then `tail`, built in one allocation:
    /// a near-duplicate warning can be on every other row of a run, and the interpolation grew the
    /// string four times.
    private func message(_ head: String, _ location: RowLocation, _ tail: String) -> String {
        let file = files[Int(location.file)]
        let line = String(location.line)
        var text = ""
        text.reserveCapacity(head.utf8.count + file.utf8.count + 1 + line.utf8.count + tail.utf8.count)
        text += head
        text += file
        text += ":"
        text += line
        text += tail
        return text
    }

    /// The number of distinct keys held (customers, companies, users, display names).
    public var keyCount: Int { customers.count + companies.count + users.count + displayNames.count }

    /// Records a valid customer row. A conflict comes back as an error finding in `findings`.
    public mutating func record(
        _ draft: TenantDraft, at location: RowLocation, prefixColumn: String = "domain_prefix",
        companyColumn: String = "company", findings: inout RowFindings
    ) -> KeyLedger.Sighting {
        let sighting = customers.record(
            key: StableHash("customer\u{1F}" + draft.prefix.rawValue), fingerprint: draft.fingerprint,
            at: location)
        switch sighting {
        case .first:
            let company = CompanyNameKey.make(draft.company.rawValue)
            if let earlier = companies.record(key: StableHash(company), at: location) {
                findings.add(
                    .nearDuplicateCompany, field: companyColumn, value: draft.company.rawValue,
                    "The company looks like the one at \(describe(earlier)) under another domain prefix; "
                        + "check that the customer is not entered twice.")
            }
        case .conflict(let earlier):
            findings.add(
                .conflict, field: prefixColumn, value: draft.prefix.rawValue,
                "The domain prefix \(draft.prefix.rawValue) was already given at \(describe(earlier)) with different "
                    + "data; this row is rejected and the first one kept: merge the two rows into one.")
        case .duplicate:
            break
        }
        return sighting
    }

    /// Records a valid user row. A conflict comes back as an error finding in `findings`.
    public mutating func record(
        _ draft: UserDraft, at location: RowLocation, column: String = "user_principal_name",
        displayNameColumn: String = "display_name",
        findings: inout RowFindings
    ) -> KeyLedger.Sighting {
        let key = draft.userPrincipalName.key.rawValue
        // The hashes of "user\u{1F}" + key and of the fields joined, without building the strings.
        var userKey = StableHash.State()
        userKey.add("user")
        userKey.add(separated: key)
        let sighting = users.record(key: userKey.finish(), fingerprint: draft.fingerprint, at: location)
        switch sighting {
        case .first:
            var name = StableHash.State()
            name.add(draft.tenant?.rawValue ?? "")
            name.add(byte: 0x1F)
            foldedNames.fold(draft.displayName.rawValue) { name.add(byte: $0) }
            if let earlier = displayNames.record(key: name.finish(), at: location) {
                findings.add(
                    .nearDuplicateUser, field: displayNameColumn, value: draft.displayName.rawValue,
                    message(
                        "A user of the same tenant with the same display name but another user name is at ",
                        earlier, "; check that the person is not entered twice."))
            }
        case .conflict(let earlier):
            findings.add(
                .conflict, field: column, value: draft.userPrincipalName.rawValue,
                "The user \(key) was already given at \(describe(earlier)) with different data; this row is "
                    + "rejected and the first one kept: merge the two rows into one.")
        case .duplicate:
            break
        }
        return sighting
    }
}
