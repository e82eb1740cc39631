/// A tenant's unique domain prefix: `contoso` names the tenant `contoso.onmicrosoft.com`.
///
/// 1 to 27 ASCII letters or digits, stored lower-cased, so `Contoso` and `contoso` are the same
/// prefix (the directory keeps prefixes unique ignoring case).
public struct DomainPrefix: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The most characters a prefix may have (the portal's limit).
    public static let maximumLength = 27

    /// The prefix, lower-cased.
    public let rawValue: String

    /// Parses a prefix, reporting every rule it breaks.
    public static func parse(_ raw: String) throws(DomainViolations) -> DomainPrefix {
        let plain: String? = raw.withASCIIBytes { bytes in
            guard (1...maximumLength).contains(bytes.count), bytes.allSatisfy(ASCII.isLetterOrDigit) else {
                return nil
            }
            return ASCII.string(bytes, ASCII.lowercased)
        }
        if let plain { return DomainPrefix(checked: plain) }
        let text = raw.trimmed
        var problems = ViolationList()
        let count = text.count
        if count == 0 {
            problems.add(
                .prefixLength, "The domain prefix is empty; give 1 to 27 letters or digits, e.g. contoso.")
        } else if count > maximumLength {
            problems.add(
                .prefixLength,
                "The domain prefix \(quoted(text)) has \(count) characters; use at most \(maximumLength).")
        }
        let bad = text.filter { !$0.unicodeScalars.allSatisfy(\.isASCIILetterOrDigit) }
        if !bad.isEmpty {
            problems.add(
                .prefixCharacters,
                "The domain prefix \(quoted(text)) contains \(listed(bad)); use only letters A–Z and digits.")
        }
        try problems.throwIfAny()
        return DomainPrefix(checked: text.asciiLowercased)
    }

    init(checked: String) { rawValue = checked }

    /// The tenant's initial domain, `prefix.onmicrosoft.com`.
    public var initialDomain: DomainName { DomainName(checked: rawValue + ".onmicrosoft.com") }

    public var description: String { rawValue }

    public static func < (lhs: DomainPrefix, rhs: DomainPrefix) -> Bool { lhs.rawValue < rhs.rawValue }
}
