import CSVStream

extension String {
    /// The string without leading and trailing white space (including no-break and ideographic space).
    var trimmingWhitespace: String {
        // Most fields are already trimmed: a look at the first and last byte (or else scalar) spares
        // rebuilding the string, and ASCII scalars need no Unicode property look-up.
        var text = self
        let isTrimmed = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
        }
        if isTrimmed { return self }
        let scalars = unicodeScalars
        guard let first = scalars.first else { return "" }
        if !Self.isWhitespace(first), !Self.isWhitespace(scalars.last!) { return self }
        guard let start = scalars.firstIndex(where: { !Self.isWhitespace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !Self.isWhitespace($0) })!
        return String(scalars[start...end])
    }

    /// Unicode white space (`Unicode.Scalar.Properties.isWhitespace`, the `White_Space` property),
    /// decided without the property table: its 25 scalars have been the same since Unicode 6.3, and
    /// a table look-up per accented name ending cost more than the rest of the trimming.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default: false
        }
    }

    /// The field as the user meant it: a leading `'` before `=`, `+`, `-`, `@`, tab or CR is the
    /// CSV writer's formula guard (or Excel's text marker) and is dropped, so rejects files round-trip.
    var removingFormulaGuard: String { CSVWriter.unguarded(self) }
}
