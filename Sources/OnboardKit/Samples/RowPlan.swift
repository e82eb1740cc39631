/// Decides, row by row, which rows of a generated file are valid, broken or repeated, so that the
/// totals come out exactly as asked while the file streams.
///
/// Selection sampling (Knuth's algorithm S): each row takes a kind with the probability "still needed /
/// rows left", which ends with exactly the asked numbers and needs no memory. The first row is always a
/// valid original, so a repeat always has an earlier row to copy. Every fifth repeat is a conflict
/// (same key, different data); the others are exact duplicates.
struct RowPlan {
    enum Kind: Sendable, Hashable {
        case valid, invalid, duplicate, conflict
    }

    /// The counts the plan produces.
    let expected: SampleFileCounts
    private var rowsLeft: Int
    private var invalidLeft: Int
    private var repeatsLeft: Int
    private var repeatsMade = 0

    init(rows: Int, errorRate: Double, duplicateRate: Double) {
        let invalid = Self.count(of: errorRate, in: rows)
        let repeats = Self.count(of: duplicateRate, in: rows)
        let conflicts = repeats / 5
        expected = SampleFileCounts(
            rows: rows, invalid: invalid, duplicate: repeats - conflicts, conflict: conflicts)
        rowsLeft = rows
        invalidLeft = invalid
        repeatsLeft = repeats
    }

    /// The number of rows a rate asks for, rounded to the nearest row.
    static func count(of rate: Double, in rows: Int) -> Int {
        Int((rate * Double(rows)).rounded())
    }

    mutating func next(using random: inout SampleRandom) -> Kind {
        precondition(rowsLeft > 0, "more rows than planned")
        defer { rowsLeft -= 1 }
        if rowsLeft == expected.rows { return .valid }
        let draw = random.below(rowsLeft)
        if draw < invalidLeft {
            invalidLeft -= 1
            return .invalid
        }
        if draw < invalidLeft + repeatsLeft {
            repeatsLeft -= 1
            repeatsMade += 1
            return repeatsMade % 5 == 0 ? .conflict : .duplicate
        }
        return .valid
    }
}

/// The last valid rows written, to copy for duplicates and conflicts without keeping the whole file.
struct RecentRows {
    private var rows: [[String]] = []
    private var next = 0
    private let capacity = 256

    mutating func remember(_ row: [String]) {
        if rows.count < capacity {
            rows.append(row)
        } else {
            rows[next] = row
            next = (next + 1) % capacity
        }
    }

    func pick(using random: inout SampleRandom) -> [String] {
        rows[random.below(rows.count)]
    }
}
