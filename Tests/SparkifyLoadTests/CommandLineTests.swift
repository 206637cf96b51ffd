import Foundation
import Testing
import WarehouseConformance

@Suite("sparkify-load, run as a user runs it")
struct CommandLineTests {
    let folder = TemporaryFolder()
    let samples = SparkifyLoadCommand.samples

    func run(_ arguments: String...) throws -> CommandResult {
        try SparkifyLoadCommand.run(arguments, in: folder.path)
    }

    @Test("--help explains every option and subcommand")
    func help() throws {
        let result = try run("--help")
        #expect(result.status == 0)
        for word in ["<source-dir>", "--backend", "--database", "--max-errors", "--dry-run", "create-tables", "etl", "check",
                     "sqlite", "sparkify.db", "MAXERROR", "Exit status"] {
            #expect(result.output.contains(word), "help does not mention \(word)")
        }
        for subcommand in ["load", "create-tables", "etl", "check"] {
            let help = try run(subcommand, "--help")
            #expect(help.status == 0 && help.output.contains("--backend") && help.output.contains("--dry-run"))
        }
    }

    @Test("A mistake gets one clear line on standard error and a non-zero exit", arguments: [
        (["nope/"], 66, "error: nope/: no such folder"),
        (["--backend", "mysql", "SAMPLES"], 64,
         "error: The value 'mysql' is invalid for '--backend <backend>'. Please provide one of 'sqlite', 'postgres' or 'redshift'. (see `sparkify-load --help`)"),
        (["--database", "/no/such/folder/x.db", "SAMPLES"], 1,
         "error: cannot open database /no/such/folder/x.db: no such folder /no/such/folder"),
        ([], 64, "error: Missing expected argument '<source-dir>' (see `sparkify-load --help`)"),
        (["--max-errors=-1", "SAMPLES"], 64, "error: --max-errors must be 0 or more, not -1 (see `sparkify-load --help`)"),
        (["--max-errors", "-1", "SAMPLES"], 64, "error: --max-errors must be 0 or more, not -1 (see `sparkify-load --help`)"),
        (["--database", "", "SAMPLES"], 64,
         "error: --database is empty (an unset shell variable?): name the SQLite database file (see `sparkify-load --help`)"),
        (["--database", ":memory:", "SAMPLES"], 64,
         "error: --database :memory: is SQLite's in-memory database, which keeps nothing: name a file (see `sparkify-load --help`)"),
        (["--database", "file:x.db?mode=memory", "SAMPLES"], 64,
         "error: --database file:x.db?mode=memory is an SQLite URI, not a file path (for a file of that name, write ./file:x.db?mode=memory) (see `sparkify-load --help`)"),
        (["--frobnicate", "SAMPLES"], 64, "error: Unknown option '--frobnicate' (see `sparkify-load --help`)"),
        (["check"], 1, "error: sparkify.db: no such database; load data first, or run `sparkify-load create-tables`"),
        (["etl", "SAMPLES"], 1, "error: sparkify.db: no such database; load data first, or run `sparkify-load create-tables`"),
    ])
    func mistakes(arguments: [String], status: Int32, message: String) throws {
        let result = try SparkifyLoadCommand.run(arguments.map { $0 == "SAMPLES" ? samples : $0 }, in: folder.path)
        #expect(result.status == status)
        #expect(result.errorLines == [message])
        #expect(result.output.isEmpty)
    }

    @Test("A folder without JSON is named in one line")
    func folderWithoutJSON() throws {
        folder.write("empty/song_data/A/readme.txt", "nothing")
        folder.write("empty/log_data/readme.txt", "nothing")
        let result = try run("empty")
        #expect(result.status == 66)
        #expect(result.errorLines == ["error: empty/song_data: no .json files in this folder or below it"])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/sparkify.db"))
    }

