/// A subscription of a tenant to an offer, such as the tenant's cloud (`Azure`) subscription.
///
/// Its id is derived from the tenant's prefix and the offer, so the same input always names the same
/// subscription: re-running an import finds it again instead of making another.
public struct Subscription: Sendable, Hashable, CustomStringConvertible {
    /// A subscription id, shaped like a UUID (version 8, "custom"), derived deterministically.
    public struct ID: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let rawValue: String
        public var description: String { rawValue }
        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let id: ID
    public let tenant: DomainPrefix
    public let offer: SubscriptionOffer

    init(tenant: DomainPrefix, offer: SubscriptionOffer) {
        self.id = Self.deriveID(tenant: tenant, offer: offer)
        self.tenant = tenant
        self.offer = offer
    }

    public var description: String { "\(offer) (\(id))" }

    /// Hashes `prefix/offer-key` with two 64-bit FNV-1a passes (different offset bases) into 128 bits,
    /// then sets the UUID version (8) and variant bits. FNV, unlike `Hasher`, is the same in every
    /// process, which is the point.
    static func deriveID(tenant: DomainPrefix, offer: SubscriptionOffer) -> ID {
        let text = "\(tenant.rawValue)/\(offer.key)"
        var high: UInt64 = 0xcbf2_9ce4_8422_2325
        var low: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        low = (low ^ high) &* 0x0000_0100_0000_01B3  // mix, so the halves do not merely differ by basis
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }
        return ID(rawValue: groups.joined(separator: "-"))
    }
}
