/// An e-mail address with a practical syntax check: `name@domain.tld`.
///
/// The name part is letters, digits and the usual punctuation (``! # $ % & ' * + / = ? ^ _ ` { | } ~ -``)
/// with single dots between; the domain is a ``DomainName``; at most 254 characters. Quoted names and
/// IP-literal domains, legal but unseen in practice, are rejected. The spelling is kept.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address as given, trimmed.
    public let rawValue: String

    /// Parses an address, reporting every rule it breaks.
    public static func parse(_ raw: String) throws(DomainViolations) -> EmailAddress {
        let text = raw.trimmed
        let what = "The e-mail address \(quoted(text))"
        var problems = ViolationList()
        if text.count > 254 {
            problems.add(.emailLength, "\(what) has \(text.count) characters; use at most 254.")
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            problems.add(.emailSyntax, "\(what) must contain exactly one @, as in name@example.com.")
            throw DomainViolations(problems.items)
        }
        let local = parts[0]
        if local.isEmpty {
            problems.add(.emailSyntax, "\(what) has nothing before the @.")
        } else if local.count > 64 {
            problems.add(.emailLength, "\(what) has \(local.count) characters before the @; use at most 64.")
        }
        let bad = local.filter { !$0.unicodeScalars.allSatisfy(isLocalPartScalar) }
        if !bad.isEmpty {
            problems.add(.emailSyntax, "\(what) contains \(listed(bad)) before the @; remove them.")
        }
        if local.first == "." || local.last == "." || local.contains("..") {
            problems.add(
                .emailSyntax, "\(what) starts or ends with a dot before the @ or has two dots in a row.")
        }
        for (isLength, message) in DomainName.problems(
            in: String(parts[1]), what: "The domain of \(quoted(text))")
        {
            problems.add(isLength ? .emailLength : .emailSyntax, message)
        }
        try problems.throwIfAny()
        return EmailAddress(rawValue: text)
    }

    private init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetterOrDigit || "!#$%&'*+/=?^_`{|}~-.".unicodeScalars.contains(scalar)
    }
}
