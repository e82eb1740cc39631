/// The rows a person must look at, as `plan` and `import` print them: rejected, duplicate and
/// warning lines, each list under its heading, then how many were left out.
struct RowLines {
    var rejected: [String]
    var duplicates: [String]
    var warnings: [String]
    var omitted: Int

    var text: [String] {
        var lines: [String] = []
        for (heading, list) in [
            ("Rejected:", rejected), ("Duplicates (skipped):", duplicates), ("Warnings:", warnings),
        ]
        where !list.isEmpty {
            lines.append(heading)
            lines += list.map { "  " + $0 }
        }
        if omitted > 0 {
            lines.append(
                "(\(omitted) more lines not shown: the rejects files and summary.json have them all)")
        }
        return lines
    }
}
