/// An ISO 3166-1 alpha-2 country code such as `DE`, stored upper-cased.
///
/// Only the 249 officially assigned codes are accepted (no user-assigned or reserved ones such as
/// `XK` or `UK`), in any case: `de`, `De` and `DE` are all `DE`.
public struct CountryCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The code, upper-cased.
    public let rawValue: String

    /// Parses a country code.
    public static func parse(_ raw: String) throws(DomainViolations) -> CountryCode {
        if table.contains(raw) {
            return CountryCode(checked: raw.withASCIIBytes { ASCII.string($0, ASCII.uppercased) })
        }
        let text = raw.trimmed
        guard table.contains(text) else {
            let hint = text.asciiUppercased == "UK" ? " (the United Kingdom is GB)" : ""
            throw DomainViolations(
                DomainViolation(
                    .countryUnknown,
                    "The country \(quoted(text)) is not an ISO 3166-1 two-letter code\(hint); use e.g. DE, US or FR."
                ))
        }
        return CountryCode(checked: text.asciiUppercased)
    }

    init(checked: String) { rawValue = checked }

    /// How many codes are known (249).
    public static var knownCount: Int { table.count }

    public var description: String { rawValue }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.rawValue < rhs.rawValue }

    static let table = TwoLetterCodeTable(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT \
        BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH \
        ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT \
        HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS \
        LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI \
        NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG \
        SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG \
        UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """)
}