    @Test("Loading the samples prints rows per table and time per stage, and loading again changes nothing")
    func loadSamples() throws {
        let result = try run(samples)
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        let lines = result.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.first?.starts(with: ["Loaded", samples, "into", "sparkify.db", "(sqlite)", "in"]) == true)
        func row(_ name: String) -> [String]? { lines.first { $0.first == name } }
        #expect(row("staging_songs")?[1...4] == ["11", "2.9", "kB", "11"])
        #expect(row("staging_events")?[1...5] == ["3", "10.5", "kB", "23", "0"])
        for (table, rows) in [("songplays", "15"), ("users", "6"), ("songs", "11"), ("artists", "9"), ("time", "14")] {
            #expect(row(table)?[1...2] == [rows, rows], "\(table)")
        }
        #expect(result.output.contains("checks: 6 of 6 passed"))

        let again = try run(samples)
        #expect(again.status == 0)
        let written = again.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(written.first { $0.first == "songplays" }?[1...2] == ["0", "15"])
        #expect(written.first { $0.first == "time" }?[1...2] == ["0", "14"])
    }

    @Test("Malformed lines are reported as FILE:LINE: reason; beyond --max-errors the load fails and loads nothing")
    func maxErrors() throws {
        folder.write("data/log_json_path.json", try String(contentsOfFile: samples + "/log_json_path.json", encoding: .utf8))
        let broken = folder.path + "/data"
        try FileManager.default.copyItem(atPath: samples + "/song_data", toPath: broken + "/song_data")
        try FileManager.default.copyItem(atPath: samples + "/log_data", toPath: broken + "/log_data")
        folder.write("data/log_data/2018/11/2018-11-04-events.json", "{\"userId\":\"15\",\n[1]\n")

        let failed = try run("data")
        #expect(failed.status == 65)
        // The object never closes, so the array on its second line is inside it: one record.
        #expect(failed.errorLines == [
            "data/log_data/2018/11/2018-11-04-events.json:1: malformed JSON at line 2, column 1: expected a key in double quotes, found '[' (skipped 19 bytes, to line 2)",
            "error: staging_events: 1 record rejected, more than the 0 allowed (--max-errors); nothing was loaded",
        ])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/sparkify.db"))

        let loaded = try run("--max-errors", "1", "data")
        #expect(loaded.status == 0)
        #expect(loaded.errorLines == [
            "data/log_data/2018/11/2018-11-04-events.json:1: malformed JSON at line 2, column 1: expected a key in double quotes, found '[' (skipped 19 bytes, to line 2)",
        ])
        #expect(loaded.output.split(separator: "\n").contains { $0.hasPrefix("staging_events") && $0.split(separator: " ")[5] == "1" })
    }

    @Test("--dry-run prints every statement, each ending in a semicolon, and touches nothing")
    func dryRun() throws {
        let result = try run("--dry-run", samples)
        #expect(result.status == 0)
        let statements = result.output.components(separatedBy: ";\n\n")
        // 17 tables and staged songs' index, emptying the 6 staging tables, staging, 16
        // transforms (each one statement in SQLite, but numbering songplays, which creates,
        // empties and fills its temporary table before the insert), and the checks that
        // SQLite's enforced keys do not already guarantee.
        #expect(statements.count == 17 + 1 + 6 + 2 + (15 + 4) + 6)
        #expect(result.output.hasSuffix(";\n"))
        #expect(result.output.contains("INSERT INTO \"songplays\""))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/sparkify.db"))
    }

    @Test("create-tables, etl and check, as the original scripts")
    func subcommands() throws {
        let created = try run("create-tables", "--database", "star.db")
        #expect(created.status == 0 && created.output.hasPrefix("Created 17 tables in star.db (sqlite)"))
        let emptyCheck = try run("check", "--database", "star.db")
        #expect(emptyCheck.status == 65)
        #expect(emptyCheck.output.contains("FAIL  songplays: has rows (0 rows)"))
        #expect(emptyCheck.errorLines.count == 1 && emptyCheck.errorLines[0].hasPrefix("error: data-quality checks failed: songplays: has rows (found 0)"))
        let loaded = try run("etl", "--database", "star.db", samples)
        #expect(loaded.status == 0 && !loaded.output.contains("checks:"))
        let checked = try run("check", "--database", "star.db")
        #expect(checked.status == 0)
        #expect(checked.output.contains("ok    songplays: has rows (15 rows)"))
        #expect(checked.output.contains("6 of 6 checks passed"))
    }

    @Test("loads lists every load newest first, failed ones with their error; --json for scripts")
    func loadHistory() throws {
        #expect(try run("--database", "h.db", samples).status == 0)
        folder.copyContents(of: samples, to: "broken")
        folder.write("broken/log_data/bad.json", "nope\n")
        #expect(try run("--database", "h.db", "broken").status == 65)
        let table = try run("loads", "--database", "h.db")
        #expect(table.status == 0)
        let lines = table.output.split(separator: "\n")
        #expect(lines.count == 4 && lines[1].hasPrefix("2     failed") && lines[3].hasPrefix("1     loaded"))
        #expect(lines[2] == "      error: staging_events: 1 record rejected, more than the 0 allowed (--max-errors); nothing was loaded")

        let json = try run("loads", "--database", "h.db", "--json", "--last", "2")
        let loads = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(loads.map { $0["load_id"] as? Int } == [2, 1])
        #expect(loads.map { $0["status"] as? String } == ["failed", "loaded"])
        #expect(loads[0]["error"] as? String == "staging_events: 1 record rejected, more than the 0 allowed (--max-errors); nothing was loaded")
        #expect(loads[1]["error"] is NSNull)
        #expect(loads[1]["source"] as? String == samples)
        // samples/: 11 song files, 23 event lines, none rejected; 15 plays, 6 users, 11 songs, 9 artists, 14 times.
        #expect(loads[1]["rejected"] as? [String: Int] == ["staging_songs": 0, "staging_events": 0])
        #expect(loads[1]["rows_written"] as? [String: Int] == ["songplays": 15, "users": 6, "songs": 11, "artists": 9, "time": 14])
        #expect(loads[0]["rejected"] as? [String: Int] == ["staging_songs": 0, "staging_events": 1])
        for load in loads {
            for key in ["started_at", "finished_at"] {
                #expect((load[key] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}/) != nil)
            }
        }
        #expect(try run("loads", "--database", "nothing.db").errorLines == [
            "error: nothing.db: no such database; load data first, or run `sparkify-load create-tables`",
        ])
    }

    @Test("report prints the samples' numbers as text, JSON or a page; a range without plays is nothing to report")
    func report() throws {
        #expect(try run("--database", "r.db", samples).status == 0)
        let text = try SparkifyLoadCommand.run(["report", "--database", "r.db"], in: folder.path, environment: ["LANG": "C.UTF-8"])
        #expect(text.status == 0)
        #expect(text.output.contains("  matched     11 of 15 plays (73.3%)"))
        #expect(text.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let ascii = try run("report", "--database", "r.db", "--ascii", "--top", "1")
        // Bars of "#", no block characters (names keep their own letters).
        #expect(ascii.output.contains("#") && !ascii.output.unicodeScalars.contains { (0x2580...0x259F).contains($0.value) })

        let json = try run("report", "--database", "r.db", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["totals", "top_songs", "top_artists", "plays_by_hour", "plays_by_weekday", "levels",
                                     "top_locations", "top_user_agents", "top_users", "plays_per_day"])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["plays"] as? Int == 15 && totals["matched_plays"] as? Int == 11 && totals["days"] as? Int == 3)
        #expect((object["plays_by_hour"] as? [Any])?.count == 24 && (object["plays_by_weekday"] as? [Any])?.count == 7)

        let page = try run("report", "--database", "r.db", "--html", "report.html")
        #expect(page.status == 0 && page.output == "Wrote the report of 15 plays to report.html.\n")
        #expect(folder.read("report.html").contains("<svg"))

        let none = try run("report", "--database", "r.db", "--from", "2019-01-01")
        #expect(none.status == 66)
        #expect(none.errorLines == ["error: r.db (sqlite) has no plays from 2019-01-01 to the last play: nothing to report"])
        #expect(try run("report", "--database", "r.db", "--from", "2018-02-30").status == 64)
    }
}
