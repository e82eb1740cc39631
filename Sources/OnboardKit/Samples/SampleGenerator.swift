import CSVStream
import Foundation

/// Writes realistic synthetic `customers.csv` and `users.csv` files in onboard's own format, with a known
/// number of broken, duplicate and conflicting rows, and `expected.json` with those numbers.
///
/// The same configuration gives the same bytes: the generator uses its own seeded random numbers and no
/// clock. It streams: only the valid tenants (for their users) and the last few hundred rows (to copy
/// for duplicates) stay in memory, however many users are asked for.
///
/// Files are written without the formula guard: they stand for what a partner's own system exports
/// (`+49 30 1234567`, not `'+49 30 1234567`).
public struct SampleGenerator: Sendable {
    public let configuration: SampleConfiguration

    public init(configuration: SampleConfiguration) {
        self.configuration = configuration
    }

    /// Writes `customers.csv`, `users.csv` and `expected.json` into `folder` (created if missing).
    @discardableResult
    public func write(to folder: String) throws -> SampleExpectation {
        try configuration.validate()
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SampleGenerationError.cannotCreateFolder(path: folder, reason: error.localizedDescription)
        }
        let options = CSVWriterOptions(guardsFormulas: false)
        var customers = CustomerSampler()
        let customersFile = try CSVFileWriter(path: folder + "/customers.csv", options: options)
        let (tenants, customerCounts) = try writeCustomers(to: customersFile, sampler: &customers)
        try customersFile.close()

        let usersFile = try CSVFileWriter(path: folder + "/users.csv", options: options)
        let userCounts = try writeUsers(
            to: usersFile, tenants: tenants, sampler: UserSampler(knownPrefixes: customers.usedPrefixes))
        try usersFile.close()

        let expectation = SampleExpectation(
            customers: customerCounts, users: userCounts, seed: configuration.seed)
        try Data(expectation.json.utf8).write(to: URL(fileURLWithPath: folder + "/expected.json"))
        return expectation
    }

    private func writeCustomers(to file: CSVFileWriter, sampler: inout CustomerSampler) throws(CSVOutputError)
        -> ([SampleTenant], SampleFileCounts)
    {
        var random = SampleRandom(seed: configuration.seed, stream: 1)
        var plan = RowPlan(
            rows: configuration.customers, errorRate: configuration.errorRate,
            duplicateRate: configuration.duplicateRate)
        var recent = RecentRows()
        var tenants: [SampleTenant] = []
        try file.write(CustomerSampler.header)
        for _ in 0..<configuration.customers {
            switch plan.next(using: &random) {
            case .valid:
                let (tenant, row) = sampler.makeCustomer(using: &random)
                tenants.append(tenant)
                recent.remember(row)
                try file.write(row)
            case .invalid:
                try file.write(sampler.makeInvalidCustomer(using: &random))
            case .duplicate:
                try file.write(recent.pick(using: &random))
            case .conflict:
                try file.write(sampler.makeConflict(of: recent.pick(using: &random), using: &random))
            }
        }
        return (tenants, plan.expected)
    }

    private func writeUsers(to file: CSVFileWriter, tenants: [SampleTenant], sampler: UserSampler)
        throws(CSVOutputError) -> SampleFileCounts
    {
        var random = SampleRandom(seed: configuration.seed, stream: 2)
        var plan = RowPlan(
            rows: configuration.users, errorRate: configuration.errorRate,
            duplicateRate: configuration.duplicateRate)
        var recent = RecentRows()
        try file.write(UserSampler.header)
        let shares = Self.usersPerTenant(total: configuration.users, tenants: tenants.count, using: &random)
        for (tenant, share) in zip(tenants, shares) {
            var ordinal = 0
            for _ in 0..<share {
                switch plan.next(using: &random) {
                case .valid:
                    let row = sampler.makeUser(of: tenant, ordinal: ordinal, using: &random)
                    ordinal += 1
                    recent.remember(row)
                    try file.write(row)
                case .invalid:
                    try file.write(sampler.makeInvalidUser(of: tenant, ordinal: ordinal, using: &random))
                    ordinal += 1
                case .duplicate:
                    try file.write(recent.pick(using: &random))
                case .conflict:
                    try file.write(sampler.makeConflict(of: recent.pick(using: &random), using: &random))
                }
            }
        }
        return plan.expected
    }

    /// Splits `total` users over the tenants with a heavy tail: most tenants have a few users, some many.
    static func usersPerTenant(total: Int, tenants: Int, using random: inout SampleRandom) -> [Int] {
        guard tenants > 0 else { return [] }
        // Pareto weights (shape 1), capped so one tenant cannot take nearly everything; plain arithmetic,
        // no `pow`, so every platform computes the same shares.
        let weights = (0..<tenants).map { _ in min(1 / (1 - random.unit()), 200) }
        let sum = weights.reduce(0, +)
        var shares = weights.map { Int(Double(total) * $0 / sum) }
        var left = total - shares.reduce(0, +)
        var index = 0
        while left > 0 {
            shares[index % tenants] += 1
            left -= 1
            index += 1
        }
        return shares
    }
}
