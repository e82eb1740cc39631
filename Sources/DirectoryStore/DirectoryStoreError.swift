/// Why the directory store file could not be opened or brought up to date, for a person.
public struct DirectoryStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store file.
    public let path: String
    /// What went wrong, from the file system or SQLite.
    public let reason: String
    /// True when there is no store file (and the caller asked not to make one).
    public var isMissing = false
    /// True when another process held the store's write lock past the busy timeout: worth retrying.
    public var isBusy = false

    public var description: String {
        if isMissing {
            return "There is no directory store \(path); give the store's path with --store PATH "
                + "(listing a store never makes one)."
        }
        if isBusy {
            return "The directory store \(path) is busy: \(reason). Another process (another onboard run?) "
                + "is writing to it; try again when it has finished."
        }
        return
            "Cannot open the directory store \(path): \(reason). Check that the folder is writable and the "
            + "file is an onboard store (or give another one with --store PATH)."
    }
}
