extension String {
    /// The string without leading and trailing white space (including no-break and ideographic space).
    var trimmingWhitespace: String {
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
