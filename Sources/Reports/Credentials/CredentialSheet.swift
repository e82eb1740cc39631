import Foundation

/// One tenant's credential sheet: the accounts created for it and their temporary passwords, to hand
/// to that customer. A CSV (`tenant-STEM.csv`) and, on `close()`, a printable page (`tenant-STEM.html`).
///
/// Entries are appended as accounts are created; `append` then `sync` puts an entry on disk before
/// the account is committed, so a crash never leaves an account whose password nobody has. An
/// entry of another tenant is refused. This and `PartnerSheet` are the only readers of
/// `Secret.revealed`.
public final class CredentialSheet {
    public static let columns = [
        "tenant", "sign_in_name", "display_name", "temporary_password", "must_change_at_first_sign_in",
        "sign_in_address",
    ]

    public let tenant: String
    /// The CSV sheet's path.
    public var path: String { file.path }
    /// The printable page's path, written by `close()`.
    public let pagePath: String
    private let file: SecretSheetFile
    private let signInAddress: String
    /// Entries appended through this sheet, for the printable page (one tenant's accounts).
    private var entries: [CredentialEntry] = []
    private let continuesEarlierSheet: Bool

    init(folder: CredentialFolder, tenant: String) throws {
        self.tenant = tenant
        let stem = "tenant-" + TenantFileName.make(tenant)
        let csvPath = folder.file(stem + ".csv")
        continuesEarlierSheet = FileManager.default.fileExists(atPath: csvPath)
        file = try SecretSheetFile(path: csvPath, header: Self.columns)
        pagePath = folder.file(stem + ".html")
        signInAddress = folder.signInAddress.address(for: tenant)
    }

    /// Adds an account to the sheet (buffered: call `sync()` before relying on it).
    public func append(_ entry: CredentialEntry) throws {
        guard entry.tenant == tenant else {
            throw ReportOutputError(
                .tenantMismatch, path: path, code: 0,
                message: "refused an entry of tenant '\(entry.tenant)' on the sheet of tenant '\(tenant)'")
        }
        try file.write([
            entry.tenant, entry.signInName, entry.displayName, entry.temporaryPassword.revealed,
            entry.mustChangeAtFirstSignIn ? "yes" : "no", signInAddress,
        ])
        entries.append(entry)
    }

    /// Puts every appended entry on disk (`fsync`).
    public func sync() throws {
        try file.sync()
    }

    /// Syncs and closes the CSV, then writes the printable page (mode 0600, atomically).
    public func close() throws {
        try file.close()
        let page = CredentialPage(
            tenant: tenant, signInAddress: signInAddress, entries: entries,
            continuesEarlierSheet: continuesEarlierSheet)
        let bytes = try page.render()
        let output = try AtomicFile(path: pagePath, permissions: CredentialFolder.filePermissions)
        try bytes.withUnsafeBytes { try output.write($0) }
        try output.commit()
    }
}
