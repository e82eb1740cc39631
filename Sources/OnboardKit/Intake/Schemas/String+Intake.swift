extension String {
    /// The string without leading and trailing white space (including no-break and ideographic space).
    var trimmingWhitespace: String {
        // Most fields are already trimmed: two byte checks spare rebuilding the string.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80
        {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// The field as the user meant it: a leading `'` before `=`, `+`, `-`, `@`, tab or CR is the
    /// CSV writer's formula guard (or Excel's text marker) and is dropped, so rejects files round-trip.
    var removingFormulaGuard: String {
        guard first == "'", let second = unicodeScalars.dropFirst().first,
            ["=", "+", "-", "@", "\t", "\r"].contains(second)
        else { return self }
        return String(unicodeScalars.dropFirst())
    }
}
