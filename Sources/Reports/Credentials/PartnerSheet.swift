/// The partner-only sheet (`credentials/partner-only.csv`): vault registration keys and the access
/// accounts of each tenant's configuration server. Never handed to a customer.
///
/// The name cannot clash with a tenant's sheet, which always starts with `tenant-`.
public final class PartnerSheet {
    public static let fileName = "partner-only.csv"
    public static let columns = ["tenant", "item", "name", "secret"]

    private let file: SecretSheetFile
    public var path: String { file.path }

    init(folder: CredentialFolder) throws {
        file = try SecretSheetFile(path: folder.file(Self.fileName), header: Self.columns)
    }

    /// Adds a secret (buffered: call `sync()`, or `flush()` then ``CredentialFolder/synchronize()``,
    /// before relying on it).
    public func append(_ entry: PartnerSecretEntry) throws {
        file.write([entry.tenant, entry.kind.rawValue, entry.name, entry.secret.revealed])
    }

    /// Hands every appended entry to the system (on disk after ``CredentialFolder/synchronize()``).
    public func flush() throws {
        try file.flush()
    }

    /// Puts every appended entry on disk (`fsync`).
    public func sync() throws {
        try file.sync()
    }

    public func close() throws {
        try file.close()
    }
}
