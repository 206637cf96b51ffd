import Core
import Testing
@testable import Presentation

@Suite("The report as text")
struct ReportTextTests {
    /// The lines of `title`'s section: from the line after the title to the blank line.
    func section(_ title: String, of lines: [String]) throws -> [String] {
        let start = try #require(lines.firstIndex(of: title), "no section \(title)") + 1
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    @Test("Totals: counts aligned in one column, the matched share, the first and last play")
    func totals() throws {
        let lines = ReportText(HandBuiltReport.report, ascii: false).lines
        #expect(lines.first == "Sparkify listening report: all plays.")
        #expect(try section("Totals", of: lines) == [
            "  plays       20",
            "  users        4",
            "  songs        5",
            "  artists      4",
            "  days         3",
            "  matched      9 of 20 plays (45.0%)",
            "  first play  2018-11-01 09:15:00.000",
            "  last play   2018-11-04 22:40:10.500",
        ])
    }

    // Top songs: title 19 columns wide (the escaped `Red\u{1B}[31m alert`), artist 10
    // (`Two\nLines`), plays 5; 2 + 19 + 2 + 10 + 2 + 5 + 2 = 42 columns before the bar, which
    // gets the most it may, 32. 3 plays fill it; 2 plays are 2/3 × 256 = 170.7 → 171 eighths
    // (21 blocks and ▍), 1 play 85.3 → 85 (10 blocks and ▋).
    @Test("Top songs: aligned columns, wide characters counted as two, bars in eighths, data escaped")
    func topSongs() throws {
        let full = String(repeating: "█", count: 32), two = String(repeating: "█", count: 21) + "▍"
        let one = String(repeating: "█", count: 10) + "▋"
        #expect(try section("Top songs", of: ReportText(HandBuiltReport.report, ascii: false).lines) == [
            "  title                artist      plays",
            "  Sehr kosmisch        Harmonia        3  " + full,
            "  Jóga                 Björk           2  " + two,
            "  夜に駆ける           YOASOBI         2  " + two,
            "  Clocks               Coldplay        1  " + one,
            "  Red\\u{1B}[31m alert  Two\\nLines      1  " + one,
        ])
    }

    // In ASCII a bar counts whole columns: 2/3 × 32 = 21.3 → 21, 1/3 × 32 = 10.7 → 11.
    @Test("In ASCII, bars are #")
    func asciiBars() throws {
        let lines = try section("Top songs", of: ReportText(HandBuiltReport.report, ascii: true).lines)
        #expect(lines[1] == "  Sehr kosmisch        Harmonia        3  " + String(repeating: "#", count: 32))
        #expect(lines[2] == "  Jóga                 Björk           2  " + String(repeating: "#", count: 21))
        #expect(lines[4] == "  Clocks               Coldplay        1  " + String(repeating: "#", count: 11))
    }

    // A user agent too long for 80 columns: 2 + text + 2 + 5 (plays) + 2 + 10 (the narrowest
    // bar) = 80 leaves 59 for the text, 58 characters and the ellipsis. 8 of 12 plays on a
    // 10-column bar: 53.3 → 53 eighths, 6 blocks and ▋.
    @Test("A name too long is cut with an ellipsis so that the line fits 80 columns")
    func longNames() throws {
        let unicode = try section("Top user agents", of: ReportText(HandBuiltReport.report, ascii: false).lines)
        #expect(unicode == [
            "  user agent                                                   plays",
            "  \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKi…     12  " + String(repeating: "█", count: 10),
            "  <script>alert('x')</script> & more                               8  " + String(repeating: "█", count: 6) + "▋",
        ])
        #expect(unicode[1].count == 80)
        let ascii = try section("Top user agents", of: ReportText(HandBuiltReport.report, ascii: true).lines)
        #expect(ascii[1] == "  \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWeb...     12  ##########")
    }

    @Test("Hours: all 24, zeros included; weekdays: all 7 from Sunday; plans with users and plays; users by name")
    func fixedLists() throws {
        let lines = ReportText(HandBuiltReport.report, ascii: false).lines
        let hours = try section("Plays by hour (UTC)", of: lines)
        #expect(hours.count == 25)
        #expect(hours.dropFirst().map { String($0.prefix(4)) } == (0..<24).map { $0 < 10 ? "  0\($0)" : "  \($0)" })
        #expect(hours[1] == "  00        0")
        // 6 plays at 22 h fill the 32 columns; 4 at 09 h are 170.7 → 171 eighths.
        #expect(hours[23] == "  22        6  " + String(repeating: "█", count: 32))
        #expect(hours[10] == "  09        4  " + String(repeating: "█", count: 21) + "▍")
        #expect(try section("Plays by weekday", of: lines) == [
            "  weekday    plays",
            "  Sunday         7  " + String(repeating: "█", count: 28),
            "  Monday         0",
            "  Tuesday        0",
            "  Wednesday      0",
            "  Thursday       8  " + String(repeating: "█", count: 32),
            "  Friday         5  " + String(repeating: "█", count: 20),
            "  Saturday       0",
        ])
        // 6 of 14 plays: 6/14 × 256 = 109.7 → 110 eighths, 13 blocks and ▊.
        #expect(try section("Plans", of: lines) == [
            "  level  users  plays",
            "  free       2      6  " + String(repeating: "█", count: 13) + "▊",
            "  paid       2     14  " + String(repeating: "█", count: 32),
        ])
        // 9 plays fill the bar; 6 are 170.7 → 171 eighths, 3 are 85.3 → 85, 2 are 56.9 → 57 (7 blocks and ▏).
        #expect(try section("Most active users", of: lines) == [
            "  user_id  name           plays",
            "       15  Lily Koch          9  " + String(repeating: "█", count: 32),
            "       80  Jordan O'Neil      6  " + String(repeating: "█", count: 21) + "▍",
            "       26  Ryan               3  " + String(repeating: "█", count: 10) + "▋",
            "      101  (no name)          2  " + String(repeating: "█", count: 7) + "▏",
        ])
        #expect(try section("Top locations", of: lines).last?.hasPrefix("  (not recorded)") == true)
        // 8 plays fill the bar; 5 are 160 eighths, 7 are 224: whole blocks.
        #expect(try section("Plays per day", of: lines) == [
            "  day         plays",
            "  2018-11-01      8  " + String(repeating: "█", count: 32),
            "  2018-11-02      5  " + String(repeating: "█", count: 20),
            "  2018-11-04      7  " + String(repeating: "█", count: 28),
        ])
    }

    @Test("Every line fits the width (80, 60 or 40 columns), holds no control character, and ASCII mode draws no block or ellipsis")
    func fitsAndEscapes() {
        for (report, width, ascii) in [HandBuiltReport.report, HandBuiltReport.empty].flatMap({ report in
            [80, 60, 40].flatMap { width in [false, true].map { (report, width, $0) } }
        }) {
            let lines = ReportText(report, ascii: ascii, width: width).lines
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "\(width) columns: \(line)")
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(line)")
            }
            if ascii {
                #expect(!lines.joined().contains { "█▉▊▋▌▍▎▏…".contains($0) })
            }
        }
    }

    @Test("An empty warehouse: the period, dashes for times, (none) for the lists, zeros for hours and weekdays")
    func empty() throws {
        let lines = ReportText(HandBuiltReport.empty, ascii: false).lines
        #expect(lines.first == "Sparkify listening report: plays from 2019-01-01 to 2019-01-31.")
        let totals = try section("Totals", of: lines)
        #expect(totals.contains("  matched     0 of 0 plays"))
        #expect(totals.contains("  first play  -"))
        #expect(try section("Top songs", of: lines) == ["  (none)"])
        #expect(try section("Plays per day", of: lines) == ["  (none)"])
        #expect(try section("Plays by hour (UTC)", of: lines).count == 25)
        #expect(try section("Plays by weekday", of: lines).last == "  Saturday       0")
    }
}
