/// A user's sign-in name, `alice@contoso.onmicrosoft.com`, as the big identity providers allow it.
///
/// The part before the `@` has 1 to 64 of `A–Z a–z 0–9 ' . - _ ! # ^ ~`, no dot at its start or end
/// and no `..`; the part after is a ``DomainName``; at most 113 characters in all.
///
/// The rules are checked on the Unicode NFKC form, so a name typed with full-width letters
/// (`ａlice@…`, common with East Asian input methods) is accepted as the name it stands for, and
/// its ``key`` equals that of `alice@…`. The original spelling is kept in ``rawValue`` (the directory
/// shows it as written); uniqueness and duplicate detection use ``key``. `==` compares the spelling
/// too (so a changed spelling is an update); compare ``key`` to ask "same user?".
public struct UserPrincipalName: Sendable, Hashable, CustomStringConvertible {
    /// The most characters before the `@`.
    public static let maximumLocalPartLength = 64
    /// The most characters in all.
    public static let maximumLength = 113

    /// What makes two names the same user: trimmed, NFKC-normalised, case-folded.
    public struct Key: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let rawValue: String
        public var description: String { rawValue }
        public static func < (lhs: Key, rhs: Key) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The name as given, trimmed.
    public let rawValue: String
    /// The uniqueness key.
    public let key: Key
    /// The domain after the `@`, lower-cased.
    public let domain: DomainName

    /// Parses a user principal name, reporting every rule it breaks (too long *and* `..` both).
    public static func parse(_ raw: String) throws(DomainViolations) -> UserPrincipalName {
        if let plain = plain(raw) { return plain }
        let text = raw.trimmed
        let normal = compatibilityNormalized(text)
        let what = "The user name \(quoted(text))"
        var problems = ViolationList()
        let parts = normal.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 {
            problems.add(
                .upnAtSign,
                "\(what) has \(parts.count - 1) @ signs; it needs exactly one, as in alice@contoso.onmicrosoft.com."
            )
        }
        let local = parts[0]
        if local.isEmpty || local.count > maximumLocalPartLength {
            problems.add(
                .upnLocalPartLength,
                "\(what) has \(local.count) characters before the @; use 1 to \(maximumLocalPartLength).")
        }
        let bad = local.filter { !$0.unicodeScalars.allSatisfy(isLocalPartScalar) }
        if !bad.isEmpty {
            problems.add(
                .upnLocalPartCharacters,
                "\(what) contains \(listed(bad)) before the @; use only letters A–Z, digits and ' . - _ ! # ^ ~."
            )
        }
        if local.first == "." || local.last == "." || local.contains("..") {
            problems.add(
                .upnDots,
                "\(what) starts or ends with a dot before the @ or has two dots in a row; remove the extra dot."
            )
        }
        if parts.count >= 2 {
            for (_, message) in DomainName.problems(
                in: String(parts[parts.count - 1]), what: "The domain of \(quoted(text))")
            {
                problems.add(.upnDomainSyntax, message)
            }
        }
        if normal.count > maximumLength {
            problems.add(.upnLength, "\(what) has \(normal.count) characters; use at most \(maximumLength).")
        }
        try problems.throwIfAny()
        let folded = normal.asciiLowercased  // all ASCII now, so ASCII lower-casing is full case folding
        let domainText = folded[folded.index(after: folded.firstIndex(of: "@")!)...]
        return UserPrincipalName(
            rawValue: text, key: Key(rawValue: folded), domain: DomainName(checked: String(domainText)))
    }

    private init(rawValue: String, key: Key, domain: DomainName) {
        self.rawValue = rawValue
        self.key = key
        self.domain = domain
    }

    /// The fast path: a plain ASCII name that breaks no rule, built without preparing any message.
    private static func plain(_ raw: String) -> UserPrincipalName? {
        raw.withASCIIBytes { bytes -> UserPrincipalName? in
            guard bytes.count <= maximumLength, let at = bytes.firstIndex(of: 0x40), at > 0,
                at <= maximumLocalPartLength
            else { return nil }
            let local = UnsafeBufferPointer(rebasing: bytes[..<at])
            guard local.first != 0x2E, local.last != 0x2E else { return nil }
            var previous: UInt8 = 0
            for byte in local {
                guard ASCII.isLetterOrDigit(byte) || isLocalPartPunctuation(byte),
                    !(byte == 0x2E && previous == 0x2E)
                else { return nil }
                previous = byte
            }
            let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
            guard ASCII.isPlainDomain(domain) else { return nil }
            // Most names are written in lower case already: then the key is the name itself, the same
            // string storage, and no second string is built.
            let hasUpper = bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
            let key = hasUpper ? ASCII.string(bytes, ASCII.lowercased) : raw
            return UserPrincipalName(
                rawValue: raw, key: Key(rawValue: key),
                domain: DomainName(checked: ASCII.string(domain, ASCII.lowercased)))
        }
    }

    /// `' . - _ ! # ^ ~`
    private static func isLocalPartPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x27, 0x2E, 0x2D, 0x5F, 0x21, 0x23, 0x5E, 0x7E: true
        default: false
        }
    }

    /// The user name: the normalised part before the `@`, lower-cased (what a password must not contain).
    public var userName: String {
        let utf8 = key.rawValue.utf8
        return String(Substring(utf8[..<(utf8.firstIndex(of: 0x40) ?? utf8.endIndex)]))
    }

    public var description: String { rawValue }

    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetterOrDigit || "'.-_!#^~".unicodeScalars.contains(scalar)
    }
}
