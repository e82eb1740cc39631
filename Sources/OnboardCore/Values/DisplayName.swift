/// The name a user is shown by: non-empty after trimming, at most 256 characters.
public struct DisplayName: Sendable, Hashable, CustomStringConvertible {
    /// The most characters a display name may have.
    public static let maximumLength = 256

    /// The name, trimmed.
    public let rawValue: String

    /// Parses a display name.
    public static func parse(_ raw: String) throws(DomainViolations) -> DisplayName {
        let text = raw.trimmed
        if text.isEmpty {
            throw DomainViolations(
                DomainViolation(.displayNameMissing, "The display name is empty; give a name to show."))
        }
        if text.utf8.count > maximumLength, text.count > maximumLength {
            throw DomainViolations(
                DomainViolation(
                    .displayNameLength,
                    "The display name has \(text.count) characters; use at most \(maximumLength)."))
        }
        return DisplayName(rawValue: text)
    }

    /// Makes a display name from a first and last name when none was given: `Alice Smith`, or just the
    /// one that is there.
    public static func make(firstName: String?, lastName: String?) throws(DomainViolations) -> DisplayName {
        let parts = [firstName, lastName].compactMap { $0?.trimmed }.filter { !$0.isEmpty }
        if parts.isEmpty {
            throw DomainViolations(
                DomainViolation(
                    .displayNameMissing,
                    "There is no display name and no first or last name to make one from; give a display name or a first or last name."
                ))
        }
        return try parse(parts.joined(separator: " "))
    }

    private init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}
