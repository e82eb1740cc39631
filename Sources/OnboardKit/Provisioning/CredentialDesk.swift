import OnboardCore
import Reports
import Synchronization

/// The run's credential sheets, shared by the workers: one sheet per tenant and the partner-only
/// sheet, in `OUTPUT/credentials/` (mode 0700, sheets 0600).
///
/// Every delivery appends its entries and `fsync`s the sheet before it returns, so a caller may
/// record the delivery in the directory's ledger right after. Sheets stay open until ``close()``,
/// which writes each tenant's printable page.
final class CredentialDesk: Sendable {
    private struct Sheets {
        var tenants: [String: CredentialSheet] = [:]
        var partner: PartnerSheet?
    }

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

    /// Puts accounts of one tenant on its sheet, durably.
    func deliver(_ entries: [CredentialEntry], tenant: String) throws(PlanError) {
        guard !entries.isEmpty else { return }
        try writing { sheets in
            let sheet: CredentialSheet
            if let open = sheets.tenants[tenant] {
                sheet = open
            } else {
                sheet = try folder.openSheet(for: tenant)
                sheets.tenants[tenant] = sheet
            }
            for entry in entries { try sheet.append(entry) }
            try sheet.sync()
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

    /// Closes every sheet and writes the printable pages.
    func close() throws(PlanError) {
        try writing { sheets in
            for sheet in sheets.tenants.values.sorted(by: { $0.tenant < $1.tenant }) { try sheet.close() }
            try sheets.partner?.close()
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
