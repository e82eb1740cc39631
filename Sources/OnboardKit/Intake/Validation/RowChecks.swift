import OnboardCore

/// Checks every row of every format shares: field count, required fields, invisible characters.
extension RowFindings {
    /// A row with more or fewer fields than the header: its columns may be shifted.
    mutating func checkFieldCount(of row: IntakeRow) {
        let expected = row.mapping.header.count
        guard row.fields.count != expected else { return }
        add(
            .fieldCount, field: nil, value: nil,
            "The row has \(row.fields.count) fields but the header has \(expected); a delimiter is missing or extra "
                + "(put a value that contains the delimiter in double quotes).")
    }

    /// The trimmed value of a required field, or `nil` (with a `required.missing` finding) when empty.
    mutating func required(_ field: IntakeField, of row: IntakeRow) -> String? {
        let text = row.text(field)
        guard text.isEmpty else { return text }
        add(
            .requiredMissing, field: row.column(field), value: nil,
            "\(row.column(field)) is required; fill it in.")
        return nil
    }

    /// Parses a value with a core parser, recording its violations against the field.
    mutating func parse<Value>(
        _ field: IntakeField, of row: IntakeRow, _ text: String,
        with parser: (String) throws(DomainViolations) -> Value
    ) -> Value? {
        do {
            return try parser(text)
        } catch {
            add(error, field: row.column(field), value: text, secret: field.isSecret)
            return nil
        }
    }

    /// Warns about control, zero-width and bidi-override characters in a name a person will read.
    mutating func checkInvisibleCharacters(_ fields: [IntakeField], of row: IntakeRow) {
        for field in fields {
            // Printable ASCII (every byte 0x20–0x7E) has none: most names are decided by one byte scan.
            guard let raw = row.raw(field), !raw.utf8.allSatisfy({ (0x20...0x7E).contains($0) }),
                let character = InvisibleCharacters.first(in: raw.trimmingWhitespace)
            else { continue }
            add(
                .invisibleCharacters, field: row.column(field), value: raw,
                "\(row.column(field)) contains the invisible character \(character) (a control, zero-width or "
                    + "right-to-left override character); retype the name.")
        }
    }

    /// A yes/no field: `nil` (with `yesno.invalid`) when it is neither; `defaultValue` when empty.
    mutating func yesNo(_ field: IntakeField, of row: IntakeRow, default defaultValue: Bool) -> Bool? {
        let text = row.text(field)
        if text.isEmpty { return defaultValue }
        if let value = YesNo.parse(text) { return value }
        add(
            .yesNoInvalid, field: row.column(field), value: text,
            "\(row.column(field)) must be yes or no (also accepted: y, n, true, false, 1, 0).")
        return nil
    }
}
