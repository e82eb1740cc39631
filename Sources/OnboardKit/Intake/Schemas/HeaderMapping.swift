/// Which column of a file holds which field, found from the file's header.
///
/// Built once per file by `HeaderMapping.detect(header:preamble:)`: it recognises the format, maps
/// every column it knows, lists those it does not (one warning per file), and refuses a header
/// that lacks a required column (one error per file).
public struct HeaderMapping: Sendable, Hashable {
    /// The format the header was recognised as.
    public var format: InputFormat
    /// The header cells as written, in order.
    public var header: [String]
    /// A line before the header that is part of the format (the portal's `version:v1.0`), as fields.
    public var preamble: [String]?
    /// Column index of each mapped field.
    public var columnOfField: [IntakeField: Int] {
        didSet { columnByOrdinal = Self.columns(of: columnOfField) }
    }
    /// Header cells that map to no field (duplicates of a mapped column included), in order.
    public var unknownColumns: [String]
    /// `columnOfField` as an array by `IntakeField.ordinal` (-1: no column): every field of every
    /// row is looked up here, and hashing the field for the dictionary cost more than the look-up.
    private var columnByOrdinal: [Int]

    public init(
        format: InputFormat, header: [String], preamble: [String]?, columnOfField: [IntakeField: Int],
        unknownColumns: [String]
    ) {
        self.format = format
        self.header = header
        self.preamble = preamble
        self.columnOfField = columnOfField
        self.unknownColumns = unknownColumns
        columnByOrdinal = Self.columns(of: columnOfField)
    }

    private static func columns(of columnOfField: [IntakeField: Int]) -> [Int] {
        var columns = Array(repeating: -1, count: IntakeField.allCases.count)
        for (field, column) in columnOfField { columns[field.ordinal] = column }
        return columns
    }

    /// Column names a rejects file adds; reading a rejects file back ignores them without a warning.
    public static let rejectsColumns: Set<String> = ["line", "reason"]

    /// The column holding `field`, or `nil` when the file has no such column.
    public func column(of field: IntakeField) -> Int? {
        let column = columnByOrdinal[field.ordinal]
        return column < 0 ? nil : column
    }

    /// The header cell of `field` as the file writes it, or the format's name for it.
    public func columnName(of field: IntakeField) -> String {
        if let index = column(of: field) { return header[index] }
        return format.columnName(for: field)
    }

    /// The `version:` line a portal template starts with, if `fields` is one.
    public static func isPreamble(_ fields: [String]) -> Bool {
        let nonEmpty = fields.filter { !$0.trimmingWhitespace.isEmpty }
        return nonEmpty.count == 1 && fields[0].trimmingWhitespace.lowercased().hasPrefix("version:")
    }

    /// Recognises the format of `header` and maps its columns.
    ///
    /// - Parameters:
    ///   - header: the header record's fields.
    ///   - preamble: the record before the header when it was a `version:` line.
    ///   - expecting: the formats the caller accepts (`--customers` takes customers only).
    /// - Throws: `HeaderError` when a required column is missing or the format is not accepted.
    public static func detect(
        header: [String], preamble: [String]? = nil, expecting: Set<InputFormat> = Set(InputFormat.allCases)
    ) throws(HeaderError) -> HeaderMapping {
        let names = header.map(HeaderName.init)
        let looksLikePortal = preamble != nil || names.contains { !$0.attribute.isEmpty }
        var best: (mapping: HeaderMapping, missing: [IntakeField], score: Int)?
        for format in InputFormat.allCases {
            let mapping = map(names, header: header, preamble: preamble, as: format)
            let missing = format.requiredFields.filter { mapping.columnOfField[$0] == nil }
            var score = mapping.columnOfField.count + 100 * (format.requiredFields.count - missing.count)
            if missing.isEmpty { score += 1000 }
            // The portal's names without its `version:` line or `[attributes]` are more likely the admin
            // center's template (both say "User name", "First name"): a tie goes to the admin center.
            if format == .portalBulkCreate { score += looksLikePortal ? 10_000 : -1 }
            if best == nil || score > best!.score { best = (mapping, missing, score) }
        }
        guard let best, best.mapping.columnOfField.count > 0 || best.score > 0 else {
            throw HeaderError(kind: .unrecognised, header: header)
        }
        if !best.missing.isEmpty {
            throw HeaderError(
                kind: .missingColumns(
                    best.missing.map { best.mapping.format.columnName(for: $0) }, best.mapping.format),
                header: header)
        }
        guard expecting.contains(best.mapping.format) else {
            throw HeaderError(
                kind: .unexpectedFormat(best.mapping.format, expected: expecting), header: header)
        }
        return best.mapping
    }

    /// Maps `names` with the vocabulary of `format`; onboard's users.csv names also count in the
    /// user templates, so a template with an added `role` column keeps it.
    private static func map(
        _ names: [HeaderName], header: [String], preamble: [String]?, as format: InputFormat
    ) -> HeaderMapping {
        var vocabulary = format.columns.map { column in (column.field, keys(of: column.names)) }
        if format == .portalBulkCreate || format == .adminCenter {
            let own = Set(vocabulary.map(\.0))
            vocabulary += InputFormat.users.columns.filter { !own.contains($0.field) }
                .map { ($0.field, keys(of: $0.names)) }
        }
        var columnOfField: [IntakeField: Int] = [:]
        var unknown: [String] = []
        for (index, name) in names.enumerated() {
            if let (field, _) = vocabulary.first(where: { name.matches($0.1) }), columnOfField[field] == nil {
                columnOfField[field] = index
            } else if name.original.trimmingWhitespace.isEmpty {
                unknown.append("(unnamed column \(index + 1))")
            } else if !rejectsColumns.contains(name.label) {
                unknown.append(name.original)
            }
        }
        return HeaderMapping(
            format: format, header: header, preamble: format == .portalBulkCreate ? preamble : nil,
            columnOfField: columnOfField, unknownColumns: unknown)
    }

    private static func keys(of names: [String]) -> Set<String> {
        var keys: Set<String> = []
        for name in names.map(HeaderName.init) {
            keys.insert(name.label)
            if !name.attribute.isEmpty { keys.insert(name.attribute) }
        }
        keys.remove("")
        return keys
    }
}
