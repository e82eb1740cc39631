import Crypto

/// A file name stem made from a tenant's prefix that is safe whatever the input.
///
/// Only `[a-z0-9-]` survive, so no `/`, `..`, NUL or drive letter can steer a path. A prefix that is
/// already in that form (every valid tenant prefix is) is used as it is; any other gets what is left
/// of it plus a short hash of the original, so `A/b`, `a-b` and `ab` still get different files. An
/// empty result or a name Windows reserves (`con`, `nul`, `com1`, …) becomes `tenant-HASH`.
public enum TenantFileName {
    static let maximumLength = 48

    /// The safe stem for `tenant`, e.g. `contoso`, `etc-1a2b3c4d`, `tenant-5e6f7a8b`.
    public static func make(_ tenant: String) -> String {
        let kept = String(
            tenant.lowercased().unicodeScalars.filter {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
            .map(Character.init))
        let trimmed = String(kept.drop(while: { $0 == "-" }).reversed().drop(while: { $0 == "-" }).reversed())
        let clipped = String(trimmed.prefix(maximumLength))
        if clipped.isEmpty || isReserved(clipped) { return "tenant-" + shortHash(tenant) }
        if clipped == tenant { return clipped }
        return clipped + "-" + shortHash(tenant)
    }

    static func shortHash(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    private static func isReserved(_ name: String) -> Bool {
        let base = name.split(separator: "-", maxSplits: 1).first.map(String.init) ?? name
        if ["con", "prn", "aux", "nul"].contains(base) { return true }
        if base.count == 4, base.hasPrefix("com") || base.hasPrefix("lpt"), let digit = base.last,
            digit.isNumber
        {
            return true
        }
        return false
    }
}
