/// `FoldedText.fold` for many texts made of few words: each non-ASCII word is folded once.
///
/// Folding non-ASCII text goes through Foundation's NFKD, the costly part of the near-duplicate
/// check on display names (a tenth of a plan's time at a million users). Names repeat word by word
/// (`José`, `Müller`), so this folds a text word by word and remembers the fold of each non-ASCII
/// word; ASCII words take `fold`'s own fast path. The result is `fold`'s, exactly: words are split
/// on the ASCII white space `fold` collapses, NFKD never reaches across such a space (it is a
/// starter), and `fold` of a word is trimmed, so joining the non-empty word folds with one space
/// is folding the whole text. At most `limit` words are kept, then it starts afresh.
struct FoldedWords: Sendable {
    private var words: [Substring: String] = [:]
    private let limit: Int

    init(limit: Int = 16_384) {
        self.limit = limit
    }

    /// `FoldedText.fold(text)`.
    mutating func fold(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) { return FoldedText.fold(text) }
        var result = ""
        var wordStart: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if let start = wordStart { append(text[start..<index], to: &result) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
            index = utf8.index(after: index)
        }
        if let start = wordStart { append(text[start...], to: &result) }
        return result
    }

    private mutating func append(_ word: Substring, to result: inout String) {
        let folded: String
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = FoldedText.fold(String(word))
        } else if let known = words[word] {
            folded = known
        } else {
            folded = FoldedText.fold(String(word))
            if words.count >= limit { words.removeAll(keepingCapacity: true) }
            words[word] = folded
        }
        guard !folded.isEmpty else { return }
        if !result.isEmpty { result.append(" ") }
        result.append(folded)
    }
}
