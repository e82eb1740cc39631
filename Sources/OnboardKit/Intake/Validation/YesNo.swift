/// A yes/no cell, read the many ways spreadsheets write it.
enum YesNo {
    /// `yes/no/y/n/true/false/1/0` in any case; `nil` for anything else.
    static func parse(_ text: String) -> Bool? {
        switch text.trimmingWhitespace.lowercased() {
        case "yes", "y", "true", "1": true
        case "no", "n", "false", "0": false
        default: nil
        }
    }
}
