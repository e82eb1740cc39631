/// What `onboard samples` generates: how many rows, how many of them broken or repeated, and the seed.
public struct SampleConfiguration: Sendable, Hashable {
    /// Rows of `customers.csv` (the header not counted).
    public var customers: Int
    /// Rows of `users.csv` (the header not counted).
    public var users: Int
    /// The share of rows that carry one known validation error.
    public var errorRate: Double
    /// The share of rows that repeat an earlier row; every fifth of them changes a non-key field (a conflict).
    public var duplicateRate: Double
    public var seed: UInt64

    public init(
        customers: Int, users: Int, errorRate: Double = 0, duplicateRate: Double = 0, seed: UInt64 = 1
    ) {
        self.customers = customers
        self.users = users
        self.errorRate = errorRate
        self.duplicateRate = duplicateRate
        self.seed = seed
    }

    /// Checks the numbers make a possible file: rates in `0...1`, room for the first valid row, a tenant for users.
    public func validate() throws(SampleGenerationError) {
        guard customers >= 0, users >= 0 else { throw .negativeCount }
        guard (0...1).contains(errorRate), (0...1).contains(duplicateRate) else { throw .rateOutOfRange }
        for rows in [customers, users] where rows > 0 {
            let broken = RowPlan.count(of: errorRate, in: rows) + RowPlan.count(of: duplicateRate, in: rows)
            guard broken <= rows - 1 else { throw .ratesTooHigh(rows: rows) }
        }
        guard users == 0 || customers > 0 else { throw .usersWithoutCustomers }
    }
}

/// Why `onboard samples` cannot generate what was asked.
public enum SampleGenerationError: Error, Sendable, Hashable, CustomStringConvertible {
    case negativeCount
    case rateOutOfRange
    case ratesTooHigh(rows: Int)
    case usersWithoutCustomers
    case cannotCreateFolder(path: String, reason: String)

    public var description: String {
        switch self {
        case .negativeCount:
            "--customers and --users must be 0 or more"
        case .rateOutOfRange:
            "--error-rate and --duplicate-rate must be between 0 and 1"
        case .ratesTooHigh(let rows):
            "--error-rate and --duplicate-rate together leave no valid row among \(rows); "
                + "the first row of each file is always valid, lower the rates"
        case .usersWithoutCustomers:
            "users need tenants: give --customers 1 or more"
        case .cannotCreateFolder(let path, let reason):
            "cannot create the folder \(path): \(reason)"
        }
    }
}
