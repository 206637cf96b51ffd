import CSQLite
import Core
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A warehouse in one SQLite database file: the default backend, embedded, for loading and
/// testing the whole pipeline offline.
public final class SQLiteWarehouse: Warehouse {
    /// The database file.
    public let path: LocalPath
    /// Whether opening creates the file when it does not exist.
    public let createsFile: Bool
    private var connection: SQLiteConnection?
    /// Whether opening created the file, so that closing may remove it again if it is empty.
    private var createdFile = false
    /// Guards `connection` against ``interrupt()`` from another thread.
    private let connectionLock = NSLock()

    /// A warehouse in the file at exactly `path` (a file name, never an SQLite URI), not yet
    /// opened. A load creates the file; a check needs it to exist.
    public init(path: LocalPath, createsFile: Bool = true) {
        self.path = path
        self.createsFile = createsFile
    }

    /// A warehouse in the file at the UTF-8 path `path`, not yet opened.
    public convenience init(path: String, createsFile: Bool = true) {
        self.init(path: LocalPath(path), createsFile: createsFile)
    }

    /// The dialect of SQLite.
    public var dialect: any SQLDialect { SQLiteDialect() }

    /// `PATH (sqlite)`.
    public var location: String { "\(path) (sqlite)" }

    /// Opens the file and sets it up for bulk loading: rollback journal, large page cache.
    public func open() throws {
        guard connection == nil else { return }
        let fileExists = path.withCString { access($0, F_OK) } == 0
        guard createsFile || fileExists else { throw SQLiteWarehouseError.noDatabase(path.description) }
        let connection: SQLiteConnection
        do {
            connection = try SQLiteConnection(path: path, create: createsFile)
            // The first read of the schema tells a file that is not a database.
            try connection.execute("PRAGMA schema_version")
            for pragma in Self.loadingPragmas {
                try connection.execute(pragma)
            }
        } catch {
            throw SQLiteWarehouseError.cannotOpen(path.description, fileExists ? error.message : whyNotCreated() ?? error.message)
        }
        connectionLock.withLock { self.connection = connection }
        createdFile = !fileExists
    }

    /// Closes the file; an open transaction is rolled back. A file this warehouse created and
    /// that holds no table (the first load failed) is removed, leaving things as they were.
    public func close() {
        let removesFile = createdFile && (try? connection?.query("SELECT count(*) FROM sqlite_master")) == [[.integer(0)]]
        connectionLock.withLock { connection = nil }
        createdFile = false
        if removesFile {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                _ = LocalPath(bytes: path.bytes + Array(suffix.utf8)).withCString { unlink($0) }
            }
        }
    }

    /// Why the file cannot be created, in the system's words, when its folder says so: SQLite
    /// itself reports a folder that is read-only as "No such file or directory".
    private func whyNotCreated() -> String? {
        let folder = path.parent
        guard folder.status() != nil else { return "no such folder \(folder)" }
        guard folder.withCString({ access($0, W_OK | X_OK) }) == 0 else {
            return "cannot create a file in \(folder) (\(String(cString: strerror(errno))))"
        }
        return nil
    }

    /// Interrupts the statement running on the connection, if any.
    public func interrupt() {
        connectionLock.withLock { connection?.interrupt() }
    }

    /// Runs one statement.
    @discardableResult
    public func execute(_ sql: String) throws -> Int {
        try openConnection().execute(sql)
    }

    /// Runs a query.
    public func query(_ sql: String) throws -> [[SQLValue]] {
        try openConnection().query(sql)
    }

    /// `BEGIN IMMEDIATE`: the load takes the write lock at once (waiting up to the busy
    /// timeout for another writer), rather than failing half-way.
    public func beginTransaction() throws {
        try openConnection().execute("BEGIN IMMEDIATE")
    }

    /// `COMMIT`.
    public func commitTransaction() throws {
        try openConnection().execute("COMMIT")
    }

    /// `ROLLBACK`, when a transaction is still open: SQLite may have rolled it back itself,
    /// as it does on a full disk.
    public func rollBackTransaction() {
        guard let connection, connection.isInTransaction else { return }
        _ = try? connection.execute("ROLLBACK")
    }

    /// The tables in `sqlite_master`, with their columns.
    public func existingColumns() throws -> [String: Set<String>] {
        try columnsByTable("SELECT t.name, c.name FROM sqlite_master AS t, pragma_table_info(t.name) AS c WHERE t.type = 'table'")
    }

    /// The open connection, opening it first if needed.
    func openConnection() throws -> SQLiteConnection {
        try open()
        return connection!
    }

    /// Settings for a bulk load that keep the all-or-nothing transaction. A rollback journal,
    /// not a write-ahead log: pages appended at the end of the file need no journal entry, and
    /// only pages that held data when the load began are copied to it, where a WAL would write
    /// every page twice. `synchronous = FULL` makes each commit durable.
    /// A new database gets 16 KiB pages, which make the load's B-trees shallower and its inserts
    /// cheaper than with SQLite's default 4 KiB; an existing one keeps its pages.
    private static let loadingPragmas = [
        "PRAGMA page_size = 16384",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA synchronous = FULL",
        "PRAGMA busy_timeout = 5000",
        "PRAGMA cache_size = -65536",
        "PRAGMA secure_delete = OFF",
    ]
}

/// Why a SQLite warehouse could not be opened.
public enum SQLiteWarehouseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist, and the job does not create one.
    case noDatabase(String)
    /// SQLite could not open the file.
    case cannotOpen(String, String)

    /// One line naming the file and the reason.
    public var description: String {
        switch self {
        case .noDatabase(let path): "\(path): no such database; load data first, or run `sparkify-load create-tables`"
        case .cannotOpen(let path, let reason): "cannot open database \(path): \(reason)"
        }
    }
}
