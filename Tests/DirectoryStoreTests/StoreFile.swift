import Foundation

/// The raw bytes of a store: its database file and its WAL, where a fresh commit sits.
enum StoreFile {
    static func bytes(at path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            bytes += try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        }
        return bytes
    }

    /// Whether `text`'s UTF-8 bytes occur anywhere in `bytes`.
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, Array(bytes[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
