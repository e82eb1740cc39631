/// Numbers the rows of a run with one 32-bit count across its input files, so a ledger keeps 4
/// bytes for where a key was first seen instead of a file index and a line (8 bytes).
///
/// A ledger sees rows in run order, file after file (file indexes never go down), so file `f`'s
/// line `n` becomes `base(f) + n`, where each file's base lies past the highest mark of the file
/// before: marks of different files never overlap, and one entry per file turns a mark back into its
/// file and line. Marks go up to 2³² − 1, four billion lines across a run's inputs (hundreds of
/// gigabytes of CSV); beyond that a mark is clamped and the location it names is the last possible
/// one. Only the location named in messages could be off then, never a verdict, which compares keys.
struct RunLines: Sendable {
    /// Per file seen, in order: its index and its base.
    private var files: [(file: UInt32, base: UInt32)] = []
    private var highest: UInt32 = 0

    /// The mark of `location`.
    ///
    /// - Precondition: `location.file` is not lower than the file of an earlier call.
    mutating func mark(_ location: RowLocation) -> UInt32 {
        if files.isEmpty || files[files.count - 1].file != location.file {
            precondition(
                files.last.map { $0.file < location.file } ?? true, "rows are recorded file after file")
            files.append((location.file, files.isEmpty ? 0 : highest.addingClamped(1)))
        }
        let mark = files[files.count - 1].base.addingClamped(location.line)
        highest = max(highest, mark)
        return mark
    }

    /// The file and line `mark` was made of.
    func location(of mark: UInt32) -> RowLocation {
        // The last file whose base is at or below the mark (few files: a short scan from the end).
        var index = files.count - 1
        while index > 0 && files[index].base > mark { index -= 1 }
        let (file, base) = files[index]
        return RowLocation(file: Int(file), line: Int(mark - base))
    }
}

extension UInt32 {
    fileprivate func addingClamped(_ other: UInt32) -> UInt32 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
