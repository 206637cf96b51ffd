import Core

/// A ``WarehouseReport`` as one self-contained HTML page: no network, no script, no external
/// font or style. The totals, then each list as an inline SVG chart (horizontal bars for the
/// top lists and the plans, columns for hours and weekdays, a line for plays per day, a
/// weekday × hour heat map) with its numbers in a table beside it. Light and dark colour
/// schemes, and phone widths. Every text is escaped for HTML, and values from the data have
/// their control characters escaped first.
///
/// Each chart is an `<svg class="chart KIND" id="ID">`: `bars` with one `<rect class="bar">`
/// and one `<text class="label">` per row (`top-songs`, `top-artists`, `levels`,
/// `top-locations`, `top-user-agents`, `top-users`); `columns` likewise per category
/// (`plays-by-hour`, 24, and `plays-by-weekday`, 7); `line` with one `<circle class="point">`
/// per day (`plays-per-day`); `heatmap` with 7 × 24 cells (`hour-by-weekday`). An empty list
/// shows a line saying so instead of a chart.
public struct ReportPage: Sendable {
    /// The report shown.
    public let report: WarehouseReport

    /// The page of `report`.
    public init(_ report: WarehouseReport) {
        self.report = report
    }

    /// The page's HTML, ending with a newline.
    public var html: String {
        let period = ReportWording.period(of: report)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>Sparkify listening report</title>
            <style>
            \(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>Sparkify listening report</h1>
            <p class="period">\(HTMLText.data(period))</p>
            </header>
            <main>

            """
        html += totals
        html += songs
        html += named("top-artists", "Top artists", "artist", report.topArtists)
        html += hours
        html += weekdays
        html += heatMap
        html += levels
        html += named("top-locations", "Top locations", "location", report.topLocations)
        html += named("top-user-agents", "Top user agents", "user agent", report.topUserAgents)
        html += users
        html += days
        return html + "</main>\n<footer>Made by sparkify-load report.</footer>\n</body>\n</html>\n"
    }

    private var totals: String {
        let totals = report.totals
        let items: [(String, String)] = [
            ("plays", NumberText.grouped(totals.plays)),
            ("users", NumberText.grouped(totals.users)),
            ("songs", NumberText.grouped(totals.songs)),
            ("artists", NumberText.grouped(totals.artists)),
            ("matched to a song", HTMLText.escaping(ReportWording.matched(totals))),
            ("days with plays", NumberText.grouped(totals.days)),
            ("first play", totals.firstPlay.map(HTMLText.data) ?? "none"),
            ("last play", totals.lastPlay.map(HTMLText.data) ?? "none"),
        ]
        return "<section id=\"totals\" aria-labelledby=\"totals-heading\">\n<h2 id=\"totals-heading\">Totals</h2>\n<dl class=\"totals\">\n"
            + items.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>\n" }.joined()
            + "</dl>\n</section>\n"
    }

    private var songs: String {
        let rows = report.topSongs
        return section("top-songs", "Top songs", isEmpty: rows.isEmpty,
                       chart: BarChart(id: "top-songs", title: "Plays of the most played songs",
                                       rows: rows.map { .init(label: "\($0.title) — \($0.artist)", value: $0.plays) }).svg,
                       table: HTMLTable(caption: "Top songs", columns: [.text("title"), .text("artist"), .number("plays")],
                                        rows: rows.map { [HTMLText.data($0.title), HTMLText.data($0.artist), NumberText.grouped($0.plays)] }))
    }

    private func named(_ id: String, _ title: String, _ heading: String, _ rows: [WarehouseReport.NamedPlays]) -> String {
        let name = { (row: WarehouseReport.NamedPlays) in row.name ?? ReportWording.notRecorded }
        return section(id, title, isEmpty: rows.isEmpty,
                       chart: BarChart(id: id, title: "Plays by \(heading), most played first",
                                       rows: rows.map { .init(label: name($0), value: $0.plays) }).svg,
                       table: HTMLTable(caption: title, columns: [.text(heading), .number("plays")],
                                        rows: rows.map { [HTMLText.data(name($0)), NumberText.grouped($0.plays)] }))
    }

    private var hours: String {
        let values = (0..<24).map { ReportWording.count(report.playsByHour, at: $0) }
        return section("plays-by-hour", "Plays by hour of day (UTC)", isEmpty: false,
                       chart: ColumnChart(id: "plays-by-hour", title: "Plays in each hour of the day, UTC", axisTitle: "hour of day (UTC)",
                                          labels: (0..<24).map(String.init), names: (0..<24).map { ReportWording.hour($0) + ":00" },
                                          values: values).svg,
                       table: HTMLTable(caption: "Plays by hour", columns: [.text("hour"), .number("plays")],
                                        rows: (0..<24).map { [ReportWording.hour($0) + ":00", NumberText.grouped(values[$0])] }))
    }

    private var weekdays: String {
        let values = (0..<7).map { ReportWording.count(report.playsByWeekday, at: $0) }
        return section("plays-by-weekday", "Plays by weekday", isEmpty: false,
                       chart: ColumnChart(id: "plays-by-weekday", title: "Plays on each weekday", axisTitle: "weekday",
                                          labels: ReportWording.shortWeekdays, names: ReportWording.weekdays, values: values).svg,
                       table: HTMLTable(caption: "Plays by weekday", columns: [.text("weekday"), .number("plays")],
                                        rows: (0..<7).map { [ReportWording.weekdays[$0], NumberText.grouped(values[$0])] }))
    }

    private var heatMap: String {
        let map = HeatMap(id: "hour-by-weekday", title: "Plays by weekday and hour of day, UTC", counts: report.playsByWeekdayAndHour)
        return section("hour-by-weekday", "Plays by weekday and hour", isEmpty: false, chart: map.svg,
                       table: HTMLTable(caption: "Plays by weekday (rows) and hour (columns)",
                                        columns: [.text("weekday")] + (0..<24).map { .number(String($0)) },
                                        rows: (0..<7).map { weekday in
                                            [ReportWording.shortWeekdays[weekday]]
                                                + (0..<24).map { NumberText.grouped(map.count(weekday: weekday, hour: $0)) }
                                        }),
                       wide: true)
    }

    private var levels: String {
        let rows = report.levels
        return section("levels", "Plans", isEmpty: rows.isEmpty,
                       chart: BarChart(id: "levels", title: "Plays on each plan", rows: rows.map { .init(label: $0.level, value: $0.plays) }).svg,
                       table: HTMLTable(caption: "Plans: users whose level it is now, plays made on it",
                                        columns: [.text("level"), .number("users"), .number("plays")],
                                        rows: rows.map { [HTMLText.data($0.level), NumberText.grouped($0.users), NumberText.grouped($0.plays)] }))
    }

    private var users: String {
        let rows = report.topUsers
        let label = { (user: WarehouseReport.UserPlays) in "\(ReportWording.name(of: user)) (\(user.userID))" }
        return section("top-users", "Most active users", isEmpty: rows.isEmpty,
                       chart: BarChart(id: "top-users", title: "Plays of the most active users",
                                       rows: rows.map { .init(label: label($0), value: $0.plays) }).svg,
                       table: HTMLTable(caption: "Most active users", columns: [.number("user_id"), .text("name"), .number("plays")],
                                        rows: rows.map { [String($0.userID), HTMLText.data(ReportWording.name(of: $0)), NumberText.grouped($0.plays)] }))
    }

    private var days: String {
        let series = CalendarDay.filling(report.playsPerDay.map { (day: $0.day, plays: $0.plays) })
        return section("plays-per-day", "Plays per day", isEmpty: series.isEmpty,
                       chart: LineChart(id: "plays-per-day", title: "Plays on each day, UTC", days: series).svg,
                       table: HTMLTable(caption: "Plays per day", columns: [.text("day"), .number("plays")],
                                        rows: series.map { [HTMLText.data($0.day), NumberText.grouped($0.plays)] }),
                       tall: true)
    }

    /// A section: its heading, then the chart and its table side by side (one above the other
    /// on a narrow screen, or always for a `wide` table), or a line saying there is nothing.
    /// A `tall` table scrolls within its box.
    private func section(_ id: String, _ title: String, isEmpty: Bool, chart: @autoclosure () -> String,
                         table: @autoclosure () -> HTMLTable, wide: Bool = false, tall: Bool = false) -> String {
        var html = "<section id=\"\(id)-section\" aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(HTMLText.escaping(title))</h2>\n"
        guard !isEmpty else { return html + "<p class=\"none\">No plays.</p>\n</section>\n" }
        let classes = ["figure"] + (wide ? ["wide"] : []) + (tall ? ["tall"] : [])
        html += "<div class=\"\(classes.joined(separator: " "))\">\n\(chart())\n\(table().html)\n</div>\n</section>\n"
        return html
    }
}
