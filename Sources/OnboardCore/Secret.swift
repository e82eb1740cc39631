/// A value that must never appear in logs, reports, the store or error messages.
///
/// Its description, debug description and reflection are redacted, so interpolating one into a
/// log line or a report prints `<redacted>` by construction. Only the credential-sheet writer reads
/// `revealed`, by name, which keeps every such read easy to find.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// The plain value. Call only where the secret is meant to be delivered (a credential sheet).
    public var revealed: String { value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
