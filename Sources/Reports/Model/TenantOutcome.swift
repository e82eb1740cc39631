/// What became of one customer tenant, and of its users.
public struct TenantOutcome: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case created
        case updated
        case unchanged
        case rejected
    }

    /// The tenant's domain prefix, e.g. `contoso`.
    public var prefix: String
    public var company: String
    public var action: Action
    /// The provisioning steps done, in order, e.g. `account`, `admin`, `vault`, `config-server`.
    public var stepsDone: [String]
    public var usersCreated: Int
    public var usersUpdated: Int
    public var usersUnchanged: Int
    public var usersRejected: Int

    public init(
        prefix: String, company: String, action: Action, stepsDone: [String] = [], usersCreated: Int = 0,
        usersUpdated: Int = 0, usersUnchanged: Int = 0, usersRejected: Int = 0
    ) {
        self.prefix = prefix
        self.company = company
        self.action = action
        self.stepsDone = stepsDone
        self.usersCreated = usersCreated
        self.usersUpdated = usersUpdated
        self.usersUnchanged = usersUnchanged
        self.usersRejected = usersRejected
    }
}
