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

    init(_ text: String?) { self = text.map(RawValue.text) ?? .null }
    init(_ flag: Bool) { self = .integer(flag ? 1 : 0) }
}
