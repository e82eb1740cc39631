import OnboardCore

/// Fingerprints of drafts: a hash of their normalised values, so two rows that say the same thing
/// in different spellings (`DE` / `de`, `yes` / `TRUE`, spaces around values) are identical.
extension TenantDraft {
    /// The hash of every normalised value of the draft.
    public var fingerprint: StableHash {
        StableHash(fields: [
            prefix.rawValue, company.rawValue, country.rawValue,
            address.street ?? "", address.city ?? "", address.region ?? "", address.postalCode ?? "",
            contact.firstName, contact.lastName, contact.email.rawValue.lowercased(), contact.phone ?? "",
            language?.rawValue ?? "", culture?.rawValue ?? "",
            offers.map(\.key).sorted().joined(separator: ";"),
            disasterRecoveryMode?.rawValue ?? "",
            extraDomains.map(\.rawValue).sorted().joined(separator: ";"),
        ])
    }
}

extension UserDraft {
    /// The hash of every normalised value of the draft; a given password counts by its own hash,
    /// so two rows differing only in the password conflict.
    public var fingerprint: StableHash {
        var fields = [
            tenant?.rawValue ?? "", userPrincipalName.key.rawValue, displayName.rawValue,
            firstName ?? "", lastName ?? "", jobTitle ?? "", department ?? "", usageLocation?.rawValue ?? "",
            role?.rawValue ?? "", isSignInBlocked ? "1" : "0",
        ]
        if let password {
            let hash = StableHash(password.secret.revealed)
            fields.append(String(hash.high, radix: 16) + String(hash.low, radix: 16))
        } else {
            fields.append("")
        }
        return StableHash(fields: fields)
    }
}
