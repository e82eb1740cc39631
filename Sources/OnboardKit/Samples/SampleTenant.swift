/// A valid generated customer, kept so its users can be generated after the customers file is written.
struct SampleTenant: Sendable {
    var prefix: String
    var profile: CountryProfile
    var isSelfService: Bool
    /// The tenant's custom domain (`muellersoehne.de`), if it has one.
    var customDomain: String?
    /// Decides the order in which the tenant's users get name pairs, so tenants do not all start with the same names.
    var nameOffset: Int
}
