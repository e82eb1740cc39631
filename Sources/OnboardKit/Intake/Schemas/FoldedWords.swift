/// `FoldedText.fold` for many texts made of few words: each non-ASCII word is folded once, ASCII
/// words are lower-cased byte by byte.
///
/// Folding non-ASCII text goes through Foundation's NFKD, the costly part of the near-duplicate
/// check on display names (a tenth of a plan's time at a million users). Names repeat word by word
/// (`José`, `Müller`), so this folds a text word by word and remembers the fold of each non-ASCII
/// word; an ASCII word's fold is the word lower-cased, as `fold`'s ASCII path makes it. The result is `fold`'s, exactly: words are split
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
        var bytes: [UInt8] = []
        fold(text) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands the UTF-8 bytes of `FoldedText.fold(text)` to `emit`, one by one, without building the
    /// folded string: the dedup hashes them straight away.
    mutating func fold(_ text: String, emit: (UInt8) -> Void) {
        var wroteAny = false
        var wordStart: String.Index?
        var isASCII = true
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if let start = wordStart {
                    word(text[start..<index], isASCII: isASCII, wroteAny: &wroteAny, emit: emit)
                }
                wordStart = nil
            } else {
                if wordStart == nil {
                    wordStart = index
                    isASCII = true
                }
                if byte >= 0x80 { isASCII = false }
            }
            index = utf8.index(after: index)
        }
        if let start = wordStart { word(text[start...], isASCII: isASCII, wroteAny: &wroteAny, emit: emit) }
    }

    /// Emits one word's fold, after a space when a word came before. An ASCII word folds to itself
    /// lower-cased (never empty); any other is folded by `FoldedText.fold` once and remembered.
    private mutating func word(_ word: Substring, isASCII: Bool, wroteAny: inout Bool, emit: (UInt8) -> Void)
    {
        if isASCII {
            if wroteAny { emit(0x20) }
            for byte in word.utf8 { emit((0x41...0x5A).contains(byte) ? byte + 32 : byte) }
            wroteAny = true
            return
        }
        let folded: String
        if let known = words[word] {
            folded = known
        } else {
            folded = FoldedText.fold(String(word))
            if words.count >= limit { words.removeAll(keepingCapacity: true) }
            words[word] = folded
        }
        guard !folded.isEmpty else { return }
        if wroteAny { emit(0x20) }
        for byte in folded.utf8 { emit(byte) }
        wroteAny = true
    }
}
