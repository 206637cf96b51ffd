import Foundation
import LibPQ
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for the tests: `initdb` and `pg_ctl` into a temporary folder,
/// listening on 127.0.0.1 at a free port, with password authentication over TCP. As root it
/// runs as the `postgres` user (initdb refuses root). It starts once per test process and
/// stops when the process exits.
public final class PostgresServer: Sendable {
    /// The superuser's password.
    public static let password = "sparkify-test-password"

    /// The server, started on first use; or why there is none.
    public static let shared: Result<PostgresServer, any Error> = Result { try PostgresServer() }

    /// Whether tests that need the server run: when PostgreSQL's binaries are installed, or
    /// when `SPARKIFY_REQUIRE_POSTGRES` is set (as in CI), so that a missing server fails them.
    public static var isEnabled: Bool {
        ProcessInfo.processInfo.environment["SPARKIFY_REQUIRE_POSTGRES"] != nil || binaries != nil
    }

    /// Why server tests are skipped here.
    public static let skipReason: Comment = "PostgreSQL's initdb, pg_ctl and postgres are not installed (looked in $PG_BIN, pg_config --bindir and PATH)"

    /// The port it listens on.
    public let port: Int
    private let folder: String
    private let bin: String
    private let runAsPostgres: Bool
    private let databases = Counter()

    /// The server, for a test: fails the test with the reason when it could not start.
    public static func require() throws -> PostgresServer {
        try shared.get()
    }

    /// A `postgresql://` URL of `database` on this server, for the superuser.
    public func url(database: String = "postgres", password: String = PostgresServer.password) -> String {
        "postgresql://postgres:\(password)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// A new, empty database; returns its URL.
    public func makeDatabase() throws -> String {
        let name = "sparkify_\(ProcessInfo.processInfo.processIdentifier)_\(databases.next())"
        try PQConnection(connectionString: url()).execute("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")
        return url(database: name)
    }

    private init() throws {
        guard let bin = Self.binaries else { throw PostgresServerError(Self.skipReason.rawValue) }
        self.bin = bin
        runAsPostgres = geteuid() == 0
        folder = NSTemporaryDirectory() + "sparkify-postgres-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let passwordFile = folder + "/password"
        try Self.password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        if runAsPostgres {
            guard let user = getpwnam("postgres") else { throw PostgresServerError("running as root, but there is no postgres user") }
            for path in [folder, passwordFile] { chown(path, user.pointee.pw_uid, user.pointee.pw_gid) }
        }
        port = try Self.freePort()
        try run("initdb", "-D", folder + "/data", "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--no-sync")
        let options = "-c port=\(port) -c listen_addresses=127.0.0.1 -c unix_socket_directories=\(folder) "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        try run("pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-o", options, "-w", "start")
        Self.running = (bin, folder, runAsPostgres)
        atexit { PostgresServer.stopRunning() }
    }

    nonisolated(unsafe) private static var running: (bin: String, folder: String, asPostgres: Bool)?

    private static func stopRunning() {
        guard let running else { return }
        _ = try? launch(running.bin + "/pg_ctl", ["-D", running.folder + "/data", "-m", "immediate", "-w", "stop"],
                        asPostgres: running.asPostgres)
        try? FileManager.default.removeItem(atPath: running.folder)
    }

    private func run(_ tool: String, _ arguments: String...) throws {
        let (status, output) = try Self.launch(bin + "/" + tool, arguments, asPostgres: runAsPostgres)
        guard status == 0 else {
            let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            throw PostgresServerError("\(tool) failed (\(status)): \(output) \(log)")
        }
    }

    /// Runs `executable` and returns its status and output. It uses `posix_spawn` and
    /// `waitpid`, not Foundation's `Process`, whose run-loop wait can deadlock inside a lazy
    /// static initializer; the output goes through a file, not a pipe, because the server
    /// `pg_ctl` starts inherits the descriptors and would hold a pipe open for ever.
    private static func launch(_ executable: String, _ arguments: [String], asPostgres: Bool) throws -> (Int32, String) {
        let command = asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--", executable] + arguments : [executable] + arguments
        let outputPath = NSTemporaryDirectory() + "sparkify-launch-" + UUID().uuidString
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw PostgresServerError("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    /// The folder holding `initdb`, `pg_ctl` and `postgres`: `$PG_BIN`, `pg_config --bindir`, or PATH.
    static let binaries: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [environment["PG_BIN"]].compactMap { $0 }
        if let output = try? launch("/usr/bin/env", ["pg_config", "--bindir"], asPostgres: false), output.0 == 0 {
            candidates.append(output.1.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        candidates += (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return candidates.first { folder in
            ["initdb", "pg_ctl", "postgres"].allSatisfy { FileManager.default.isExecutableFile(atPath: folder + "/" + $0) }
        }
    }()

    /// A TCP port nothing listens on now.
    private static func freePort() throws -> Int {
        try SilentServer().port
    }
}

/// Why the test server could not start.
public struct PostgresServerError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A thread-safe counter.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
