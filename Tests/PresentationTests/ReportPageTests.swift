import Core
import Foundation
import Testing
@testable import Presentation

@Suite("The report as an HTML page")
struct ReportPageTests {
    let html = ReportPage(HandBuiltReport.report).html

    @Test("Self-contained: no script, no link, no address outside the page, no external style or font")
    func selfContained() {
        for forbidden in ["<script", "<link", "src=", "href=", "http:", "https:", "//", "url(", "@import", "@font-face"] {
            #expect(!html.lowercased().contains(forbidden), "the page holds \(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
        #expect(html.contains("color-scheme: light dark;"))
        #expect(html.contains("@media (prefers-color-scheme: dark)"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("Text from the data is escaped for HTML, its control characters first")
    func escaping() {
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        #expect(html.contains("<th scope=\"row\">Red\\u{1B}[31m alert</th><td>Two\\nLines</td>"))
        #expect(html.contains("<td>Coeur d&#39;Alene, ID</td>") == false)      // a name heads its row
        #expect(html.contains("<th scope=\"row\">Coeur d&#39;Alene, ID</th>"))
        #expect(html.contains("&quot;Mozilla/5.0 (Macintosh;"))
        #expect(!html.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    }

    @Test("Totals: plays, users, songs, artists, the matched share, days, first and last play")
    func totals() {
        for item in ["<dt>plays</dt><dd>20</dd>", "<dt>users</dt><dd>4</dd>", "<dt>songs</dt><dd>5</dd>", "<dt>artists</dt><dd>4</dd>",
                     "<dt>matched to a song</dt><dd>9 of 20 plays (45.0%)</dd>", "<dt>days with plays</dt><dd>3</dd>",
                     "<dt>first play</dt><dd>2018-11-01 09:15:00.000</dd>", "<dt>last play</dt><dd>2018-11-04 22:40:10.500</dd>"] {
            #expect(html.contains(item), "\(item)")
        }
    }

    // Top songs on an axis to 3 plays, 400 units long (480 − 2 × 8 − 64): 3 plays → 400,
    // 2 → 266.7, 1 → 133.3; rows 40 apart from y = 8, each bar 20 below its row's top.
    @Test("Bars are drawn to scale, with the count in each bar's tooltip")
    func barGeometry() {
        #expect(html.contains("<rect class=\"bar\" x=\"8\" y=\"28\" width=\"400\" height=\"12\"><title>Sehr kosmisch — Harmonia: 3 plays</title></rect>"))
        #expect(html.contains("<rect class=\"bar\" x=\"8\" y=\"68\" width=\"266.7\" height=\"12\"><title>Jóga — Björk: 2 plays</title></rect>"))
        #expect(html.contains("<rect class=\"bar\" x=\"8\" y=\"148\" width=\"133.3\" height=\"12\"><title>Clocks — Coldplay: 1 play</title></rect>"))
    }

    @Test("Plays per day: 2018-11-03 had none, and is drawn at zero between its neighbours")
    func gapDays() {
        #expect(html.contains("<title>2018-11-03: 0 plays</title></circle>"))
        #expect(html.contains("<tr><th scope=\"row\">2018-11-03</th><td class=\"number\">0</td></tr>"))
        #expect(html.contains("day (UTC), 2018-11-01 to 2018-11-04"))
    }

    // 30 days: labels under every ⌈30 / 7⌉ = 5th day from the first, 6 in all.
    @Test("Plays per day over a month: a point per day, labels thinned to every 5th day")
    func manyDays() throws {
        var report = HandBuiltReport.report
        report.playsPerDay = (1...30).map { .init(day: "2018-11-" + ($0 < 10 ? "0\($0)" : "\($0)"), plays: Int64($0)) }
        let html = ReportPage(report).html
        let start = try #require(html.range(of: "<svg class=\"chart line\" id=\"plays-per-day\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let chart = String(html[start.lowerBound..<end.upperBound])
        #expect(chart.components(separatedBy: "<circle class=\"point\"").count - 1 == 30)
        let labels = chart.components(separatedBy: "<text class=\"label\"").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
        #expect(labels == ["11-01", "11-06", "11-11", "11-16", "11-21", "11-26"])
    }

    @Test("An empty warehouse: the lists say there is nothing, the hours and weekdays still show")
    func empty() {
        let html = ReportPage(HandBuiltReport.empty).html
        #expect(html.components(separatedBy: "<p class=\"none\">No plays.</p>").count - 1 == 7)
        for id in ["plays-by-hour", "plays-by-weekday", "hour-by-weekday"] {
            #expect(html.contains("id=\"\(id)\""), "\(id)")
        }
        #expect(html.contains("<p class=\"period\">plays from 2019-01-01 to 2019-01-31</p>"))
        #expect(html.contains("<dt>first play</dt><dd>none</dd>"))
    }
}
