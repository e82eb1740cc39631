import GRDB
import GRDBSQLite

/// A cached GRDB statement driven through the SQLite C API, for the loops a batch import runs a
/// million times.
///
/// GRDB's `Row.fetchOne` builds a lower-cased column-name dictionary for every row it returns; in a
/// profile of the batch import that cost more than SQLite's own `sqlite3_step` for the same look-up.
/// Binding and reading columns by index costs nothing of the kind.
/// Only statements made for this use are driven so; each is reset after use, so it never holds a read
/// lock or a stale binding for GRDB.
struct RawStatement {
    private let handle: OpaquePointer
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// SQLite copies bound text at once (`SQLITE_TRANSIENT`), so Swift strings need not outlive it.
    private static let transient = unsafeBitCast(
        OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds `values` (text, integer, Boolean or `nil`) to the parameters 1, 2, … in order.
    func bind(_ values: [RawValue]) {
        sqlite3_reset(handle)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .text(let text): sqlite3_bind_text(handle, position, text, -1, Self.transient)
            case .integer(let integer): sqlite3_bind_int64(handle, position, integer)
            case .null: sqlite3_bind_null(handle, position)
            }
        }
    }

    /// Runs the statement to its first row: `true` when there is one (read it with the column
    /// accessors, then call ``reset()``), `false` when there is none.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows (an insert or update), then resets it.
    func execute() throws {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    func reset() { sqlite3_reset(handle) }

    /// Binds `count` bytes of UTF-8 at `bytes` to parameter `position` without copying them
    /// (`SQLITE_STATIC`): the bytes must stay put until ``clearBindings()`` (or the next bind of that
    /// parameter). A `nil` pointer binds NULL.
    func bindText(_ position: Int32, _ bytes: UnsafeRawPointer?, count: Int) {
        if let bytes {
            sqlite3_bind_text(handle, position, bytes.assumingMemoryBound(to: CChar.self), Int32(count), nil)
        } else {
            sqlite3_bind_null(handle, position)
        }
    }

    /// Binds `count` bytes at `bytes` as a blob, without copying them (see ``bindText(_:_:count:)``).
    func bindBlob(_ position: Int32, _ bytes: UnsafeRawPointer, count: Int) {
        sqlite3_bind_blob(handle, position, bytes, Int32(count), nil)
    }

    func bindInteger(_ position: Int32, _ value: Int64?) {
        if let value {
            sqlite3_bind_int64(handle, position, value)
        } else {
            sqlite3_bind_null(handle, position)
        }
    }

    /// Forgets every binding, so no parameter points at bytes that are about to go.
    func clearBindings() { sqlite3_clear_bindings(handle) }

    /// The blob in `column` (valid until the next step or reset), `nil` for NULL.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard let bytes = sqlite3_column_blob(handle, column) else { return nil }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: text)
    }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
}

/// A value to bind to a raw statement.
enum RawValue {
    case text(String)
    case integer(Int64)
    case null

}
