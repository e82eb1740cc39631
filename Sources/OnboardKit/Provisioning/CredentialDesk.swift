import OnboardCore
import Reports
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The run's credential sheets, shared by the workers: one sheet per tenant and the partner-only
/// sheet, in `OUTPUT/credentials/` (mode 0700, sheets 0600).
///
/// Every delivery appends its entries, hands them to the system, and waits until a flush of the file
/// system (``CredentialFolder/synchronize()``) has put them on disk before it returns, so a caller may
/// record the delivery in the directory's ledger right after. One flush for many sheets, not one
/// per sheet: a batch of users spans many tenants, and an `fsync` per sheet made the flushes cost
/// more than everything else of an import. Concurrent deliveries share flushes (``GroupFlush``).
///
/// Sheets stay open, because users of many tenants arrive interleaved and reopening a sheet costs
/// four system calls; a sheet holds no buffer between deliveries, only its descriptor. At most
/// ``openSheetLimit`` are open (the one opened longest ago is closed to make room, and continued if
/// its tenant comes back). ``close()`` writes the printable page of every tenant the run delivered to.
final class CredentialDesk: Sendable {
    private struct Sheets {
        var tenants: [String: CredentialSheet] = [:]
        /// The open tenant sheets, the one opened longest ago at `oldest`.
        var openingOrder: [String] = []
        var oldest = 0
        /// Every tenant delivered to in this run: its page is written at the end.
        var delivered: Set<String> = []
        var partner: PartnerSheet?
    }

    let folder: CredentialFolder
    /// Tenant sheets open at most (see ``sheetLimit(reserving:)``).
    let openSheetLimit: Int
    private let sheets: SharedState<Sheets>
    private let flushes = GroupFlush()
    /// Entries put on tenant sheets, for the summary.
    let accountsDelivered = Atomic<Int>(0)

    /// The sheets of `outputFolder/credentials`; `openSheetLimit` defaults to what the process's
    /// open-file limit allows.
    init(outputFolder: String, openSheetLimit: Int? = nil) throws(PlanError) {
        do {
            folder = try CredentialFolder(outputFolder: outputFolder)
        } catch {
            throw PlanError(.inputOutput, path: outputFolder + "/credentials", message: "\(error)")
        }
        self.openSheetLimit = max(1, openSheetLimit ?? Self.sheetLimit())
        sheets = SharedState(Sheets())
    }

    /// Tenant sheets open now.
    var openSheets: Int { sheets.withLock { $0.tenants.count } }

    /// Puts accounts of one tenant on its sheet, durably.
    func deliver(_ entries: [CredentialEntry], tenant: String) throws(PlanError) {
        try deliver([(tenant, entries)])
    }

    /// Puts accounts of several tenants on their sheets and `partner` secrets on the partner-only
    /// sheet, durably, with one flush to disk.
    func deliver(
        _ groups: [(tenant: String, entries: [CredentialEntry])], partner: [PartnerSecretEntry] = []
    ) throws(PlanError) {
        let count = groups.reduce(0) { $0 + $1.entries.count }
        guard count > 0 || !partner.isEmpty else { return }
        let ticket = try writing { sheets in
            for (tenant, entries) in groups where !entries.isEmpty {
                let sheet = try Self.sheet(of: tenant, in: &sheets, folder: folder, limit: openSheetLimit)
                for entry in entries { try sheet.append(entry) }
                try sheet.flush()
                sheets.delivered.insert(tenant)
            }
            if !partner.isEmpty {
                let sheet = try sheets.partner ?? folder.openPartnerSheet()
                sheets.partner = sheet
                for entry in partner { try sheet.append(entry) }
                try sheet.flush()
            }
            return flushes.wrote()
        }
        try synchronize(ticket)
        accountsDelivered.add(count, ordering: .relaxed)
    }

    /// Closes every sheet and writes the printable page of every tenant delivered to.
    func close() throws(PlanError) {
        try writing { sheets in
            for sheet in sheets.tenants.values { try sheet.closeSheet() }
            try sheets.partner?.close()
            try folder.writePages(for: sheets.delivered.sorted())
            sheets = Sheets()
        }
    }

    /// The open sheet of `tenant`, opened (or continued) now if need be, closing the one opened
    /// longest ago when `limit` sheets are open.
    private static func sheet(
        of tenant: String, in sheets: inout Sheets, folder: CredentialFolder, limit: Int
    ) throws -> CredentialSheet {
        if let open = sheets.tenants[tenant] { return open }
        if sheets.tenants.count >= limit {
            let oldest = sheets.openingOrder[sheets.oldest]
            sheets.oldest += 1
            // Drop the names already closed once they are half the list, so it stays as long as
            // the open sheets, without shifting it on every close.
            if sheets.oldest * 2 >= sheets.openingOrder.count {
                sheets.openingOrder.removeFirst(sheets.oldest)
                sheets.oldest = 0
            }
            try sheets.tenants.removeValue(forKey: oldest)?.closeSheet()
        }
        let sheet = try folder.openSheet(for: tenant)
        sheets.tenants[tenant] = sheet
        sheets.openingOrder.append(tenant)
        return sheet
    }

    /// Returns once the write with `ticket` is on disk.
    private func synchronize(_ ticket: Int) throws(PlanError) {
        do {
            try flushes.waitUntilOnDisk(ticket) { try folder.synchronize() }
        } catch {
            throw PlanError(
                .inputOutput, path: folder.path, message: "cannot put the credential sheets on disk: \(error)"
            )
        }
    }

    private func writing<Result: Sendable>(_ body: (inout Sheets) throws -> Result) throws(PlanError)
        -> Result
    {
        do {
            return try sheets.withLock { try body(&$0) }
        } catch {
            throw PlanError(
                .inputOutput, path: folder.path, message: "cannot write a credential sheet: \(error)")
        }
    }

    /// How many sheets may be open: the process's open-file limit, raised to the system's ceiling
    /// first (as Go programs do at start: the soft limit of 1024 is there for old `select()` code),
    /// less `reserve` descriptors for the store, the inputs and the reports; at most 16,384.
    static func sheetLimit(reserving reserve: Int = 256) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 32 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 1 << 16)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return max(32, min(16_384, Int(clamping: limit.rlim_cur) - reserve))
    }
}
