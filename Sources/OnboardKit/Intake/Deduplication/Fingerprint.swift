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
    ///
    /// The same bytes as `StableHash(fields:)` of the eleven values, hashed without building the
    /// array and its strings (this runs once per valid user row).
    public var fingerprint: StableHash {
        var state = StableHash.State()
        state.add(tenant?.rawValue ?? "")
        state.add(separated: userPrincipalName.key.rawValue)
        state.add(separated: displayName.rawValue)
        state.add(separated: firstName ?? "")
        state.add(separated: lastName ?? "")
        state.add(separated: jobTitle ?? "")
        state.add(separated: department ?? "")
        state.add(separated: usageLocation?.rawValue ?? "")
        state.add(separated: role?.rawValue ?? "")
        state.add(separated: isSignInBlocked ? "1" : "0")
        if let password {
            let hash = StableHash(password.secret.revealed)
            state.add(separated: String(hash.high, radix: 16) + String(hash.low, radix: 16))
        } else {
            state.add(separated: "")
        }
        return state.finish()
    }

    /// The fingerprint as it was first written, `StableHash(fields:)` of the values: the reference
    /// `fingerprint` must equal (tests compare them).
    var referenceFingerprint: StableHash {
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
