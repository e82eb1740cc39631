/// A customer's primary contact: the person the partner talks to.
public struct Contact: Sendable, Hashable {
    public var firstName: String
    public var lastName: String
    public var email: EmailAddress
    public var phone: String?

    public init(firstName: String, lastName: String, email: EmailAddress, phone: String? = nil) {
        self.firstName = firstName.trimmed
        self.lastName = lastName.trimmed
        self.email = email
        self.phone = phone.nonBlank
    }
}
