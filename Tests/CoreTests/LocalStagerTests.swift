import Core
import WarehouseConformance
import Foundation
import Testing

/// Staging semantics: what COPY does with JSON, applied to local files.
@Suite("Staging local JSON")
struct LocalStagerTests {
    /// Stages the event files `files` (paths under `log_data/`) and returns the rows and report.
    func stageEvents(_ files: [String: String], descriptor: String? = nil, maxErrors: Int = 0) throws
        -> (rows: [[String: Cell]], report: StagingReport) {
        let folder = TemporaryFolder()
        for (path, text) in files { folder.write("log_data/" + path, text) }
        if let descriptor { folder.write(SourceFolder.jsonPathsFileName, descriptor) }
        return try stage(.events, in: folder, maxErrors: maxErrors)
    }

    func stage(_ dataset: Dataset, in folder: TemporaryFolder, maxErrors: Int = 0) throws
        -> (rows: [[String: Cell]], report: StagingReport) {
        var sink = CollectingSink(dataset.stagingTable)
        let report = try RecordStager(source: SourceFolder(path: folder.path), maxErrors: maxErrors).stage(dataset, into: &sink)
        return (sink.rows, report)
    }

    /// The one rejection staging `line` as an event file gives.
    func rejection(of line: String) throws -> String? {
        try stageEvents(["e.json": line + "\n"], maxErrors: 1).report.rejected.first?.reason
    }

