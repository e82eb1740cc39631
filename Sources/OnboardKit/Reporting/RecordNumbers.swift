/// Finds the record number of a row the run recorded earlier, from its file and line.
///
/// The deduplicator keeps only a file index and a line per key (8 bytes, see `KeyLedger`), but a
/// report names a first-seen row by line and record. Within a file `line - record` changes only
/// where a record spans lines, a blank line is skipped or a `sep=` line comes first, so this keeps
/// one entry per change, not per row: a few entries for a typical file, however long.
struct RecordNumbers: Sendable {
    /// Per file index: the lines where `line - record` changed, and the new difference.
    private var changes: [[(line: Int, offset: Int)]] = []

    init(fileCount: Int) {
        changes = Array(repeating: [], count: fileCount)
    }

    /// Notes a recorded row; rows of one file arrive in increasing line order.
    mutating func note(file: Int, line: Int, record: Int) {
        guard changes.indices.contains(file) else { return }
        let offset = line - record
        if changes[file].last?.offset != offset { changes[file].append((line, offset)) }
    }

    /// The record number of the row recorded at `line` of file `file`, or `nil` if none was noted.
    func record(file: Int, line: Int) -> Int? {
        guard changes.indices.contains(file) else { return nil }
        let entries = changes[file]
        // The last change at or before `line`: binary search, since lines only grow.
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        return line - entries[low - 1].offset
    }
}
