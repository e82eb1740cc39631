import DirectoryStore
import OnboardCore
import Testing

/// A batch of tenants in the store: what applying each tenant means, in one transaction, and the
/// set-ups of many tenants recorded in one transaction as the step-by-step calls record them.
struct SQLiteDirectoryTenantBatchTests {
    /// What a tenant's result says, without the password (whose value differs between directories).
    enum Outcome: Equatable {
        case applied(CustomerTenant, Change<TenantAttribute>, hasPassword: Bool)
        case failed(DirectoryError)

        init(_ result: Result<AppliedTenant, DirectoryError>) {
            switch result {
            case .success(let applied):
                self = .applied(applied.tenant, applied.change, hasPassword: applied.adminPassword != nil)
            case .failure(let error): self = .failed(error)
            }
        }
    }

    /// Batches that cover every outcome of applying a tenant.
    static func batches() -> [[CustomerTenant]] {
        let contoso = Fixture.tenant("contoso", domains: ["contoso.com"])
        let first = [
            contoso,
            Fixture.tenant("fabrikam", domains: ["contoso.com"]),  // contoso's domain: refused
            Fixture.tenant("woodgrove", offers: ["Office"]),
        ]
        let second = [
            contoso,  // unchanged
            Fixture.tenant("woodgrove", company: "Woodgrove Bank", offers: ["Office"]),  // updated
            Fixture.tenant("fabrikam", domains: ["fabrikam.com"]),  // created now
            Fixture.tenant("litware", domains: ["woodgrove.onmicrosoft.com"]),  // an initial domain taken
        ]
        return [first, second]
    }

    @Test func aBatchOfTenantsMeansWhatApplyingEachTenantMeans() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let reference = InMemoryDirectory(makePassword: Fixture.passwords())
        for (number, batch) in Self.batches().enumerated() {
            let fast = store.apply(tenants: batch).map(Outcome.init)
            let slow = batch.map { tenant in
                Outcome(Result { () throws(DirectoryError) in try reference.apply(tenant) })
            }
            #expect(fast.count == batch.count, "one result per tenant")
            for (row, (got, expected)) in zip(fast, slow).enumerated() {
                #expect(got == expected, "batch \(number + 1) tenant \(row + 1)")
            }
        }
        #expect(try store.tenants() == reference.tenants(), "the same tenants")
        for tenant in reference.tenants() {
            #expect(
                try store.users(of: tenant.prefix) == reference.users(of: tenant.prefix),
                "\(tenant.prefix)'s admin")
        }
    }

    @Test func aRefusedTenantLeavesTheOthersOfItsBatchCreated() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath())
        _ = try store.createTenant(Fixture.tenant("contoso", domains: ["contoso.com"]))
        let batch = [
            Fixture.tenant("adatum"),
            Fixture.tenant("fabrikam", domains: ["fabrikam.com", "contoso.com"]),
            Fixture.tenant("woodgrove"),
        ]
        let results = store.apply(tenants: batch)
        #expect(
            Outcome(results[1]) == .failed(.domainTaken(try DomainName.parse("contoso.com"))),
            "fabrikam claims contoso's domain")
        for index in [0, 2] {
            let applied = try results[index].get()
            #expect(applied.change == .created, "\(batch[index].prefix) is created")
            #expect(applied.adminPassword != nil, "with its admin's password")
        }
        #expect(try store.tenant(prefix: Fixture.prefix("fabrikam")) == nil, "nothing of fabrikam is stored")
        #expect(
            try store.tenant(owning: DomainName.parse("fabrikam.com")) == nil, "not even its first domain")
        #expect(
            try store.statistics() == DirectoryStatistics(tenants: 3, users: 3), "three tenants, three admins"
        )
    }

    @Test func anEmptyBatchDoesNothing() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath())
        #expect(store.apply(tenants: []).isEmpty, "no results")
        #expect(store.recordRecoverySteps([]).isEmpty, "no results")
    }

    static func record(_ prefix: String) -> RecoveryRecord {
        RecoveryRecord(
            tenant: Fixture.prefix(prefix), resourceGroup: "rg-\(prefix)-recovery", vault: "rsv-\(prefix)",
            configurationServer: "cs-\(prefix)", vCenterAccountUserName: "svc-vcenter-\(prefix)",
            virtualMachineAccountUserName: "svc-vm-\(prefix)",
            vCenter: VCenterRegistration(host: "vcenter.\(prefix).local"),
            completedSteps: RecoveryStep.allCases)
    }

    @Test func setUpsRecordedInOneTransactionEqualTheStepByStepRecords() throws {
        let batched = try SQLiteDirectory(path: Fixture.storePath())
        let stepwise = try SQLiteDirectory(path: Fixture.storePath())
        let prefixes = ["contoso", "fabrikam", "woodgrove"]
        for store in [batched, stepwise] {
            for prefix in prefixes { _ = try store.createTenant(Fixture.tenant(prefix)) }
        }
        let records = prefixes.map(Self.record)
        let results = batched.recordRecoverySteps(records)
        #expect(results.allSatisfy { (try? $0.get()) != nil }, "every set-up is recorded")
        // The core's default: one call per step, each recording the steps done so far.
        for record in records { try stepwise.recordRecoverySteps(of: record) }
        for record in records {
            let got = try batched.recoveryRecord(of: record.tenant)
            #expect(got == record, "\(record.tenant): the whole record, every step in the domain's order")
            #expect(got == (try stepwise.recoveryRecord(of: record.tenant)), "the same as step by step")
        }
    }

    @Test func aSetUpOfAnUnknownTenantFailsAloneInItsBatch() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath())
        _ = try store.createTenant(Fixture.tenant("contoso"))
        _ = try store.createTenant(Fixture.tenant("woodgrove"))
        let results = store.recordRecoverySteps(["contoso", "ghost", "woodgrove"].map(Self.record))
        #expect(
            results[1].map { true } == .failure(.unknownTenant(Fixture.prefix("ghost"))),
            "the tenant must exist")
        #expect(try store.recoveryRecord(of: Fixture.prefix("contoso")) == Self.record("contoso"), "recorded")
        #expect(
            try store.recoveryRecord(of: Fixture.prefix("woodgrove")) == Self.record("woodgrove"), "recorded")
    }

    @Test func aPartialRecordIsStepByStepItsFirstSteps() {
        let record = Self.record("contoso")
        #expect(record.withFirstSteps(0).completedSteps.isEmpty, "no step")
        #expect(
            record.withFirstSteps(2).completedSteps == [.resourceGroupCreated, .vaultCreated], "the first two"
        )
        #expect(record.withFirstSteps(7) == record, "all seven: the record")
    }
}