    @Test("Events map by the standard descriptor; a missing key and JSON null are both NULL")
    func missingAndNull() throws {
        let (rows, report) = try stageEvents(["e.json": #"{"artist":null,"firstName":"Ann","sessionId":7}"#])
        #expect(report.rows == 1 && report.rejected.isEmpty)
        let row = try #require(rows.first)
        #expect(row["artist"] == .null)
        #expect(row["first_name"] == .text("Ann"))
        #expect(row["session_id"] == .integer(7))
        #expect(row["user_id"] == .null)
        #expect(row.values.filter { $0 != .null }.count == 2)
    }

    @Test("Numbers fill integer and double columns; strings holding numbers convert; an empty string is NULL")
    func numbers() throws {
        let line = #"{"itemInSession":"3","length":"12.5","sessionId":"","registration":1540919166796.0,"ts":1541105830796,"status":2e2}"#
        let row = try #require(try stageEvents(["e.json": line]).rows.first)
        #expect(row["item_in_session"] == .integer(3))
        #expect(row["length"] == .double(12.5))
        #expect(row["session_id"] == .null)
        #expect(row["registration"] == .double(1_540_919_166_796))
        #expect(row["ts"] == .integer(1_541_105_830_796))
        #expect(row["status"] == .integer(200))
    }

    @Test("A value no column can hold rejects its record, with the reason", arguments: [
        (#"{"sessionId":1.5}"#, #""sessionId": 1.5 is not a whole number"#),
        (#"{"sessionId":"abc"}"#, #""sessionId": expected a number, found "abc""#),
        (#"{"sessionId":" 7"}"#, #""sessionId": expected a number, found " 7""#),
        (#"{"sessionId":3000000000}"#, #""sessionId": 3000000000 does not fit a 32-bit integer"#),
        (#"{"ts":99999999999999999999}"#, #""ts": 99999999999999999999 does not fit a 64-bit integer"#),
        (#"{"length":true}"#, #""length": expected a number, found true"#),
        (#"{"length":[1]}"#, #""length": expected a number, found an array"#),
        (#"{"length":1e400}"#, #""length": 1e400 is too large for a double"#),
        (#"{"song":"a\u0000b"}"#, #""song": text holds a NUL character (\u0000), which warehouses cannot store"#),
        (#"{"ts":1.0000000000000000001}"#, #""ts": 1.0000000000000000001 is not a whole number"#),
        (#"{"sessionId":1e-400}"#, #""sessionId": 1e-400 is not a whole number"#),
        (#"{"ts":253402300800000}"#, #""ts": 253402300800000 is not a time from year 1 to 9999 (-62135596800000 to 253402300799999)"#),
        (#"{"ts":"-62135596800001"}"#, #""ts": -62135596800001 is not a time from year 1 to 9999 (-62135596800000 to 253402300799999)"#),
        (#"{"userId":"abc"}"#, #""userId": "abc" is not a user id (a whole number, or "" when signed out)"#),
        (#"{"userId":"3000000000"}"#, #""userId": "3000000000" is not a user id (a whole number, or "" when signed out)"#),
        (#"{"userId":true}"#, #""userId": "true" is not a user id (a whole number, or "" when signed out)"#),
    ])
    func rejectedValues(line: String, reason: String) throws {
        #expect(try rejection(of: line) == reason)
    }

    @Test("Whole numbers written as fractions or exponents load exactly; times at the edges of years 1 and 9999 load")
    func wholeNumbersAndEdges() throws {
        let lines = [
            #"{"sessionId":1.0,"itemInSession":"1e3","ts":-62135596800000,"userId":" 7"}"#,
            #"{"sessionId":100e-2,"itemInSession":0e-400,"ts":253402300799999,"userId":""}"#,
        ]
        let rows = try stageEvents(["e.json": lines.joined(separator: "\n")]).rows
        #expect(rows.map { $0["session_id"] } == [.integer(1), .integer(1)])
        #expect(rows.map { $0["item_in_session"] } == [.integer(1000), .integer(0)])
        #expect(rows.map { $0["ts"] } == [.integer(-62_135_596_800_000), .integer(253_402_300_799_999)])
        #expect(rows.map { $0["user_id"] } == [.text(" 7"), .text("")])
    }

    @Test("Any other value fills a text column with its JSON text")
    func otherValuesAsText() throws {
        let line = #"{"song": 12.50, "artist": true, "location": {"city": "Oslo", "zip": [1, 2]}, "userId": 39}"#
        let row = try #require(try stageEvents(["e.json": line]).rows.first)
        #expect(row["song"] == .text("12.50"))
        #expect(row["artist"] == .text("true"))
        #expect(row["location"] == .text(#"{"city": "Oslo", "zip": [1, 2]}"#))
        #expect(row["user_id"] == .text("39"))
    }

    @Test("Strings decode every escape; raw UTF-8 passes through")
    func escapes() throws {
        let line = #"{"userAgent":"\"Mozilla\/5.0\"","artist":"Bj\u00f6rk","song":"\ud83c\udfb5\tnote","firstName":"Zoë","lastName":"a\\b\nc"}"#
        let row = try #require(try stageEvents(["e.json": line]).rows.first)
        #expect(row["user_agent"] == .text("\"Mozilla/5.0\""))
        #expect(row["artist"] == .text("Björk"))
        #expect(row["song"] == .text("🎵\tnote"))
        #expect(row["first_name"] == .text("Zoë"))
        #expect(row["last_name"] == .text("a\\b\nc"))
    }

    @Test("When a key repeats, its last value counts")
    func duplicateKeys() throws {
        let row = try #require(try stageEvents(["e.json": #"{"userId":"1","userId":"2"}"#]).rows.first)
        #expect(row["user_id"] == .text("2"))
    }

    @Test("Songs map by key, as JSON 'auto': names match exactly, case-sensitively")
    func autoMatching() throws {
        let folder = TemporaryFolder()
        folder.write("song_data/A/B/C/TRABC.json", #"{"song_id":"S1","Title":"x","title":"y","ARTIST_ID":"A","duration":218.93179}"#)
        let (rows, _) = try stage(.songs, in: folder)
        let row = try #require(rows.first)
        #expect(row["song_id"] == .text("S1"))
        #expect(row["title"] == .text("y"))
        #expect(row["artist_id"] == .null)
        #expect(row["duration"] == .double(218.93179))
    }

    @Test("A file holds objects separated by any whitespace: several per line, pretty-printed, CRLF, after a BOM")
    func layouts() throws {
        let text = "\u{FEFF}{\"userId\":\"1\"} {\"userId\":\"2\"}\r\n\r\n{\r\n  \"userId\": \"3\",\r\n  \"sessionId\": 4\r\n}\r\n\t{\"userId\":\"5\"}"
        let (rows, report) = try stageEvents(["e.json": text])
        #expect(rows.map { $0["user_id"] } == [.text("1"), .text("2"), .text("3"), .text("5")])
        #expect(rows[2]["session_id"] == .integer(4))
        #expect(report.rejected.isEmpty)
    }

    @Test("A broken line costs exactly that line, reported at the line where its object starts")
    func brokenLines() throws {
        let text = """
            {"userId":"1"}
            {"userId":"2","song":"trunc
            {"userId":"3"}
            {"userId":"4",
            {"userId":"5"}

            """
        let (rows, report) = try stageEvents(["day.json": text], maxErrors: 2)
        #expect(rows.map { $0["user_id"] } == [.text("1"), .text("3"), .text("5")])
        let folderPath = try #require(report.rejected.first?.file.dropLast("log_data/day.json".count))
        #expect(report.rejected.map(\.description) == [
            "\(folderPath)log_data/day.json:2: malformed JSON at column 28: the line ends inside a string (skipped 27 bytes on this line)",
            "\(folderPath)log_data/day.json:4: malformed JSON at line 5, column 1: expected a key in double quotes, found '{' (skipped 14 bytes on this line)",
        ])
    }

    @Test("Valid records after a broken one on the same line are loaded, and the broken one is counted")
    func recordsAfterBrokenOneOnTheLine() throws {
        let text = #"{"userId":"1","page":"NextSong","ts":1,"sessionId":1,"itemInSession":1,"length":1.0.0} "#
            + #"{"userId":"2","page":"NextSong","ts":2,"sessionId":2,"itemInSession":2}"# + "\n"
            + #"{"userId":"4","page":"NextSong","ts":4,"sessionId":4,"itemInSession":4}"# + "\n"
        let (rows, report) = try stageEvents(["a.json": text], maxErrors: 1)
        #expect(rows.map { $0["user_id"] } == [.text("2"), .text("4")])
        // The broken object is 86 bytes long; the scanner stops at the second '.' of 1.0.0.
        #expect(report.rejected.map(\.reason) == [
            "malformed JSON at column 84: expected ',' or '}' after a value, found '.' (skipped 86 bytes on this line)",
        ])
        #expect(report.rows + report.rejected.count == 3)
    }

    @Test("A file on one line, or with CR line ends, loses nothing after its first error", arguments: [" ", "\r"])
    func oneLineFiles(separator: String) throws {
        let records = [#"{"userId":"1"}"#, #"{"userId":2.5.}"#, #"{"userId":"3"}"#, "junk", #"{"userId":"5"}"#]
        let (rows, report) = try stageEvents(["e.json": records.joined(separator: separator)], maxErrors: 2)
        #expect(rows.map { $0["user_id"] } == [.text("1"), .text("3"), .text("5")])
        #expect(report.rejected.map(\.line) == [1, 1])
        #expect(report.rejected.map(\.reason) == [
            // The second record starts at column 16; its second '.' is its 14th byte.
            "malformed JSON at column 29: expected ',' or '}' after a value, found '.' (skipped 15 bytes on this line)",
            // 14 + 1 + 15 + 1 + 14 + 1 bytes come before the junk.
            "malformed JSON at column 47: expected a value, found 'j' (skipped 4 bytes on this line)",
        ])
    }

    @Test("A broken pretty-printed object is one rejection, and nothing nested in it becomes a record")
    func brokenPrettyPrintedObject() throws {
        let text = """
            {
              "userId": "1",
              "history": [
                {"userId": "2"},
                {"userId": "3"}
              ],
              "length": 1.0.0
            }
            {"userId": "4"}

            """
        let (rows, report) = try stageEvents(["e.json": text], maxErrors: 1)
        #expect(rows.map { $0["user_id"] } == [.text("4")])
        // Eight lines of 1, 16, 14, 20, 19, 4, 17 and 1 bytes, with the seven line ends between.
        #expect(report.rejected.map(\.line) == [1])
        #expect(report.rejected.map(\.reason) == [
            "malformed JSON at line 7, column 16: expected ',' or '}' after a value, found '.' (skipped 99 bytes, to line 8)",
        ])
    }

    @Test("Bytes glued to an object make one rejected record; objects glued to each other are records")
    func gluedRecords() throws {
        let text = #"{"userId":"1"}garbage"# + "\n" + #"{"userId":"2"}{"userId":"3"}"# + "\n" + #"junk{"userId":"4"}"#
        let (rows, report) = try stageEvents(["e.json": text], maxErrors: 2)
        #expect(rows.map { $0["user_id"] } == [.text("2"), .text("3"), .text("4")])
        #expect(report.rejected.map(\.reason) == [
            "malformed JSON at column 15: expected whitespace or a new object after an object, found 'g' (skipped 21 bytes on this line)",
            "malformed JSON at column 1: expected a value, found 'j' (skipped 4 bytes on this line)",
        ])
    }

    @Test("A pretty-printed object that is malformed is reported at its first line", arguments: [
        ("{\n  \"userId\": \"1\"\n  \"song\": \"x\"\n}\n", 1),
        ("\n\n{\"userId\": \"1\",\n \"song\": }\n", 3),
    ])
    func malformedPrettyPrinted(text: String, line: Int) throws {
        do {
            _ = try stageEvents(["e.json": text])
            Issue.record("a malformed object was staged")
        } catch StagingError.tooManyRejections(_, _, let rejected) {
            #expect(rejected.first?.line == line)
        }
    }

    @Test("A file that ends inside an object rejects that object")
    func endInsideObject() throws {
        let (rows, report) = try stageEvents(["e.json": "{\"userId\":\"1\"}\n{\"userId\":\"9\""], maxErrors: 1)
        #expect(rows.count == 1)
        #expect(report.rejected.map(\.line) == [2])
        #expect(report.rejected.first?.reason == "the file ends before this object is complete (skipped 13 bytes on this line)")
    }

    @Test("Only objects are records: other values and junk are rejected", arguments: [
        ("[1,2]", "expected a JSON object, found an array"),
        ("\"text\"", "expected a JSON object, found a string"),
        ("42 ", "expected a JSON object, found a number"),
        ("null", "expected a JSON object, found null"),
        ("hello", "malformed JSON at column 1: expected a value, found 'h'"),
        (#"{"userId":"1",}"#, "malformed JSON at column 15: expected a key in double quotes, found '}'"),
        (#"{"userId" "1"}"#, "malformed JSON at column 11: expected ':' after a key, found '\"'"),
        (#"{"userId":"1"]"#, "malformed JSON at column 14: expected ',' or '}' after a value, found ']'"),
        (#"{"length":01}"#, "malformed JSON at column 12: expected ',' or '}' after a value, found '1'"),
        (#"{"length":-}"#, "malformed JSON at column 12: expected a digit, found '}'"),
        (#"{"song":"\x"}"#, "malformed JSON at column 10: invalid escape \\x"),
        (#"{"song":"\u12G4"}"#, "malformed JSON at column 14: a \\u escape needs four hex digits"),
        (#"{"song":"\ud800x"}"#, "malformed JSON at column 16: a \\u escape of a high surrogate is not followed by a low surrogate"),
        (#"{"song":"\udc00"}"#, "malformed JSON at column 10: a \\u escape of a low surrogate has no high surrogate before it"),
        ("{\"song\":\"a\tb\"}", "malformed JSON at column 11: control character byte 0x9 inside a string"),
    ])
    func nonObjects(line: String, reason: String) throws {
        // A malformed record is skipped whole: here, the whole line.
        let skipped = reason.hasPrefix("malformed") ? " (skipped \(line.utf8.count) bytes on this line)" : ""
        #expect(try rejection(of: line) == reason + skipped)
    }

    @Test("Invalid UTF-8 rejects its record", arguments: [
        ([0xFF], "byte 0xFF"), ([0xC0, 0x80], "byte 0xC0"), ([0xE0, 0x80, 0x80], "byte 0x80 after 0xE0"),
        ([0xED, 0xA0, 0x80], "byte 0xA0 after 0xED"), ([0xF4, 0x90, 0x80, 0x80], "byte 0x90 after 0xF4"),
    ])
    func invalidUTF8(sequence: [UInt8], detail: String) throws {
        let folder = TemporaryFolder()
        folder.write("log_data/e.json", bytes: Array(#"{"song":""#.utf8) + sequence + Array("\"}\n{\"userId\":\"2\"}\n".utf8))
        let (rows, report) = try stage(.events, in: folder, maxErrors: 1)
        #expect(rows.map { $0["user_id"] } == [.text("2")])
        // The record is `{"song":"` (9 bytes), the sequence, then `"}`.
        #expect(report.rejected.first?.reason == "malformed JSON at column 10: invalid UTF-8 (\(detail)) (skipped \(11 + sequence.count) bytes on this line)")
    }

    @Test("More rejections than allowed fail the table, listing every one; as many as allowed pass")
    func maxErrors() throws {
        let text = "{\"userId\":\"1\"}\nbad\n{\"userId\":\"2\"}\n[]\n{\"sessionId\":\"x\"}\n{\"userId\":\"3\"}\n"
        let (rows, report) = try stageEvents(["e.json": text], maxErrors: 3)
        #expect(rows.count == 3)
        #expect(report.rejected.map(\.line) == [2, 4, 5])
        #expect(throws: StagingError.self) { try stageEvents(["e.json": text], maxErrors: 2) }
        do {
            _ = try stageEvents(["e.json": text], maxErrors: 2)
        } catch StagingError.tooManyRejections(let table, let allowed, let rejected) {
            #expect(table == "staging_events" && allowed == 2)
            #expect(rejected.map(\.line) == [2, 4, 5])
        }
    }

    @Test("Values longer than the read buffer, and objects across its edges, are read whole")
    func largeInput() throws {
        var text = ""
        let lineCount = 30_000
        for index in 0..<lineCount {
            text += #"{"userId":"\#(index)","song":"\#(String(repeating: "x", count: index % 97))"}"# + "\n"
        }
        let huge = String(repeating: "é", count: 1_500_000)
        text += #"{"userId":"\#(lineCount)","song":"\#(huge)"}"# + "\n"
        let (rows, report) = try stageEvents(["big.json": text])
        #expect(rows.count == lineCount + 1)
        #expect(report.bytes == text.utf8.count)
        #expect(rows.enumerated().dropLast().allSatisfy { index, row in
            row["user_id"] == .text(String(index)) && row["song"] == .text(String(repeating: "x", count: index % 97))
        })
        #expect(rows.last?["song"] == .text(huge))
    }

    @Test("Every .json file is read; hidden files and folders and non-.json files are skipped")
    func discovery() throws {
        let (rows, report) = try stageEvents([
            "b/2018-11-02.json": #"{"userId":"2"}"#,
            "a.json": #"{"userId":"1"}"#,
            "b/10.json": #"{"userId":"10"}"#,
            ".ipynb_checkpoints/a-checkpoint.json": #"{"userId":"hidden"}"#,
            "b/.hidden.json": #"{"userId":"hidden"}"#,
            "readme.txt": "not data",
        ])
        // Files are parsed on several threads, so their rows may come in any order.
        #expect(rows.compactMap { $0["user_id"]?.description }.sorted() == ["'1'", "'10'", "'2'"])
        #expect(report.files == 3)
    }

    @Test("A descriptor in the folder maps by position, with nested keys, indexes and dot notation")
    func customDescriptor() throws {
        var paths = StagingFormat.standardEventPaths.map(\.description)
        paths[0] = "$.meta.artist"
        paths[13] = "$['tags'][1]"
        let descriptor = #"{"jsonpaths": [\#(paths.map { "\"\($0)\"" }.joined(separator: ", "))]}"#
        let lines = """
            {"meta": {"artist": "A", "other": 1}, "tags": ["x", "y"], "artist": "ignored"}
            {"meta": null, "tags": ["only"]}
            {"meta": {}, "tags": "x"}

            """
        let (rows, report) = try stageEvents(["e.json": lines], descriptor: descriptor, maxErrors: 2)
        #expect(rows.count == 1)
        #expect(rows.first?["artist"] == .text("A"))
        #expect(rows.first?["song"] == .text("y"))
        #expect(report.rejected.map(\.reason) == [
            "$['tags'][1]: index 1 is past the end of an array of 1",
            "$['tags'][1]: found a string where an array was expected",
        ])
    }

    @Test("A descriptor that cannot be used stops the load, naming the file", arguments: [
        ("not json", "is not a JSON object"),
        (#"{"paths": []}"#, #"has no "jsonpaths" array"#),
        (#"{"jsonpaths": ["$['a']"]}"#, "has 1 paths for the 18 columns of staging_events"),
        (#"{"jsonpaths": [1]}"#, "entry 1 is not a JSONPath string"),
        (#"{"jsonpaths": ["artist"]}"#, #"entry 1: JSONPath "artist" does not start with $"#),
        (#"{"jsonpaths": ["$[0]"]}"#, "entry 1: $[0] indexes an array, but each record is a JSON object"),
    ])
    func badDescriptor(descriptor: String, reason: String) throws {
        let folder = TemporaryFolder()
        folder.write("log_data/e.json", "{}")
        folder.write(SourceFolder.jsonPathsFileName, descriptor)
        #expect(throws: StagingError.badJSONPaths(file: folder.path + "/log_json_path.json", reason: reason)) {
            try stage(.events, in: folder)
        }
    }

    @Test("A missing folder, one with neither data folder, or a data folder without JSON, is an error naming it")
    func missingData() throws {
        let folder = TemporaryFolder()
        #expect(throws: StagingError.missingFolder(folder.path + "/nope")) { try SourceFolder(path: folder.path + "/nope") }
        #expect(throws: StagingError.noDataFolders(folder.path)) { try stage(.songs, in: folder) }
        folder.write("song_data/A/notes.txt", "no json here")
        #expect(throws: StagingError.noJSONFiles(folder.path + "/song_data")) { try stage(.songs, in: folder) }
        // A source may lack one data folder: a daily log has no songs.
        #expect(try stage(.events, in: folder).report.rows == 0)
    }
}
