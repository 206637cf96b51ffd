import Foundation
import Testing
import WarehouseConformance
#if canImport(Glibc)
import Glibc
#endif

/// What a hostile or careless user can throw at the command line: names and values that try
/// to forge output, names that are not UTF-8, limits and signals. Each gets one clear line,
/// the right exit status, and a warehouse loaded exactly or left as it was.
@Suite("sparkify-load against hostile input and faults")
struct HostileInputTests {
    let folder = TemporaryFolder()
    let samples = SparkifyLoadCommand.samples

    func run(_ arguments: String...) throws -> CommandResult {
        try SparkifyLoadCommand.run(arguments, in: folder.path)
    }

    /// Runs `script` with `sh -c` in the test folder, `$0` being the built tool, so that
    /// arguments can hold bytes that are not UTF-8 and limits can be set.
    func shell(_ script: String) throws -> CommandResult {
        try SparkifyLoadCommand.run(["-c", script, SparkifyLoadCommand.executable.path], in: folder.path, executable: "/bin/sh")
    }

    @Test("Control characters in data and names are escaped: no forged line, no terminal escape")
    func controlCharacters() throws {
        folder.copyContents(of: samples, to: "data")
        folder.write("data/log_data/evil.json", #"{"userId":"1\nerror: everything is fine\u001b[2J","page":"NextSong"}"# + "\n")
        let result = try run("data")
        #expect(result.status == 65)
        #expect(result.errorLines == [
            #"data/log_data/evil.json:1: "userId": "1\nerror: everything is fine\u{1B}[2J" is not a user id (a whole number, or "" when signed out)"#,
            "error: staging_events: 1 record rejected, more than the 0 allowed (--max-errors); nothing was loaded",
        ])
        #expect(!result.errors.utf8.contains(0x1B))
    }

    @Test("A folder name cannot end a comment of the dry run and become a statement")
    func dryRunComments() throws {
        let name = "x\nDROP TABLE users;\n--"
        folder.copyContents(of: samples, to: name)
        let result = try run("--dry-run", name)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.filter { $0.contains("DROP TABLE users") }.allSatisfy { $0.hasPrefix("-- ") })
        #expect(lines.contains { $0.contains(#"x\nDROP TABLE users;\n--/song_data"#) })
    }

    @Test("Files, folders and databases whose names are not UTF-8 load, and messages show them escaped")
    func namesThatAreNotUTF8() throws {
        folder.copyContents(of: samples, to: "data")
        let loaded = try shell(#"""
            mv data/song_data/A "data/song_data/A$(printf '\377')" &&
            mv data/log_data/2018/11/2018-11-01-events.json "data/log_data/2018/11/$(printf '\376')-events.json" &&
            mv data "da$(printf '\375')ta" &&
            exec "$0" --database "db$(printf '\377').db" "da$(printf '\375')ta"
            """#)
        #expect(loaded.status == 0, "\(loaded.errors)")
        #expect(loaded.output.hasPrefix(#"Loaded da\xFDta into db\xFF.db (sqlite)"#))
        // The database is the file of exactly those bytes, and it holds every sample play.
        let files = try shell(#"test -f "db$(printf '\377').db" && test ! -e "db$(printf '\357\277\275').db""#)
        #expect(files.status == 0)
        let checked = try shell(#"exec "$0" check --database "db$(printf '\377').db""#)
        #expect(checked.status == 0 && checked.output.contains("ok    songplays: has rows (15 rows)"))
        let missing = try shell(#"exec "$0" "no$(printf '\377')where""#)
        #expect(missing.status == 66)
        #expect(missing.errorLines == [#"error: no\xFFwhere: no such folder"#])
    }

    @Test("check names a database without a star schema and says what to run")
    func checkWithoutStar() throws {
        let empty = folder.path + "/empty.db"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let result = try run("check", "--database", "empty.db")
        #expect(result.status == 1)
        #expect(result.errorLines == [
            "error: empty.db (sqlite) holds no star schema (no songplays, users, songs, artists, time): load data into it with "
                + "`sparkify-load SOURCE_DIR`, or create empty tables with `sparkify-load create-tables`",
        ])
    }

    @Test("A database in a folder the user cannot write is reported as such, not as a missing file")
    func readOnlyFolder() throws {
        folder.write("locked/.keep", "")
        folder.copyContents(of: samples, to: "data")
        let locked = folder.path + "/locked"
        #expect(chmod(locked, 0o555) == 0 && chmod(folder.path, 0o755) == 0)
        // Root may write anywhere: run as nobody then, as a user without the right would, from
        // a copy of the binary in this folder (the clone's own folder may be root's alone).
        let command: String
        if geteuid() == 0 {
            try FileManager.default.copyItem(atPath: SparkifyLoadCommand.executable.path, toPath: folder.path + "/sparkify-load")
            command = "exec runuser -u nobody -- ./sparkify-load"
        } else {
            command = #"exec "$0""#
        }
        let result = try shell(command + " --database locked/x.db data")
        #expect(result.status == 1)
        #expect(result.errorLines == ["error: cannot open database locked/x.db: cannot create a file in locked (Permission denied)"])
    }

    @Test("A descriptor that is a folder, a named pipe or a broken link is named with the reason")
    func descriptorsThatAreNoFiles() throws {
        folder.copyContents(of: samples, to: "data")
        let descriptor = "data/log_json_path.json"
        try FileManager.default.removeItem(atPath: folder.path + "/" + descriptor)
        let cases = [
            (#"mkdir "\#(descriptor)""#, "a folder, not a file"),
            (#"mkfifo "\#(descriptor)""#, "a named pipe (FIFO), not a file"),
            (#"ln -s nowhere.json "\#(descriptor)""#, "a symbolic link to nothing (No such file or directory)"),
        ]
        for (make, reason) in cases {
            let result = try shell(make + #" && "$0" --database d.db data; status=$?; rm -rf "\#(descriptor)"; exit $status"#)
            #expect(result.status == 1)
            #expect(result.errorLines == ["error: \(descriptor): cannot read: \(reason)"])
        }
        folder.write("data/log_data/pipe.json", "")
        try FileManager.default.removeItem(atPath: folder.path + "/data/log_data/pipe.json")
        let pipe = try shell(#"mkfifo data/log_data/pipe.json && exec "$0" --database d.db data"#)
        #expect(pipe.errorLines == ["error: data/log_data/pipe.json: cannot read: a named pipe (FIFO), not a file"])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/d.db"))
    }

    @Test("A database that would grow past `ulimit -f` fails with one line and leaves no file")
    func fileSizeLimit() throws {
        folder.copyContents(of: samples, to: "data")
        folder.write("data/log_data/big.json", Self.events(count: 20_000))
        let result = try shell(#"ulimit -f 200 && exec "$0" --database limited.db data"#)
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1 && result.errorLines[0].hasPrefix("error: "), "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("limited.db") }.isEmpty)
    }

    @Test("SIGINT or SIGTERM mid-load rolls back: a new file is removed, an existing one is left as it was", arguments: [SIGINT, SIGTERM])
    func signals(signal: Int32) throws {
        folder.copyContents(of: samples, to: "data")
        folder.write("data/log_data/big.json", Self.events(count: 400_000))

        let fresh = try interrupted(["--database", "fresh.db", "data"], by: signal, when: "fresh.db")
        #expect(fresh.status == 128 + signal)
        let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
        #expect(fresh.errorLines == ["error: interrupted by \(name): the transaction was rolled back, and the warehouse is as it was"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("fresh.db") }.isEmpty)

        #expect(try run("--database", "kept.db", samples).status == 0)
        let before = try dump("kept.db")
        let again = try interrupted(["--database", "kept.db", "data"], by: signal, when: "kept.db-journal")
        #expect(again.status == 128 + signal)
        #expect(try dump("kept.db") == before)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/kept.db-journal"))
        // The interrupted load is recorded as failed, after the rollback.
        let history = try shell(#"python3 -c "import sqlite3; print(sqlite3.connect('kept.db').execute('SELECT status, error FROM loads ORDER BY load_id').fetchall())""#)
        #expect(history.output == "[('loaded', None), ('failed', 'interrupted by \(name)')]\n")
    }

    /// Every row of every table of the SQLite database `file` but `loads`, read by Python's
    /// own sqlite3 module.
    func dump(_ file: String) throws -> String {
        try shell(#"""
            python3 -c "import sqlite3; db = sqlite3.connect('\#(file)'); \#
            print([(t, sorted(db.execute(f'SELECT * FROM \"{t}\"').fetchall(), key=repr)) for (t,) in \#
            db.execute(\"SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'loads' ORDER BY name\")])"
            """#).output
    }

    /// Runs the tool with `arguments` and sends `signal` once `file` exists in the test folder
    /// (the load has begun writing), then waits for it to end.
    func interrupted(_ arguments: [String], by signal: Int32, when file: String) throws -> CommandResult {
        try SparkifyLoadCommand.run(arguments, in: folder.path) { process in
            let deadline = Date().addingTimeInterval(60)
            while !FileManager.default.fileExists(atPath: folder.path + "/" + file), process.isRunning, Date() < deadline {
                usleep(2_000)
            }
            usleep(100_000)
            kill(process.processIdentifier, signal)
        }
    }

    /// `count` signed-in NextSong events, one per line, each its own identity.
    static func events(count: Int) -> String {
        (0..<count).map { index in
            #"{"artist":"Artist \#(index % 100)","auth":"Logged In","firstName":"Ann","gender":"F","itemInSession":\#(index),"lastName":"Lee","length":200.5,"level":"free","location":"Oslo","method":"PUT","page":"NextSong","registration":1540919166796.0,"sessionId":\#(index / 50),"song":"Song \#(index % 1000)","status":200,"ts":\#(1_541_000_000_000 + Int64(index) * 1000),"userAgent":"Mozilla","userId":"\#(index % 200 + 1)"}"#
        }.joined(separator: "\n") + "\n"
    }
}
