import Core
import Foundation
import LibPQ
import PostgresFamily
import PostgresTestSupport
import Testing
import WarehouseConformance

/// `sparkify-load --backend postgres` as users run it: every form of connection string libpq
/// accepts names the target by user, host, port and database, and no password reaches the
/// output; connecting never hangs; a killed load costs the next one no songplay ids.
@Suite("sparkify-load --backend postgres: its target, its secrets, its timeouts",
       .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct PostgresTargetTests {
    let folder = TemporaryFolder()
    let samples = SparkifyLoadCommand.samples

    /// One way of writing the same target: a connection string (`nil` for no `--dsn`) and
    /// environment for `host`, `port`, role and database, and the password as libpq decodes
    /// it together with how the string spells it.
    struct Form: Sendable, CustomTestStringConvertible {
        let name: String
        let password: String
        let spelled: String
        let connectionString: @Sendable (_ host: String, _ port: Int, _ role: String, _ database: String) -> String?
        let environment: @Sendable (_ host: String, _ port: Int, _ role: String, _ database: String) -> [String: String]
        var testDescription: String { name }

        init(_ name: String, password: String, spelled: String? = nil,
             _ connectionString: @escaping @Sendable (String, Int, String, String) -> String?,
             environment: @escaping @Sendable (String, Int, String, String) -> [String: String] = { _, _, _, _ in [:] }) {
            self.name = name
            self.password = password
            self.spelled = spelled ?? password
            self.connectionString = connectionString
            self.environment = environment
        }

        /// `sparkify-load` arguments for this form, after `command`.
        func arguments(_ command: [String], host: String, port: Int, role: String, database: String) -> [String] {
            command + ["--backend", "postgres"] + (connectionString(host, port, role, database).map { ["--dsn", $0] } ?? [])
        }
    }

    static let forms: [Form] = [
        Form("URL with a password", password: "Url-S3cret-1") { "postgresql://\($2):Url-S3cret-1@\($0):\($1)/\($3)?sslmode=disable" },
        Form("URL with a percent-encoded password", password: "Pct@S3cret/2:?", spelled: "Pct%40S3cret%2F2%3A%3F") {
            "postgresql://\($2):Pct%40S3cret%2F2%3A%3F@\($0):\($1)/\($3)?sslmode=disable"
        },
        Form("URL with password= in its query", password: "Query-S3cret-3") {
            "postgresql://\($2)@\($0):\($1)/\($3)?sslmode=disable&password=Query-S3cret-3"
        },
        Form("URL without a password, PGPASSWORD set", password: "Env-S3cret-4", { "postgresql://\($2)@\($0):\($1)/\($3)?sslmode=disable" },
             environment: { _, _, _, _ in ["PGPASSWORD": "Env-S3cret-4"] }),
        Form("key=value with a quoted password", password: "Quoted S3cret '5'", spelled: #"'Quoted S3cret \'5\''"#) {
            #"host=\#($0) port=\#($1) dbname=\#($3) user=\#($2) sslmode=disable password='Quoted S3cret \'5\''"#
        },
        Form("key=value with backslash escapes", password: #"Back slash\S3cret-6"#, spelled: #"Back\ slash\\S3cret-6"#) {
            #"host=\#($0) port=\#($1) dbname=\#($3) user=\#($2) sslmode=disable password=Back\ slash\\S3cret-6"#
        },
        Form("key=value with spaces around =", password: "Spaced-S3cret-7") {
            "  host = \($0)  port= \($1) dbname =\($3) user = \($2) sslmode = disable password = Spaced-S3cret-7 "
        },
        Form("key=value without a password, PGPASSWORD set", password: "Env-S3cret-8",
             { "host=\($0) port=\($1) dbname=\($3) user=\($2) sslmode=disable" },
             environment: { _, _, _, _ in ["PGPASSWORD": "Env-S3cret-8"] }),
        Form("no --dsn, everything from PG* variables", password: "Env-S3cret-9", { _, _, _, _ in nil }, environment: { host, port, role, database in
            ["PGHOST": host, "PGPORT": String(port), "PGUSER": role, "PGDATABASE": database, "PGPASSWORD": "Env-S3cret-9", "PGSSLMODE": "disable"]
        }),
    ]

    /// A new role that logs in with `password` and owns a new, empty database.
    func makeRole(password: String) throws -> (role: String, database: String) {
        let server = try PostgresServer.require()
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let role = "loader_\(suffix)", database = "sparkify_\(suffix)"
        let admin = try PQConnection(connectionString: server.url())
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password.replacingOccurrences(of: "'", with: "''"))'")
        try admin.execute("CREATE DATABASE \(database) OWNER \(role) TEMPLATE template0 ENCODING 'UTF8'")
        return (role, database)
    }

    func run(_ arguments: [String], environment: [String: String] = [:], timeLimit: Duration = .seconds(120)) throws -> CommandResult {
        try SparkifyLoadCommand.run(arguments, in: folder.path, environment: environment, timeLimit: timeLimit)
    }

    @Test("A load and a check name the target as postgres://role@host:port/database; no password is printed", arguments: forms)
    func describesTarget(_ form: Form) throws {
        let server = try PostgresServer.require()
        let (role, database) = try makeRole(password: form.password)
        let location = "postgres://\(role)@127.0.0.1:\(server.port)/\(database) (postgres)"
        let environment = form.environment("127.0.0.1", server.port, role, database)
        let loaded = try run(form.arguments([samples], host: "127.0.0.1", port: server.port, role: role, database: database), environment: environment)
        #expect(loaded.status == 0 && loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.output.hasPrefix("Loaded \(samples) into \(location) in "), "\(loaded.output)")
        let checked = try run(form.arguments(["check"], host: "127.0.0.1", port: server.port, role: role, database: database), environment: environment)
        #expect(checked.status == 0)
        #expect(checked.output.hasPrefix("Checked \(location):\n"), "\(checked.output)")
        for printed in [loaded.output, loaded.errors, checked.output, checked.errors] {
            #expect(!printed.contains(form.password) && !printed.contains(form.spelled))
        }
    }

    @Test("A closed port is one line naming the target, without the password", arguments: forms)
    func closedPort(_ form: Form) throws {
        let result = try run(form.arguments(["check"], host: "127.0.0.1", port: 1, role: "loader", database: "sparkify"),
                             environment: form.environment("127.0.0.1", 1, "loader", "sparkify"))
        #expect(result.status == 1)
        #expect(result.errorLines == [
            #"error: cannot connect to postgres://loader@127.0.0.1:1/sparkify (postgres): connection to server at "127.0.0.1", port 1 failed: "#
                + "Connection refused Is the server running on that host and accepting TCP/IP connections?",
        ])
        #expect(!(result.output + result.errors).contains(form.password) && !(result.output + result.errors).contains(form.spelled))
    }

    /// Whether this machine runs a process in a network namespace of its own, with no way out:
    /// where a host name can be looked up without a query leaving the machine.
    static let isolatesNetwork: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["--net", "--", "/bin/true"]
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    @Test("A host name that does not resolve is one line naming the target, without the password (looked up in a network namespace of its own)",
          .enabled(if: isolatesNetwork, "`unshare --net` is not available: the look-up would leave the machine"), arguments: forms)
    func unresolvableHost(_ form: Form) throws {
        let process = SparkifyLoadCommand.process(
            form.arguments(["check"], host: "nonexistent.invalid", port: 5432, role: "loader", database: "sparkify"),
            in: folder.path, environment: form.environment("nonexistent.invalid", 5432, "loader", "sparkify"))
        process.arguments = ["--net", "--", process.executableURL!.path] + process.arguments!
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        let result = try SparkifyLoadCommand.run(process, timeLimit: .seconds(60))
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1)
        #expect(result.errorLines.first?.hasPrefix(
            #"error: cannot connect to postgres://loader@nonexistent.invalid:5432/sparkify (postgres): could not translate host name "nonexistent.invalid" to address: "#
        ) == true, "\(result.errors)")
        #expect(!(result.output + result.errors).contains(form.password) && !(result.output + result.errors).contains(form.spelled))
    }

    @Test("A connection string libpq cannot use is one line that quotes none of it, before any connection", arguments: [
        ("host=127.0.0.1 user=loader PASSWORD=Wrong-Case-S3cret",
         #"error: cannot connect to an invalid connection string (postgres): invalid connection option "PASSWORD" (options are lower case: password)"#),
        ("host=127.0.0.1 user=loader password=Two S3cret",
         #"error: cannot connect to an invalid connection string (postgres): missing "=" after "…" in connection info string"#),
        ("postgresql://loader:At-first@At-S3cret@127.0.0.1/sparkify",
         #"error: cannot connect to an invalid connection string (postgres): the connection URL has an "@" after its user name and password: write "@" as %40 and "/" as %2F in a password"#),
    ])
    func invalidConnectionString(connectionString: String, message: String) throws {
        let result = try run(["check", "--backend", "postgres", "--dsn", connectionString])
        #expect(result.status == 1)
        #expect(result.errorLines == [message])
        #expect(!(result.output + result.errors).contains("S3cret"))
    }

    @Test("A server that never answers fails the connection after PGCONNECT_TIMEOUT, or the connection string's connect_timeout, which wins",
          arguments: [
              (["PGCONNECT_TIMEOUT": "2"], ""),
              (["PGCONNECT_TIMEOUT": "60"], "?connect_timeout=2"),
          ])
    func timeout(environment: [String: String], query: String) throws {
        let server = try SilentServer()
        let clock = ContinuousClock(), start = clock.now
        let result = try run(["check", "--backend", "postgres", "--dsn", "postgresql://loader:Timeout-S3cret@127.0.0.1:\(server.port)/sparkify\(query)"],
                             environment: environment, timeLimit: .seconds(30))
        let elapsed = clock.now - start
        #expect(result.status == 1)
        #expect(result.errorLines == [
            "error: cannot connect to postgres://loader@127.0.0.1:\(server.port)/sparkify (postgres): "
                + "connection to server at \"127.0.0.1\", port \(server.port) failed: timeout expired (no answer within connect_timeout = 2 s)",
        ])
        #expect(elapsed >= .milliseconds(1900) && elapsed < .seconds(10), "\(elapsed)")
    }

    @Test("A load killed after inserting songplays leaves none, and the next load numbers as if it had never run")
    func killedLoad() throws {
        let url = try PostgresServer.require().makeDatabase()
        // 2018-11-01 holds the plays SampleTables numbers 1…7, 2018-11-02 those numbered 8…12.
        func samples(days: [String]) -> TemporaryFolder {
            let subset = TemporaryFolder()
            subset.copyContents(of: self.samples)
            for day in ["01", "02", "03"] where !days.contains(day) {
                try! FileManager.default.removeItem(atPath: subset.path + "/log_data/2018/11/2018-11-\(day)-events.json")
            }
            return subset
        }
        let firstDay = samples(days: ["01"]), twoDays = samples(days: ["01", "02"])
        #expect(try run(["--backend", "postgres", "--dsn", url, firstDay.path]).status == 0)

        // Another session holds users, which the load writes after songplays and songplay_keys.
        let blocker = try PQConnection(connectionString: url)
        try blocker.execute("BEGIN")
        try blocker.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
        let load = SparkifyLoadCommand.process(["--backend", "postgres", "--dsn", url, twoDays.path], in: folder.path)
        load.standardOutput = FileHandle.nullDevice
        load.standardError = FileHandle.nullDevice
        try load.run()
        let watcher = try PQConnection(connectionString: url)
        let waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        let clock = ContinuousClock(), start = clock.now
        while try watcher.execute(waiting).rows != [["1"]], clock.now - start < .seconds(60) {
            Thread.sleep(forTimeInterval: 0.02)
        }
        kill(load.processIdentifier, SIGKILL)
        load.waitUntilExit()
        #expect(load.terminationReason == .uncaughtSignal)
        try blocker.execute("ROLLBACK")

        let all = try run(["--backend", "postgres", "--dsn", url, self.samples])
        #expect(all.status == 0, "\(all.errors)")
        try watcher.execute("SET datestyle TO ISO")
        let songplays = try watcher.execute("""
            SELECT songplay_id, start_time, user_id, level, song_id, artist_id, session_id, location, user_agent
            FROM songplays ORDER BY songplay_id
            """)
        #expect(songplays.values == SampleTables.songplays)
    }
}
