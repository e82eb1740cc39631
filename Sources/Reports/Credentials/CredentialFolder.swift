import CLibXML2
import CSVStream
import Dispatch
import Foundation
import OnboardCore
import Synchronization

/// The `credentials/` folder of a run's output: mode 0700, holding mode-0600 sheets.
///
/// Creating it fixes the mode of an existing folder too, and refuses a symbolic link or a file in
/// its place, so the sheets never land somewhere others can read.
public struct CredentialFolder: Sendable, Hashable {
    public static let name = "credentials"
    public static let folderPermissions: mode_t = 0o700
    public static let filePermissions: mode_t = 0o600

    /// The folder's path, `OUTPUT/credentials`.
    public let path: String
    public let signInAddress: SignInAddress

    /// Creates (or fixes) `credentials/` inside `outputFolder`, which must exist.
    public init(outputFolder: String, signInAddress: SignInAddress = .standard) throws {
        path = (outputFolder.hasSuffix("/") ? outputFolder : outputFolder + "/") + Self.name
        self.signInAddress = signInAddress
        if mkdir(path, Self.folderPermissions) != 0 && errno != EEXIST {
            throw ReportOutputError(.createFolder, path: path)
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { throw ReportOutputError(.createFolder, path: path) }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw ReportOutputError(
                .createFolder, path: path, code: ENOTDIR,
                message:
                    "exists and is not a folder (a file or a symbolic link); remove it or choose another --out"
            )
        }
        // mkdir() applies the umask, and an existing folder keeps whatever mode it had.
        guard chmod(path, Self.folderPermissions) == 0 else {
            throw ReportOutputError(.setPermissions, path: path)
        }
    }

    /// Opens (or continues) the sheet of `tenant`: `credentials/tenant-STEM.csv` and `.html`.
    public func openSheet(for tenant: String) throws -> CredentialSheet {
        try CredentialSheet(folder: self, tenant: tenant)
    }

    /// Opens (or continues) the partner-only sheet, `credentials/partner-only.csv`.
    public func openPartnerSheet() throws -> PartnerSheet {
        try PartnerSheet(folder: self)
    }

    /// The path of a file in the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// Puts every sheet and page written so far on disk (see ``FileSystemSync``).
    public func synchronize() throws {
        try FileSystemSync.synchronize(folder: path)
    }

    /// Writes the printable page of a tenant's sheet (`tenant-STEM.html`, mode 0600, atomically) from
    /// the CSV sheet on disk: every account on the sheet, up to ``CredentialPage/rowLimit``.
    ///
    /// Read back rather than remembered, so a run creating a million accounts keeps none in memory.
    public func writePage(for tenant: String) throws {
        let output = try renderPage(for: tenant)
        try output.commit()
    }

    /// Writes the pages of many tenants, as ``writePage(for:)`` does each, with one flush to disk per
    /// group of pages instead of two per page: every page of a group is written under its temporary
    /// name, the group is flushed, then the pages are renamed into place; a last flush makes the
    /// renames durable.
    ///
    /// The tenants are shared out among `workers` threads, a few at a time to whichever is free (a
    /// thread whose allocator is busier gets fewer), each with its own groups: the pages are the run's
    /// last work, with nothing else left for the other cores, and rendering a million accounts'
    /// pages on one thread took a quarter of a million-user import. The first error stops every
    /// worker at its next page and is thrown.
    public func writePages(
        for tenants: [String], groupSize: Int = 512,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws {
        // libxml2 sets up its globals on first use; doing it here, before the threads, is what its
        // documentation asks of multithreaded programs.
        xmlInitParser()
        let share = 16
        let next = Atomic<Int>(0)
        let failure = SharedState<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, tenants.count / share))) { _ in
            var group: [AtomicFile] = []
            do {
                while failure.withLock({ $0 == nil }) {
                    let start = next.add(share, ordering: .relaxed).oldValue
                    guard start < tenants.count else { break }
                    for tenant in tenants[start..<min(start + share, tenants.count)] {
                        let page = try renderPage(for: tenant)
                        try page.closeForPublishing()
                        group.append(page)
                        if group.count >= groupSize { try publish(&group) }
                    }
                }
                if !group.isEmpty { try publish(&group) }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        try synchronize()
    }

    /// Flushes a group of pages written under their temporary names, then renames them into place.
    private func publish(_ group: inout [AtomicFile]) throws {
        try synchronize()
        for page in group { try page.publish() }
        group.removeAll(keepingCapacity: true)
    }

    /// How a sheet is read back for its page: in small chunks.
    private static let sheetReading = CSVReaderOptions(chunkSize: 1 << 14)

    /// The page of `tenant` written under its temporary name, not yet committed.
    private func renderPage(for tenant: String) throws -> AtomicFile {
        let stem = "tenant-" + TenantFileName.make(tenant)
        let sheetPath = file(stem + ".csv")
        var page = CredentialPage(tenant: tenant, signInAddress: signInAddress.address(for: tenant))
        do throws(CSVInputError) {
            // A sheet is small and there are thousands: the default 1 MiB chunk (a 3 MiB window
            // allocated and touched per reader) made writing the pages a fifth of a tenants-only run.
            let reader = try CSVReader(path: sheetPath, options: Self.sheetReading)
            var isHeader = true
            while let next = try reader.next() {
                // The sheet is written by onboard alone: a record of another shape is not an account.
                guard case .success(let record) = next, record.fields.count == CredentialSheet.columns.count
                else { continue }
                if isHeader {
                    isHeader = false
                    continue
                }
                let fields = record.fields.map(CSVWriter.unguarded)
                page.add(
                    CredentialEntry(
                        tenant: fields[0], signInName: fields[1], displayName: fields[2],
                        temporaryPassword: Secret(fields[3]), mustChangeAtFirstSignIn: fields[4] == "yes"))
            }
        } catch {
            throw ReportOutputError(.read, path: sheetPath, code: error.code, message: error.reason)
        }
        let bytes = try page.render()
        let output = try AtomicFile(path: file(stem + ".html"), permissions: Self.filePermissions)
        try bytes.withUnsafeBytes { try output.write($0) }
        return output
    }
}
