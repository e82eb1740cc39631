/// How much a directory holds: for listing commands and run summaries.
public struct DirectoryStatistics: Sendable, Hashable {
    /// The number of tenants.
    public let tenants: Int
    /// The number of users, default admins included.
    public let users: Int

    public init(tenants: Int, users: Int) {
        self.tenants = tenants
        self.users = users
    }
}
