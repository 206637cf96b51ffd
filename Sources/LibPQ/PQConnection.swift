import CLibPQ
import Foundation

/// One connection to a PostgreSQL-protocol server (PostgreSQL, Redshift) through libpq,
/// closed when released. Settings not given are taken by libpq from its `PG*` environment
/// variables and service files, as users expect. No error it throws holds a password or the
/// connection string.
public final class PQConnection {
    private let handle: OpaquePointer
    private let options: PQConnectionOptions
    /// What ``cancel()`` needs, made while connecting, so that another thread can use it.
    private let cancelHandle: OpaquePointer?

    /// Connects with `options`, exactly as given (a `dbname` is a database name, never expanded
    /// as a connection string).
    public init(options: PQConnectionOptions) throws(PQError) {
        let keywords = options.given.map { strdup($0.keyword) } + [nil]
        let values = options.given.map { strdup($0.value) } + [nil]
        defer { (keywords + values).forEach { free($0) } }
        let connection = keywords.withUnsafeBufferPointer { keywords in
            values.withUnsafeBufferPointer { values in
                PQconnectdbParams(
                    UnsafeRawPointer(keywords.baseAddress!).assumingMemoryBound(to: UnsafePointer<CChar>?.self),
                    UnsafeRawPointer(values.baseAddress!).assumingMemoryBound(to: UnsafePointer<CChar>?.self),
                    0
                )
            }
        }
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            var error = PQError(connection: connection)
            if let connection, error.message.contains("timeout expired"), let timeout = Self.option("connect_timeout", of: connection) {
                error = PQError(message: error.message + " (no answer within connect_timeout = \(timeout) s)")
            }
            PQfinish(connection)
            throw error.redacted(by: options)
        }
        handle = connection
        self.options = options
        cancelHandle = PQgetCancel(connection)
        // Notices ("table does not exist, skipping") are not errors; keep them off stderr.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        if PQsetClientEncoding(handle, "UTF8") != 0 {
            throw PQError(connection: handle).redacted(by: options)
        }
    }

    /// Connects with `settings`, libpq keywords such as `host`, `port`, `dbname`, `user`,
    /// `password`, `sslmode`.
    public convenience init(settings: [(String, String)]) throws(PQError) {
        try self.init(options: PQConnectionOptions(settings: settings))
    }

    /// Connects with a connection string: a `postgresql://` URL or `key=value` pairs; empty
    /// for libpq's defaults and environment.
    public convenience init(connectionString: String) throws(PQError) {
        try self.init(options: PQConnectionOptions(connectionString: connectionString))
    }

    /// The value the connection uses for the libpq option `keyword` (as `PQconninfo` reports
    /// it), such as `connect_timeout`; `nil` when unset, and for a password.
    public func option(_ keyword: String) -> String? {
        Self.option(keyword, of: handle)
    }

    /// The value `connection` uses for `keyword`, unless it is a secret.
    private static func option(_ keyword: String, of connection: OpaquePointer) -> String? {
        guard let options = PQconninfo(connection) else { return nil }
        defer { PQconninfoFree(options) }
        return PQConnectionOptions.entries(of: options).first { $0.keyword == keyword && !$0.isSecret }?.value
    }

    deinit {
        PQfreeCancel(cancelHandle)
        PQfinish(handle)
    }

    /// Asks the server to cancel the statement running on this connection, which then fails;
    /// safe from another thread while the connection is open.
    public func cancel() {
        guard let cancelHandle else { return }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancelHandle, &message, Int32(message.count))
    }

    /// Runs one statement with text parameters (`$1`, `$2`, …; `nil` is NULL) and returns its
    /// result.
    @discardableResult
    public func execute(_ sql: String, parameters: [String?] = []) throws(PQError) -> PQResult {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let result = copies.withUnsafeBufferPointer { values in
            values.withMemoryRebound(to: UnsafePointer<CChar>?.self) { values in
                PQexecParams(handle, sql, Int32(parameters.count), nil, values.baseAddress, nil, nil, 0)
            }
        }
        do {
            return try PQResult(result, connection: handle, statement: sql)
        } catch {
            throw error.redacted(by: options)
        }
    }

    /// Runs `COPY … FROM STDIN`: `body` sends the data through the writer it is given. Returns
    /// the number of rows copied. An error in `body` aborts the copy and is rethrown.
    @discardableResult
    public func copy(_ sql: String, _ body: (PQCopyWriter) throws -> Void) throws -> Int {
        do {
            return try copyData(sql, body)
        } catch let error as PQError {
            throw error.redacted(by: options)
        }
    }

    /// ``copy(_:_:)`` before its errors are redacted.
    private func copyData(_ sql: String, _ body: (PQCopyWriter) throws -> Void) throws -> Int {
        let start = PQexec(handle, sql)
        defer { PQclear(start) }
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            throw start.map { PQError(result: $0, statement: sql) } ?? PQError(connection: handle, statement: sql)
        }
        let writer = PQCopyWriter(connection: handle, statement: sql)
        do {
            try body(writer)
        } catch {
            PQputCopyEnd(handle, "aborted by the client")
            while let result = PQgetResult(handle) { PQclear(result) }
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw PQError(connection: handle, statement: sql) }
        var copied = 0
        var failure: PQError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                copied = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if failure == nil {
                failure = PQError(result: result, statement: sql)
            }
            PQclear(result)
        }
        if let failure { throw failure }
        return copied
    }
}

/// Sends the data of a `COPY … FROM STDIN`.
public final class PQCopyWriter {
    private let connection: OpaquePointer
    private let statement: String

    init(connection: OpaquePointer, statement: String) {
        self.connection = connection
        self.statement = statement
    }

    /// Sends `bytes`, in COPY's format, as they are.
    public func send(_ bytes: UnsafeRawBufferPointer) throws(PQError) {
        guard !bytes.isEmpty else { return }
        let sent = PQputCopyData(connection, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        guard sent == 1 else { throw PQError(connection: connection, statement: statement) }
    }
}
