/// A DNS domain name such as `contoso.com`, stored lower-cased.
///
/// Labels of ASCII letters, digits and hyphens (not at a label's start or end), separated by single
/// dots, at least two labels, each at most 63 characters, at most 253 in all. Internationalised
/// names must be given in their `xn--` form.
public struct DomainName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The name, lower-cased.
    public let rawValue: String

    /// Parses a domain name, reporting every rule it breaks.
    public static func parse(_ raw: String) throws(DomainViolations) -> DomainName {
        let plain: String? = raw.withASCIIBytes { bytes in
            ASCII.isPlainDomain(bytes) ? ASCII.string(bytes, ASCII.lowercased) : nil
        }
        if let plain { return DomainName(checked: plain) }
        let text = raw.trimmed
        let found = problems(in: text, what: "The domain \(quoted(text))")
        var list = ViolationList()
        for (isLength, message) in found { list.add(isLength ? .domainLength : .domainSyntax, message) }
        try list.throwIfAny()
        return DomainName(checked: text.asciiLowercased)
    }

    init(checked: String) { rawValue = checked }

    /// The problems of a domain name as (is a length problem, message) pairs, so e-mail addresses and
    /// user principal names can report them under their own rules.
    static func problems(in text: String, what: String) -> [(isLength: Bool, message: String)] {
        var found: [(Bool, String)] = []
        if text.isEmpty { return [(false, "\(what) is empty; give a domain such as contoso.com.")] }
        let bad = text.filter {
            !$0.unicodeScalars.allSatisfy { $0.isASCIILetterOrDigit || $0 == "-" || $0 == "." }
        }
        if !bad.isEmpty {
            found.append(
                (false, "\(what) contains \(listed(bad)); use only letters A–Z, digits, hyphens and dots."))
        }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 {
            found.append((false, "\(what) has no dot; give a full domain such as contoso.com."))
        }
        if labels.contains(where: \.isEmpty) {
            found.append(
                (false, "\(what) starts or ends with a dot or has two dots in a row; remove the extra dot."))
        }
        if labels.contains(where: { $0.first == "-" || $0.last == "-" }) {
            found.append(
                (false, "\(what) has a part that starts or ends with a hyphen; move or remove the hyphen."))
        }
        if let long = labels.first(where: { $0.count > 63 }) {
            found.append(
                (
                    true,
                    "\(what) has a part of \(long.count) characters; each part between dots may have at most 63."
                ))
        }
        if text.count > 253 {
            found.append((true, "\(what) has \(text.count) characters; a domain may have at most 253."))
        }
        return found
    }

    public var description: String { rawValue }

    public static func < (lhs: DomainName, rhs: DomainName) -> Bool { lhs.rawValue < rhs.rawValue }
}
