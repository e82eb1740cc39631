/// The cloud partner who onboards customers: the owner of the directory and of its policy.
public struct Partner: Sendable, Hashable {
    /// The partner's company name, as shown on partner-only sheets and reports.
    public var name: CompanyName
    /// The choices applied to every customer the partner onboards.
    public var policy: OnboardingPolicy

    public init(name: CompanyName, policy: OnboardingPolicy = OnboardingPolicy()) {
        self.name = name
        self.policy = policy
    }
}
