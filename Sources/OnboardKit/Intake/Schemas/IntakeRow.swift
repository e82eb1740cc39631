import CSVStream

/// One data record of an input file, with the mapping that says which column is which field.
public struct IntakeRow: Sendable {
    /// The input file's path as given.
    public var file: String
    /// The record's fields exactly as read.
    public var fields: [String]
    /// Where the record starts.
    public var position: CSVPosition
    public var mapping: HeaderMapping

    public init(file: String, record: CSVRecord, mapping: HeaderMapping) {
        self.file = file
        self.fields = record.fields
        self.position = record.position
        self.mapping = mapping
    }

    public var line: Int { position.line }

    /// True when the file has a column for `field`.
    public func has(_ field: IntakeField) -> Bool { mapping.column(of: field) != nil }

    /// The value of `field` with the formula guard undone, not trimmed; `nil` when the file has no
    /// such column, empty when this row is short of it.
    public func raw(_ field: IntakeField) -> String? {
        guard let column = mapping.column(of: field) else { return nil }
        return column < fields.count ? fields[column].removingFormulaGuard : ""
    }

    /// The trimmed value of `field`; empty when absent.
    public func text(_ field: IntakeField) -> String {
        raw(field)?.trimmingWhitespace ?? ""
    }

    /// The column name of `field` as the file writes it.
    public func column(_ field: IntakeField) -> String { mapping.columnName(of: field) }
}
