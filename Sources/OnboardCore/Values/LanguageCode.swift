/// An ISO 639-1 language code such as `en`, stored lower-cased.
///
/// The 184 two-letter codes of ISO 639-1 (including `bh`, which the standard has since deprecated but
/// spreadsheets still carry), accepted in any case.
public struct LanguageCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The code, lower-cased.
    public let rawValue: String

    /// English, the default language of a tenant.
    public static let english = LanguageCode(checked: "en")

    /// Parses a language code.
    public static func parse(_ raw: String) throws(DomainViolations) -> LanguageCode {
        if table.contains(raw) {
            return LanguageCode(checked: raw.withASCIIBytes { ASCII.string($0, ASCII.lowercased) })
        }
        let text = raw.trimmed
        guard table.contains(text) else {
            throw DomainViolations(
                DomainViolation(
                    .languageUnknown,
                    "The language \(quoted(text)) is not an ISO 639-1 two-letter code; use e.g. en, de or fr."
                ))
        }
        return LanguageCode(checked: text.asciiLowercased)
    }

    init(checked: String) { rawValue = checked }

    /// How many codes are known (184).
    public static var knownCount: Int { table.count }

    public var description: String { rawValue }

    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.rawValue < rhs.rawValue }

    static let table = TwoLetterCodeTable(
        """
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de \
        dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id \
        ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu \
        lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu \
        rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr \
        ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """)
}
