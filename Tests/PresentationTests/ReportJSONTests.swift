import Core
import Foundation
import Testing
@testable import Presentation

@Suite("The report as JSON", .enabled(if: Python.executable != nil, "python3 is not on PATH"))
struct ReportJSONTests {
    /// The document as Python's `json` module reads it, written back compactly with its keys
    /// in the order read (no `\u` escapes but for control characters).
    func parsedByPython(_ text: String) throws -> String {
        try Python.run("""
            import json, sys
            print(json.dumps(json.loads(sys.stdin.read()), ensure_ascii=False, separators=(",", ":")))
            """, input: text).trimmingCharacters(in: .newlines)
    }

    @Test("Python's json module reads exactly these keys, in this order, with these values")
    func parses() throws {
        let hours = (0..<24).map { hour in "{\"hour\":\(hour),\"plays\":\([9: 4, 10: 2, 14: 3, 18: 5, 22: 6][hour] ?? 0)}" }
        let weekdays = [7, 0, 0, 0, 8, 5, 0].enumerated().map { "{\"weekday\":\($0.offset),\"plays\":\($0.element)}" }
        let expected = "{"
            + #""totals":{"plays":20,"users":4,"songs":5,"artists":4,"matched_plays":9,"#
            + #""first_play":"2018-11-01 09:15:00.000","last_play":"2018-11-04 22:40:10.500","days":3},"#
            + #""top_songs":[{"title":"Sehr kosmisch","artist":"Harmonia","plays":3},{"title":"Jóga","artist":"Björk","plays":2},"#
            + #"{"title":"夜に駆ける","artist":"YOASOBI","plays":2},{"title":"Clocks","artist":"Coldplay","plays":1},"#
            + #"{"title":"Red\u001b[31m alert","artist":"Two\nLines","plays":1}],"#
            + #""top_artists":[{"name":"Harmonia","plays":3},{"name":"Björk","plays":2},{"name":"YOASOBI","plays":2},"#
            + #"{"name":"Coldplay","plays":1}],"#
            + "\"plays_by_hour\":[\(hours.joined(separator: ","))],"
            + "\"plays_by_weekday\":[\(weekdays.joined(separator: ","))],"
            + #""levels":[{"level":"free","users":2,"plays":6},{"level":"paid","users":2,"plays":14}],"#
            + #""top_locations":[{"location":"San Jose-Sunnyvale-Santa Clara, CA","plays":9},{"location":"Coeur d'Alene, ID","plays":6},"#
            + #"{"location":null,"plays":5}],"#
            + #""top_user_agents":[{"user_agent":"\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) "#
            + #"Chrome/36.0.1985.143 Safari/537.36\"","plays":12},{"user_agent":"<script>alert('x')</script> & more","plays":8}],"#
            + #""top_users":[{"user_id":15,"first_name":"Lily","last_name":"Koch","plays":9},"#
            + #"{"user_id":80,"first_name":"Jordan","last_name":"O'Neil","plays":6},"#
            + #"{"user_id":26,"first_name":"Ryan","last_name":null,"plays":3},"#
            + #"{"user_id":101,"first_name":null,"last_name":null,"plays":2}],"#
            + #""plays_per_day":[{"day":"2018-11-01","plays":8},{"day":"2018-11-02","plays":5},{"day":"2018-11-04","plays":7}]"#
            + "}"
        #expect(try parsedByPython(ReportJSON(HandBuiltReport.report).text) == expected)
    }

    @Test("The text holds no raw control character, one member per line, and ends with a newline")
    func layout() {
        let text = ReportJSON(HandBuiltReport.report).text
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "{")
        #expect(lines[1].hasPrefix("  \"totals\": {\"plays\": 20, "))
        #expect(lines[2] == "  \"top_songs\": [")
        #expect(lines[3] == "    {\"title\": \"Sehr kosmisch\", \"artist\": \"Harmonia\", \"plays\": 3},")
        #expect(text.hasSuffix("\n  ]\n}\n"))
    }

    @Test("Every kind of character a string may hold comes back as it was")
    func escaping() throws {
        let hostile = "quote \" backslash \\ slash / tab \t cr \r nul \u{0} bell \u{7} del \u{7F} c1 \u{85} ls \u{2028} ps \u{2029} é 😀"
        var output = ""
        JSONValue.object([("a", .string(hostile)), ("b", .optional(nil)), ("c", .integer(Int64.min))]).write(into: &output)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" })
        #expect(output.contains("nul \\u0000 bell \\u0007 del \\u007f c1 \\u0085 ls \\u2028 ps \\u2029"))
        // Python's `ascii()` of what it read: its own escapes for every character outside ASCII.
        let read = try Python.run("""
            import json, sys
            value = json.loads(sys.stdin.read())
            print(ascii(value["a"]))
            print(value["b"], value["c"])
            """, input: output)
        #expect(read == #"'quote " backslash \\ slash / tab \t cr \r nul \x00 bell \x07 del \x7f c1 \x85 ls \u2028 ps \u2029 \xe9 \U0001f600'"#
                + "\nNone -9223372036854775808\n")
    }
}
