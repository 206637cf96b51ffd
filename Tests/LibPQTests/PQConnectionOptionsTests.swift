import Foundation
import LibPQ
import Testing

/// Connection strings as libpq reads them: described by host, port, database and user, and
/// never shown with their passwords. Nothing here connects.
@Suite("Connection strings read by libpq, described without their secrets")
struct PQConnectionOptionsTests {
    /// A connection string, the description worked out by hand from libpq's rules, and the
    /// password it holds as libpq decodes it.
    struct Form: Sendable, CustomTestStringConvertible {
        let connectionString: String
        let description: String
        let password: String?
        var testDescription: String { connectionString }
    }

    @Test("Each form libpq accepts is described as postgres://user@host:port/database, without its password", arguments: [
        Form(connectionString: "postgresql://loader:Url-S3cret@db.example.com:5432/sparkify",
             description: "postgres://loader@db.example.com:5432/sparkify", password: "Url-S3cret"),
        // No port: libpq's 5432.
        Form(connectionString: "postgres://loader@db.example.com/sparkify",
             description: "postgres://loader@db.example.com:5432/sparkify", password: nil),
        // %40 is "@", %2F "/", %3A ":".
        Form(connectionString: "postgresql://loader:P%40ss%2Fw%3Ard@db.example.com:6543/sparkify",
             description: "postgres://loader@db.example.com:6543/sparkify", password: "P@ss/w:rd"),
        Form(connectionString: "postgresql://loader@db.example.com/sparkify?password=Query-S3cret&sslmode=require",
             description: "postgres://loader@db.example.com:5432/sparkify", password: "Query-S3cret"),
        // Quoted, with \' for a quote inside.
        Form(connectionString: #"host=db.example.com port=5433 dbname=sparkify user=loader password='Quoted S3cret \'x\''"#,
             description: "postgres://loader@db.example.com:5433/sparkify", password: "Quoted S3cret 'x'"),
        // Unquoted, with "\ " for a space and "\\" for a backslash.
        Form(connectionString: #"host=db.example.com dbname=sparkify user=loader password=Back\ slash\\S3cret"#,
             description: "postgres://loader@db.example.com:5432/sparkify", password: #"Back slash\S3cret"#),
        Form(connectionString: "  host = db.example.com   port =5433 user= loader dbname =sparkify password = Spaced-S3cret  ",
             description: "postgres://loader@db.example.com:5433/sparkify", password: "Spaced-S3cret"),
        // No database: libpq takes the user's name.
        Form(connectionString: "host=db.example.com user=loader password=NoDatabase-S3cret",
             description: "postgres://loader@db.example.com:5432/loader", password: "NoDatabase-S3cret"),
        // Percent-encoded names stay encoded; an IPv6 address is bracketed.
        Form(connectionString: "postgresql://lo%40der@[2001:db8::1]:5433/spark%20ify",
             description: "postgres://lo%40der@[2001:db8::1]:5433/spark%20ify", password: nil),
        // A socket folder goes in the query, as libpq's URLs take it.
        Form(connectionString: "host=/var/run/custom port=5433 user=loader dbname=sparkify",
             description: "postgres://loader@/sparkify?host=/var/run/custom&port=5433", password: nil),
        // Several hosts, one port each; a missing port is 5432.
        Form(connectionString: "postgresql://loader@a.example.com:5433,b.example.com/sparkify",
             description: "postgres://loader@a.example.com:5433,b.example.com:5432/sparkify", password: nil),
    ])
    func describes(_ form: Form) throws {
        let options = try PQConnectionOptions(connectionString: form.connectionString)
        #expect(options.description == form.description)
        #expect(options.redacting("before \(form.connectionString) after") == "before *** after")
        if let password = form.password {
            #expect(options.value("password") == password)
            #expect(options.redacting("a \"\(password)\" b \(password)") == "a \"***\" b ***")
        }
    }

    @Test("What libpq cannot parse, or would send to a name server, fails with one line that quotes none of it", arguments: [
        ("host=db.example.com PASSWORD=Wrong-Case-S3cret", #"invalid connection option "PASSWORD" (options are lower case: password)"#),
        ("host=db.example.com Password=Wrong-Case-S3cret", #"invalid connection option "Password" (options are lower case: password)"#),
        // The space ends the value: "S3cret" is taken as the next keyword.
        ("host=db.example.com password=Two S3cret", #"missing "=" after "…" in connection info string"#),
        ("host=db.example.com password='Unterminated S3cret", "unterminated quoted string in connection info string"),
        ("postgresql://db.example.com/sparkify?password=Amp&S3cret", #"missing key/value separator "=" in URI query parameter: "…""#),
        ("postgresql://db.example.com/sparkify?passwd=Typo-S3cret", #"invalid URI query parameter: "…""#),
        ("postgresql://loader:%zzS3cret@db.example.com/sparkify", #"invalid percent-encoded token: "…""#),
        ("postgresql://loader:S3cret@[::1", #"end of string reached when looking for matching "]" in IPv6 host address in URI: "…""#),
        // libpq would take "At-S3cret@db.example.com" for the host name, "Slash" for a port.
        ("postgresql://loader:At-first@At-S3cret@db.example.com/sparkify",
         #"the connection URL has an "@" after its user name and password: write "@" as %40 and "/" as %2F in a password"#),
        ("postgresql://loader:Slash/S3cret@db.example.com/sparkify",
         #"the connection URL has an "@" after its user name and password: write "@" as %40 and "/" as %2F in a password"#),
    ])
    func refuses(connectionString: String, message: String) {
        let error = #expect(throws: PQError.self) { try PQConnectionOptions(connectionString: connectionString) }
        #expect(error?.description == message)
        #expect(error?.description.contains("S3cret") == false)
    }

    @Test("A password shorter than four characters is removed where it stands alone, not from inside words")
    func shortPasswords() throws {
        let options = try PQConnectionOptions(connectionString: "host=db.example.com password=p")
        #expect(options.redacting(#"port 1 "p" failed: p"#) == #"port 1 "***" failed: ***"#)
        let longer = try PQConnectionOptions(connectionString: "host=db.example.com password=port")
        #expect(longer.redacting("report ports") == "re*** ***s")
    }

    @Test("Settings given as keywords keep their password secret and are described the same way")
    func settings() {
        let options = PQConnectionOptions(settings: [
            ("host", "cluster.example.com"), ("port", "5439"), ("dbname", "dev"), ("user", "awsuser"), ("password", "Settings-S3cret"),
        ])
        #expect(options.description == "postgres://awsuser@cluster.example.com:5439/dev")
        #expect(options.redacting("x Settings-S3cret y") == "x *** y")
    }

    @Test("A default applies only where neither the string nor the environment sets the option",
          .enabled(if: ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil, "PGCONNECT_TIMEOUT is set here"))
    func defaults() throws {
        let given = try PQConnectionOptions(connectionString: "host=db.example.com connect_timeout=3")
        #expect(given.defaulting("connect_timeout", to: "15").value("connect_timeout") == "3")
        let unset = try PQConnectionOptions(connectionString: "host=db.example.com")
        #expect(unset.defaulting("connect_timeout", to: "15").given.last.map { "\($0.keyword)=\($0.value)" } == "connect_timeout=15")
    }
}
