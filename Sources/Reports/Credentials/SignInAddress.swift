import Foundation

/// Where a tenant's users sign in, as printed on their sheet.
///
/// The default, `https://portal.azure.com/{tenant}.onmicrosoft.com`, opens the portal directly in the
/// tenant's own directory, so a user who belongs to several directories lands in the right one.
/// A partner with another portal passes its own template; `{tenant}` is replaced by the prefix.
public struct SignInAddress: Sendable, Hashable {
    public var template: String

    public static let standard = SignInAddress(template: "https://portal.azure.com/{tenant}.onmicrosoft.com")

    public init(template: String) {
        self.template = template
    }

    /// The address for `tenant`, the prefix percent-encoded so it cannot change the URL's structure.
    public func address(for tenant: String) -> String {
        let encoded = tenant.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return template.replacingOccurrences(of: "{tenant}", with: encoded)
    }
}
