import OnboardCore

/// The values of one user row as the store writes and compares them: every text column in one
/// reusable byte buffer, and the row's fingerprint.
///
/// The statements bind the text straight from the buffer (no copy by SQLite, no C string per value),
/// so a batch of thousands of rows makes no allocation per row once the buffer has grown. The
/// fingerprint is SipHash-128 of an unambiguous encoding (each value present or absent, its length,
/// its bytes) of everything a re-import compares: tenant, name and its key, every attribute, both
/// flags, the role and its subscription. Equal fingerprints mean equal bytes, which mean equal values
/// for the core's comparison (`String ==` is looser than bytes), so a re-import may report a row
/// unchanged on an equal fingerprint alone; any difference goes to the full comparison.
struct UserRowImage {
    /// The text columns, in the order they are encoded.
    enum Column: Int, CaseIterable {
        case tenant, key, upn, displayName, firstName, lastName, jobTitle, department, usageLocation
        case role, subscription
        /// The key as the `upn_key` column holds it (see ``StoredUserKey``): after the fingerprint,
        /// not part of it, so a store's fingerprints do not depend on the column's form.
        case storedKey
    }

    /// Where a column's bytes are in the buffer; `count` -1 for NULL.
    private struct Span {
        var offset = 0
        var count = -1
    }

    static let fingerprintCount = 16

    private var bytes: [UInt8] = []
    private var spans = [Span](repeating: Span(), count: Column.allCases.count)
    private var fingerprintOffset = 0
    private(set) var isSignInBlocked = false
    private(set) var isDefaultAdmin = false

    init() { bytes.reserveCapacity(512) }

    /// Loads the row of `user` with `role` (`nil`: no role yet), replacing the previous one.
    mutating func load(_ user: TenantUser, role: RoleAssignment?) {
        bytes.removeAll(keepingCapacity: true)
        append(user.tenant.rawValue, .tenant)
        append(user.key.rawValue, .key)
        append(user.userPrincipalName.rawValue, .upn)
        append(user.displayName.rawValue, .displayName)
        append(user.firstName, .firstName)
        append(user.lastName, .lastName)
        append(user.jobTitle, .jobTitle)
        append(user.department, .department)
        append(user.usageLocation?.rawValue, .usageLocation)
        append(role?.role.rawValue, .role)
        append(role?.subscription.rawValue, .subscription)
        isSignInBlocked = user.isSignInBlocked
        isDefaultAdmin = user.isDefaultAdmin
        bytes.append(isSignInBlocked ? 1 : 0)
        bytes.append(isDefaultAdmin ? 1 : 0)
        let hash = bytes.withUnsafeBytes { SipHash128.hash($0) }
        fingerprintOffset = bytes.count
        withUnsafeBytes(of: hash.0.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: hash.1.littleEndian) { bytes.append(contentsOf: $0) }
        appendStoredKey(user.key.rawValue)
    }

    private mutating func appendStoredKey(_ key: String) {
        var key = key
        key.withUTF8 { key in
            let offset = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: key.count))
            _ = bytes[offset...].withUnsafeMutableBufferPointer { StoredUserKey.write(key, into: $0) }
            spans[Column.storedKey.rawValue] = Span(offset: offset, count: key.count)
        }
    }

    private mutating func append(_ text: String?, _ column: Column) {
        guard var text else {
            bytes.append(0)
            spans[column.rawValue] = Span()
            return
        }
        text.withUTF8 { utf8 in
            bytes.append(1)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: utf8.count).littleEndian) {
                bytes.append(contentsOf: $0)
            }
            spans[column.rawValue] = Span(offset: bytes.count, count: utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Calls `body` with the buffer pinned in memory, to bind from it.
    func withBytes<T>(_ body: (Bound) throws -> T) rethrows -> T {
        try bytes.withUnsafeBytes { try body(Bound(image: self, base: $0.baseAddress!)) }
    }

    /// The image with its buffer pinned: binds its columns to statements.
    struct Bound {
        let image: UserRowImage
        let base: UnsafeRawPointer

        /// Binds the text of `column` (or NULL) to parameter `position` of `statement`.
        func bind(_ column: Column, to statement: RawStatement, at position: Int32) {
            let span = image.spans[column.rawValue]
            statement.bindText(position, span.count < 0 ? nil : base + span.offset, count: span.count)
        }

        /// Binds the fingerprint to parameter `position` of `statement`.
        func bindFingerprint(to statement: RawStatement, at position: Int32) {
            statement.bindBlob(position, base + image.fingerprintOffset, count: UserRowImage.fingerprintCount)
        }

        /// Whether `stored` (a fingerprint column read back) is this row's fingerprint.
        func hasFingerprint(_ stored: UnsafeRawBufferPointer?) -> Bool {
            guard let stored, stored.count == UserRowImage.fingerprintCount else { return false }
            let own = base + image.fingerprintOffset
            return stored.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                == own.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                && stored.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    == own.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        }
    }
}
