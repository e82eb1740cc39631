/// A header cell reduced to the keys it is matched on.
///
/// Matching ignores case, spaces, `_` and `-`, a trailing `Required`, parenthesised hints such as
/// `(Yes/No)`, and treats a bracketed `[attribute]` as a second name: `Block sign in (Yes/No)
/// [accountEnabled] Required` matches both `blocksignin` and `accountenabled`.
public struct HeaderName: Sendable, Hashable {
    /// The header cell as written.
    public var original: String
    /// The label outside brackets and parentheses, lower-cased, letters and digits only.
    public var label: String
    /// The bracketed attribute, lower-cased, letters and digits only; empty when there is none.
    public var attribute: String

    public init(_ original: String) {
        self.original = original
        var label = ""
        var attribute = ""
        var depthBracket = 0
        var depthParen = 0
        for character in original {
            switch character {
            case "[": depthBracket += 1
            case "]": depthBracket = max(0, depthBracket - 1)
            case "(": depthParen += 1
            case ")": depthParen = max(0, depthParen - 1)
            default:
                guard character.isLetter || character.isNumber else { continue }
                let lowered = character.lowercased()
                if depthBracket > 0 {
                    attribute += lowered
                } else if depthParen == 0 {
                    label += lowered
                }
            }
        }
        // `Required` is a template decoration, not part of the name; a column called just
        // "required" keeps its name.
        if label.hasSuffix("required"), label.count > "required".count {
            label.removeLast("required".count)
        }
        self.label = label
        self.attribute = attribute
    }

    /// Reduces an alias the way a header is reduced, for comparison.
    static func key(_ alias: String) -> String {
        String(alias.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// True when the label or the attribute is one of `keys` (already reduced with `key(_:)`).
    func matches(_ keys: Set<String>) -> Bool {
        keys.contains(label) || (!attribute.isEmpty && keys.contains(attribute))
    }

    /// True when the label or the attribute is `key` (already reduced with `key(_:)`).
    func matches(_ key: String) -> Bool {
        label == key || (!attribute.isEmpty && attribute == key)
    }
}
