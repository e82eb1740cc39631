/// An access level on a tenant's subscription.
///
/// Parsed ignoring case, spaces, `-` and `_` (`site-recovery-reader`, `SiteRecoveryReader` and
/// `SITE RECOVERY READER` are all ``siteRecoveryReader``). Accepted aliases, and only these:
/// `ASR Contributor`, `ASR Operator`, `ASR Reader` (ASR is the usual short form of Azure Site
/// Recovery in the portal's own documentation). Deliberately *not* accepted: `admin`,
/// `administrator`, `global admin` (a directory role, not a subscription access level; guessing
/// Owner would hand out more than asked), `read`, `viewer`, `operator` (ambiguous between Reader,
/// Site Recovery Reader and Site Recovery Operator). Those get a message naming what to write.
public enum Role: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case owner = "Owner"
    case contributor = "Contributor"
    case reader = "Reader"
    case siteRecoveryContributor = "Site Recovery Contributor"
    case siteRecoveryOperator = "Site Recovery Operator"
    case siteRecoveryReader = "Site Recovery Reader"

    /// Parses a role name or alias.
    public static func parse(_ raw: String) throws(DomainViolations) -> Role {
        let key = raw.looseKey
        if let role = accepted[key] { return role }
        let text = raw.trimmed
        if let role = accepted[text.looseKey] { return role }  // trimmed tabs or no-break spaces
        let hint: String
        switch key {
        case "admin", "administrator", "globaladmin", "globaladministrator", "tenantadmin":
            hint =
                " For full access including managing access, write Owner; for everything but access, Contributor."
        case "read", "readonly", "viewer", "view":
            hint = " For view-only access write Reader, or Site Recovery Reader for disaster recovery only."
        case "operator":
            hint = " To let the user fail over and fail back, write Site Recovery Operator."
        default:
            hint = ""
        }
        throw DomainViolations(
            DomainViolation(
                .roleUnknown,
                "The access level \(quoted(text)) is unknown; use one of \(allCases.map(\.rawValue).joined(separator: ", ")).\(hint)"
            ))
    }

    /// Every accepted spelling's loose key (names and aliases), looked up once per row.
    private static let accepted: [String: Role] = {
        var keys = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue.looseKey, $0) })
        keys["asrcontributor"] = .siteRecoveryContributor
        keys["asroperator"] = .siteRecoveryOperator
        keys["asrreader"] = .siteRecoveryReader
        return keys
    }()

    /// The role's name as people write it, e.g. `Site Recovery Operator`.
    public var description: String { rawValue }

    /// May change access levels (grant and remove roles): Owner only.
    public var mayChangeAccess: Bool { self == .owner }

    /// May create, change and delete the subscription's resources: Owner and Contributor.
    public var mayManageResources: Bool { self == .owner || self == .contributor }

    /// May configure disaster recovery (protect machines, change replication).
    public var mayManageRecovery: Bool { mayManageResources || self == .siteRecoveryContributor }

    /// May fail over and fail back.
    public var mayFailOver: Bool { mayManageRecovery || self == .siteRecoveryOperator }

    /// May view disaster-recovery state: every role.
    public var mayViewRecovery: Bool { true }

    /// May view all of the subscription's resources, not only disaster recovery.
    public var mayViewEverything: Bool { mayManageResources || self == .reader }
}
