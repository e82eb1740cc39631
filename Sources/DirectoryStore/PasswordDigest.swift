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
    /// The stored form.
    public let encoded: String

    /// Digests `password` with a new random salt.
    public init(of password: String) {
        var generator = SecureRandom()
        self.init(of: password, using: &generator)
    }

    /// Digests `password` with a new salt from `generator`, which must be a secure one.
    init(of password: String, using generator: inout some RandomNumberGenerator) {
        self.init(stored: Self.stored(of: password, using: &generator))!
    }

    init(of password: String, salt: [UInt8]) {
        encoded = "sha256$" + Self.hex(salt) + "$" + Self.hex(Self.digest(salt: salt, password: password))
    }

    /// The bytes the store keeps: the 16-byte salt, then the 32-byte SHA-256 (48 bytes; the text form
    /// took 104).
    static let storedCount = 48

    /// The stored bytes of `password` digested with a new salt from `generator` (a secure one): what
    /// an import computes for every account, without the text form.
    static func stored(of password: String, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(storedCount)
        for _ in 0..<2 { withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) } }
        bytes += digest(salt: bytes, password: password)
        return bytes
    }

    /// Reads the bytes the store keeps; `nil` unless they are 48.
    init?(stored: some Collection<UInt8>) {
        guard stored.count == Self.storedCount else { return nil }
        let bytes = Array(stored)
        encoded = "sha256$" + Self.hex(Array(bytes[..<16])) + "$" + Self.hex(Array(bytes[16...]))
    }

    /// The bytes the store keeps (see ``storedCount``).
    var stored: [UInt8] {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        return (Self.bytes(parts[1]) ?? []) + (Self.bytes(parts[2]) ?? [])
    }

    /// Reads a digest's text form; `nil` for anything else.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "sha256", Self.bytes(parts[1])?.count == 16,
            Self.bytes(parts[2])?.count == 32
        else { return nil }
        self.encoded = encoded
    }

    /// Whether `password` is the password this digest was made of.
    public func matches(_ password: String) -> Bool {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard let salt = Self.bytes(parts[1]) else { return false }
        return Self.hex(Self.digest(salt: salt, password: password)) == parts[2]
    }

    public var description: String { encoded }

    private static func digest(salt: [UInt8], password: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Array(password.utf8))
        return Array(hasher.finalize())
    }

    private static func hex(_ bytes: [UInt8]) -> String {
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
