/// A Markdown table, with columns padded so it also reads well in a terminal.
public struct MarkdownTable: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, right }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    /// A table with these column titles; the first column is left-aligned, the others (figures) right-aligned.
    public init(header: [String]) {
        self.header = header
        self.alignments = header.indices.map { $0 == 0 ? .left : .right }
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a row needs \(header.count) cells, got \(row.count)")
        rows.append(row)
    }

    /// The table as Markdown lines, ending with a newline.
    public var rendered: String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
            }
            return "| " + padded.joined(separator: " | ") + " |\n"
        }
        // `|-----|` under a left column, `|----:|` under a right one, as wide as the padded cells.
        let rule = header.indices.map { column -> String in
            let dashes = String(repeating: "-", count: widths[column] + 1)
            return alignments[column] == .left ? dashes + "-" : dashes + ":"
        }
        return line(header) + "|" + rule.joined(separator: "|") + "|\n" + rows.map(line).joined()
    }
}
