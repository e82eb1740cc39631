/// Common country names as the admin center's template and spreadsheets write them, to ISO codes.
///
/// The admin center's `Country or Region` column often holds a name ("United States", "Germany");
/// the core only knows codes. Names are matched ignoring case, accents, spaces and punctuation.
/// A value that is not a known name is passed on unchanged, so the core's rule reports it.
enum CountryNames {
    /// The ISO 3166-1 alpha-2 code for `name`, or `nil` when `name` is not a known country name.
    static func code(for name: String) -> String? {
        table[key(name)]
    }

    /// The value with a known country name replaced by its code; anything else as it was.
    static func normalise(_ value: String) -> String {
        code(for: value) ?? value
    }

    private static func key(_ name: String) -> String {
        FoldedText.lettersAndDigits(name)
    }

    private static let table: [String: String] = {
        var table: [String: String] = [:]
        for (code, names) in entries {
            for name in names { table[key(name)] = code }
        }
        return table
    }()

    private static let entries: [(String, [String])] = [
        ("US", ["United States", "United States of America", "USA", "U.S.A.", "U.S.", "America"]),
        ("GB", ["United Kingdom", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales", "Britain"]),
        ("DE", ["Germany", "Deutschland"]),
        ("FR", ["France"]),
        ("ES", ["Spain", "España"]),
        ("IT", ["Italy", "Italia"]),
        ("NL", ["Netherlands", "The Netherlands", "Holland", "Nederland"]),
        ("BE", ["Belgium", "België", "Belgique"]),
        ("LU", ["Luxembourg"]),
        ("CH", ["Switzerland", "Schweiz", "Suisse", "Svizzera"]),
        ("AT", ["Austria", "Österreich"]),
        ("IE", ["Ireland"]),
        ("PT", ["Portugal"]),
        ("DK", ["Denmark", "Danmark"]),
        ("SE", ["Sweden", "Sverige"]),
        ("NO", ["Norway", "Norge"]),
        ("FI", ["Finland", "Suomi"]),
        ("IS", ["Iceland"]),
        ("PL", ["Poland", "Polska"]),
        ("CZ", ["Czech Republic", "Czechia", "Česko"]),
        ("SK", ["Slovakia"]),
        ("HU", ["Hungary", "Magyarország"]),
        ("RO", ["Romania"]),
        ("BG", ["Bulgaria"]),
        ("GR", ["Greece"]),
        ("HR", ["Croatia"]),
        ("SI", ["Slovenia"]),
        ("EE", ["Estonia"]),
        ("LV", ["Latvia"]),
        ("LT", ["Lithuania"]),
        ("TR", ["Turkey", "Türkiye"]),
        ("UA", ["Ukraine"]),
        ("IL", ["Israel"]),
        ("AE", ["United Arab Emirates", "UAE"]),
        ("SA", ["Saudi Arabia"]),
        ("EG", ["Egypt"]),
        ("ZA", ["South Africa"]),
        ("NG", ["Nigeria"]),
        ("KE", ["Kenya"]),
        ("MA", ["Morocco"]),
        ("CA", ["Canada"]),
        ("MX", ["Mexico", "México"]),
        ("BR", ["Brazil", "Brasil"]),
        ("AR", ["Argentina"]),
        ("CL", ["Chile"]),
        ("CO", ["Colombia"]),
        ("PE", ["Peru", "Perú"]),
        ("AU", ["Australia"]),
        ("NZ", ["New Zealand"]),
        ("JP", ["Japan"]),
        ("CN", ["China", "People's Republic of China"]),
        ("HK", ["Hong Kong", "Hong Kong SAR"]),
        ("TW", ["Taiwan"]),
        ("KR", ["South Korea", "Korea", "Republic of Korea"]),
        ("IN", ["India"]),
        ("SG", ["Singapore"]),
        ("MY", ["Malaysia"]),
        ("TH", ["Thailand"]),
        ("ID", ["Indonesia"]),
        ("PH", ["Philippines"]),
        ("VN", ["Vietnam", "Viet Nam"]),
    ]
}
