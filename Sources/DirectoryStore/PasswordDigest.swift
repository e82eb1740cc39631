import Crypto
import OnboardCore

/// A salted SHA-256 digest of a temporary password, as the credential ledger keeps it: the salt (16
/// bytes from the system's secure generator) and the digest, 48 bytes in the store; as text
/// `sha256$SALT$DIGEST`, both in lower-case hex.
///
/// The store never needs the password back; the digest lets a person (or a test) check which of
/// several sheet entries holds an account's current password, without the store holding a secret.
/// A fast hash is enough for a temporary password of 16 random characters (~100 bits), which is to
/// be changed at first sign-in anyway.
public struct PasswordDigest: Sendable, Hashable, CustomStringConvertible {
    /// The salt, then the SHA-256 of salt and password: what the store keeps.
    let stored: [UInt8]

    /// The length of ``stored``: a 16-byte salt and a 32-byte SHA-256 (the text form took 104).
    static let storedCount = 48

    /// Digests `password` with a new random salt.
    public init(of password: String) {
        var generator = SecureRandom()
        self.init(of: password, using: &generator)
    }

    /// Digests `password` with a new salt from `generator`, which must be a secure one.
    init(of password: String, using generator: inout some RandomNumberGenerator) {
        var salt: [UInt8] = []
        for _ in 0..<2 { withUnsafeBytes(of: generator.next()) { salt.append(contentsOf: $0) } }
        self.init(of: password, salt: salt)
    }

    init(of password: String, salt: [UInt8]) {
        stored = salt + Self.digest(salt: salt, password: password)
    }

    /// Reads the bytes the store keeps; `nil` unless they are 48.
    init?(stored: some Collection<UInt8>) {
        guard stored.count == Self.storedCount else { return nil }
        self.stored = Array(stored)
    }

    /// Reads a digest's text form; `nil` for anything else.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "sha256", let salt = Self.bytes(parts[1]), salt.count == 16,
            let digest = Self.bytes(parts[2]), digest.count == 32
        else { return nil }
        stored = salt + digest
    }

    /// The text form: `sha256$SALT$DIGEST`, both in lower-case hex.
    public var encoded: String { "sha256$" + Self.hex(stored[..<16]) + "$" + Self.hex(stored[16...]) }

    /// Whether `password` is the password this digest was made of.
    public func matches(_ password: String) -> Bool {
        let salt = Array(stored[..<16])
        return salt + Self.digest(salt: salt, password: password) == stored
    }

    public var description: String { encoded }

    private static func digest(salt: [UInt8], password: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Array(password.utf8))
        return Array(hasher.finalize())
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func bytes(_ text: Substring) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        for index in stride(from: 0, to: utf8.count, by: 2) {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
