import OnboardCore
import Reports
import Synchronization

/// The run's credential sheets, shared by the workers: one sheet per tenant and the partner-only
/// sheet, in `OUTPUT/credentials/` (mode 0700, sheets 0600).
///
/// Every delivery appends its entries and `fsync`s the sheet before it returns, so a caller may
/// record the delivery in the directory's ledger right after. At most ``openSheetLimit`` tenant
/// sheets are open at once (the one opened longest ago is closed to make room, and continued if its
/// tenant comes back), so a run over ten thousand tenants holds neither ten thousand descriptors nor
/// their buffers. ``close()`` writes the printable page of every tenant the run delivered to.
final class CredentialDesk: Sendable {
    private struct Sheets {
        var tenants: [String: CredentialSheet] = [:]
        /// The open tenant sheets, the one opened longest ago first.
        var openingOrder: [String] = []
        /// Every tenant delivered to in this run: its page is written at the end.
        var delivered: Set<String> = []
        var partner: PartnerSheet?
    }

    /// Tenant sheets open at most; workers deliver tenant by tenant, so a few dozen keep reopening rare.
    static let openSheetLimit = 32

    let folder: CredentialFolder
    private let sheets: Mutex<Sheets>
    /// Entries put on tenant sheets, for the summary.
    let accountsDelivered = Atomic<Int>(0)

    init(outputFolder: String) throws(PlanError) {
        do {
            folder = try CredentialFolder(outputFolder: outputFolder)
        } catch {
            throw PlanError(.inputOutput, path: outputFolder + "/credentials", message: "\(error)")
        }
        sheets = Mutex(Sheets())
    }

    /// Tenant sheets open now.
    var openSheets: Int { sheets.withLock { $0.tenants.count } }

    /// Puts accounts of one tenant on its sheet, durably.
    func deliver(_ entries: [CredentialEntry], tenant: String) throws(PlanError) {
        guard !entries.isEmpty else { return }
        try writing { sheets in
            let sheet: CredentialSheet
            if let open = sheets.tenants[tenant] {
                sheet = open
            } else {
                if sheets.openingOrder.count >= Self.openSheetLimit {
                    let oldest = sheets.openingOrder.removeFirst()
                    try sheets.tenants.removeValue(forKey: oldest)?.closeSheet()
                }
                sheet = try folder.openSheet(for: tenant)
                sheets.tenants[tenant] = sheet
                sheets.openingOrder.append(tenant)
            }
            for entry in entries { try sheet.append(entry) }
            try sheet.sync()
            sheets.delivered.insert(tenant)
        }
        accountsDelivered.add(entries.count, ordering: .relaxed)
    }

    /// Puts partner-only secrets on the partner sheet, durably.
    func deliver(partner entries: [PartnerSecretEntry]) throws(PlanError) {
        guard !entries.isEmpty else { return }
        try writing { sheets in
            let sheet: PartnerSheet
            if let open = sheets.partner {
                sheet = open
            } else {
                sheet = try folder.openPartnerSheet()
                sheets.partner = sheet
            }
            for entry in entries { try sheet.append(entry) }
            try sheet.sync()
        }
    }

    /// Closes every sheet and writes the printable page of every tenant delivered to.
    func close() throws(PlanError) {
        try writing { sheets in
            for sheet in sheets.tenants.values { try sheet.closeSheet() }
            try sheets.partner?.close()
            for tenant in sheets.delivered.sorted() { try folder.writePage(for: tenant) }
            sheets = Sheets()
        }
    }

    private func writing(_ body: (inout Sheets) throws -> Void) throws(PlanError) {
        do {
            try sheets.withLock { try body(&$0) }
        } catch {
            throw PlanError(
                .inputOutput, path: folder.path, message: "cannot write a credential sheet: \(error)")
        }
    }
}
