import Foundation
import LibPQ
import PostgresTestSupport
import Testing

@Suite("libpq against a real PostgreSQL server", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct PQConnectionTests {
    @Test("A closed port and a wrong password are refused, each with libpq's reason on one line")
    func connectionErrors() throws {
        let server = try PostgresServer.require()
        let closed = #expect(throws: PQError.self) {
            try PQConnection(connectionString: "postgresql://postgres@127.0.0.1:1/postgres?connect_timeout=5")
        }
        #expect(closed?.sqlState == nil)
        #expect(closed?.description.hasPrefix("connection to server at \"127.0.0.1\", port 1 failed: Connection refused") == true)
        #expect(closed?.description.contains("\n") == false)
        let wrong = #expect(throws: PQError.self) { try PQConnection(connectionString: server.url(password: "wrong")) }
        #expect(wrong?.description.contains("password authentication failed for user \"postgres\"") == true)
    }

    @Test("Connection errors hold neither the password nor the connection string")
    func connectionErrorsKeepSecrets() throws {
        let server = try PostgresServer.require()
        let refused = #expect(throws: PQError.self) {
            try PQConnection(connectionString: "postgresql://postgres:Refused-S3cret@127.0.0.1:1/postgres")
        }
        #expect(refused?.description == "connection to server at \"127.0.0.1\", port 1 failed: Connection refused "
            + "Is the server running on that host and accepting TCP/IP connections?")
        let denied = #expect(throws: PQError.self) {
            try PQConnection(connectionString: "host=127.0.0.1 port=\(server.port) user=postgres password='Denied S3cret' sslmode=disable")
        }
        #expect(denied?.description == "connection to server at \"127.0.0.1\", port \(server.port) failed: "
            + "FATAL:  password authentication failed for user \"postgres\"")
    }

    @Test("A connection reports the options libpq uses, such as the connect timeout it was given")
    func options() throws {
        let connection = try PQConnection(connectionString: PostgresServer.require().url() + "&connect_timeout=7")
        #expect(connection.option("connect_timeout") == "7")
        #expect(connection.option("sslmode") == "disable")
        #expect(connection.option("dbname") == "postgres")
        #expect(connection.option("password") == nil)
    }

    @Test("libpq's PG* environment fills what the settings leave out")
    func environment() throws {
        let server = try PostgresServer.require()
        setenv("PGPASSWORD", PostgresServer.password, 1)
        defer { unsetenv("PGPASSWORD") }
        let connection = try PQConnection(settings: [
            ("host", "127.0.0.1"), ("port", String(server.port)), ("user", "postgres"), ("dbname", "postgres"), ("sslmode", "disable"),
        ])
        #expect(try connection.execute("SELECT current_user").rows == [["postgres"]])
    }

    @Test("A failing statement carries SQLSTATE, message, detail and the statement")
    func statementErrors() throws {
        let connection = try PQConnection(connectionString: PostgresServer.require().makeDatabase())
        let division = #expect(throws: PQError.self) { try connection.execute("SELECT 1 / 0") }
        #expect(division?.sqlState == "22012")
        #expect(division?.message == "division by zero")
        #expect(division?.statement == "SELECT 1 / 0")
        try connection.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)")
        try connection.execute("INSERT INTO t VALUES (1)")
        let duplicate = #expect(throws: PQError.self) { try connection.execute("INSERT INTO t VALUES (1)") }
        #expect(duplicate?.sqlState == "23505")
        #expect(duplicate?.detail == "Key (x)=(1) already exists.")
        #expect(duplicate?.description == #"duplicate key value violates unique constraint "t_pkey" (Key (x)=(1) already exists.), in: INSERT INTO t VALUES (1)"#)
        let missing = #expect(throws: PQError.self) { try connection.execute("SELECT nope FROM t") }
        #expect(missing?.sqlState == "42703")
    }

    @Test("Parameters carry quotes, backslashes, Unicode and NULL unchanged")
    func parameters() throws {
        let connection = try PQConnection(connectionString: PostgresServer.require().makeDatabase())
        let text = "it's \"quoted\" \\ back — Björk 🎵 Jos\u{E9}"
        let result = try connection.execute("SELECT $1::text, length($1::text), $2::text IS NULL", parameters: [text, nil])
        #expect(result.rows == [[text, String(text.count), "t"]])
    }

    @Test("COPY FROM STDIN streams rows; a bad row fails the copy and keeps nothing")
    func copy() throws {
        let connection = try PQConnection(connectionString: PostgresServer.require().makeDatabase())
        try connection.execute("CREATE TABLE t (n INTEGER, s TEXT)")
        let data = "1\ttab\\there\n2\t\\N\n3\tline\\nbreak \\\\ Björk\n"
        let copied = try connection.copy("COPY t (n, s) FROM STDIN") { writer in
            try Array(data.utf8).withUnsafeBytes { try writer.send($0) }
        }
        #expect(copied == 3)
        #expect(try connection.execute("SELECT n, s FROM t ORDER BY n").rows == [
            ["1", "tab\there"], ["2", nil], ["3", "line\nbreak \\ Björk"],
        ])
        let bad = #expect(throws: PQError.self) {
            try connection.copy("COPY t (n, s) FROM STDIN") { writer in
                try Array("4\tfine\nfive\tbad\n".utf8).withUnsafeBytes { try writer.send($0) }
            }
        }
        #expect(bad?.sqlState == "22P02")
        #expect(try connection.execute("SELECT count(*) FROM t").rows == [["3"]])
    }
}
