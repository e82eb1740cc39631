/// A company name reduced so that "Contoso Ltd." and "CONTOSO, Limited" compare equal.
///
/// Folds case, accents and width, drops punctuation, and strips legal-form suffixes from the end
/// (repeatedly, so "Pty Ltd" and "GmbH & Co. KG" go entirely). Two customers with equal keys and
/// different domain prefixes are likely the same company entered twice: a warning, not an error.
enum CompanyNameKey {
    /// The comparison key of `name`; empty only for an empty name.
    static func make(_ name: String) -> String {
        let tokens = FoldedText.fold(name).unicodeScalars
            .map { $0.properties.isAlphabetic || $0.properties.numericType != nil ? Character($0) : " " }
        var words = String(tokens).split(separator: " ").map(String.init)
        let original = words
        var stripped = true
        while stripped {
            stripped = false
            for suffix in suffixes
            where words.count > suffix.count && words.suffix(suffix.count).elementsEqual(suffix) {
                words.removeLast(suffix.count)
                stripped = true
                break
            }
        }
        return (words.isEmpty ? original : words).joined()
    }

    /// Legal forms as word sequences after punctuation became spaces (`S.A.` → `s a`), longest first.
    private static let suffixes: [[String]] = [
        ["sp", "z", "o", "o"], ["s", "a", "r", "l"], ["s", "p", "a"], ["s", "a", "s"], ["s", "r", "o"],
        ["s", "r", "l"], ["co", "kg"], ["s", "a"], ["b", "v"], ["n", "v"], ["k", "k"], ["s", "l"],
        ["ltd"], ["limited"], ["inc"], ["incorporated"], ["corp"], ["corporation"], ["gmbh"], ["llc"],
        ["llp"], ["lp"], ["plc"], ["sa"], ["sarl"], ["sas"], ["ag"], ["bv"], ["nv"], ["oy"], ["oyj"], ["ab"],
        ["kk"], ["pty"], ["pte"], ["kg"], ["ug"], ["se"], ["spa"], ["srl"], ["sro"], ["as"], ["asa"], ["aps"],
        ["kft"], ["ltda"], ["company"], ["co"],
    ]
}
