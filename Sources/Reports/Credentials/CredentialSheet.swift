import Foundation

/// One tenant's credential sheet: the accounts created for it and their temporary passwords, to hand
/// to that customer. A CSV (`tenant-STEM.csv`) and, on `close()`, a printable page (`tenant-STEM.html`)
/// made from the CSV, so no entry stays in memory however many accounts a run creates.
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
    private let folder: CredentialFolder
    private let signInAddress: String

    init(folder: CredentialFolder, tenant: String) throws {
        self.tenant = tenant
        let stem = "tenant-" + TenantFileName.make(tenant)
        let csvPath = folder.file(stem + ".csv")
        file = try SecretSheetFile(path: csvPath, header: Self.columns)
        self.folder = folder
        pagePath = folder.file(stem + ".html")
        signInAddress = folder.signInAddress.address(for: tenant)
    }

    /// Adds an account to the sheet (buffered: call `sync()`, or `flush()` then
    /// ``CredentialFolder/synchronize()``, before relying on it).
    public func append(_ entry: CredentialEntry) throws {
        guard entry.tenant == tenant else {
            throw ReportOutputError(
                .tenantMismatch, path: path, code: 0,
                message: "refused an entry of tenant '\(entry.tenant)' on the sheet of tenant '\(tenant)'")
        }
        file.write([
            entry.tenant, entry.signInName, entry.displayName, entry.temporaryPassword.revealed,
            entry.mustChangeAtFirstSignIn ? "yes" : "no", signInAddress,
        ])
    }

    /// Hands every appended entry to the system; ``CredentialFolder/synchronize()`` then puts it on
    /// disk together with every other sheet's.
    public func flush() throws {
        try file.flush()
    }

    /// Puts every appended entry on disk (`fsync`).
    public func sync() throws {
        try file.sync()
    }

    /// Syncs and closes the CSV, then writes the printable page (see ``CredentialFolder/writePage(for:)``).
    public func close() throws {
        try file.close()
        try folder.writePage(for: tenant)
    }

    /// Closes the CSV only, after handing what is buffered to the system (on disk once the folder
    /// is synchronized, or already if `sync()` was called): a sheet can be opened again to continue
    /// it, and its page written when the run is done with it.
    public func closeSheet() throws {
        try file.close(synchronizing: false)
    }
}
