/// How a user name key is written in `tenant_user.upn_key`: domain first, then a space, then the
/// part before the `@` (`contoso.onmicrosoft.com alice` for `alice@contoso.onmicrosoft.com`).
///
/// The column's UNIQUE index is ordered by it. Written name first, a tenant's users were spread over
/// the whole index, so a batch of 500 users of one tenant dirtied some 500 index pages, each written
/// to the WAL again at every commit (4 KiB of WAL per user inserted), and a re-import read one page
/// per user. Domain first, they sit together: a batch touches a few pages. A key has no space, and
/// neither part has one, so the form is unambiguous and no key of the old form (with its `@`) can
/// equal one of the new while the `v3` migration rewrites them.
enum StoredUserKey {
    /// The column's text for the core's key `local@domain`.
    static func column(for key: String) -> String {
        var key = key
        return key.withUTF8 { key in
            String(unsafeUninitializedCapacity: key.count) { write(key, into: $0) }
        }
    }

    /// The core's key for the column's text (a text without a space is returned as it is).
    static func key(fromColumn column: String) -> String {
        guard let space = column.utf8.firstIndex(of: 0x20) else { return column }
        let domain = column.utf8[..<space]
        let local = column.utf8[column.utf8.index(after: space)...]
        return String(decoding: local, as: UTF8.self) + "@" + String(decoding: domain, as: UTF8.self)
    }

    /// Calls `body` with the column's bytes for `key`, built on the stack.
    static func withColumnBytes<T>(of key: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows
        -> T
    {
        var key = key
        return try key.withUTF8 { key in
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(key.count, 1)) { buffer in
                let count = write(key, into: buffer)
                return try body(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// Writes the column's bytes for the key bytes `key` into `buffer` (at least as long) and returns
    /// their count: the same count, as the `@` becomes the space. A key without an `@` (never made by
    /// the core) is copied as it is.
    static func write(_ key: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let at = key.firstIndex(of: 0x40) else {
            _ = buffer.initialize(from: key)
            return key.count
        }
        let domain = UnsafeBufferPointer(rebasing: key[(at + 1)...])
        let local = UnsafeBufferPointer(rebasing: key[..<at])
        var index = buffer.startIndex
        for byte in domain {
            buffer[index] = byte
            index += 1
        }
        buffer[index] = 0x20
        index += 1
        for byte in local {
            buffer[index] = byte
            index += 1
        }
        return key.count
    }

    /// The `v3` migration's rewrite of every stored key from `local@domain` to this form.
    static let migration = """
        UPDATE tenant_user
        SET upn_key = substr(upn_key, instr(upn_key, '@') + 1) || ' ' || substr(upn_key, 1, instr(upn_key, '@') - 1)
        WHERE instr(upn_key, '@') > 0;
        """
}
