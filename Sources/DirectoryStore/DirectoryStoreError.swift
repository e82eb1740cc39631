/// Why the directory store file could not be opened or brought up to date, for a person.
public struct DirectoryStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store file.
    public let path: String
    /// What went wrong, from the file system or SQLite.
    public let reason: String

    public var description: String {
        "Cannot open the directory store \(path): \(reason). Check that the folder is writable and the "
            + "file is an onboard store (or give another one with --store PATH)."
    }
}
