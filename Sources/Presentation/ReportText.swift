import Core

/// A ``WarehouseReport`` as text for a terminal: the totals, then each list as an aligned
/// table with a bar beside each count, every line at most `width` columns (long names cut
/// with an ellipsis, East Asian wide characters counted as two). Every value from the data
/// has its control characters escaped, so no name can move the cursor or forge a line.
public struct ReportText: Sendable {
    /// The report shown.
    public let report: WarehouseReport
    /// Whether to keep to plain ASCII: `#` bars and `...` for cut names.
    public let ascii: Bool
    /// The most columns a line takes.
    public let width: Int

    /// The text of `report`, in plain ASCII if `ascii` (see ``TerminalLocale/isUTF8(environment:)``),
    /// fitted to `width` columns.
    public init(_ report: WarehouseReport, ascii: Bool, width: Int = 80) {
        self.report = report
        self.ascii = ascii
        self.width = width
    }

    /// The report's lines, joined by newlines, without a final newline.
    public var text: String {
        lines.joined(separator: "\n")
    }

    /// The report's lines.
    public var lines: [String] {
        let title = "Sparkify listening report: \(escaped(ReportWording.period(of: report)))."
        var lines = [DisplayWidth.truncating(title, toWidth: width, mark: ascii ? "..." : "…")]
        lines += section("Totals", totalsLines)
        lines += section("Top songs", table(
            [.text("title"), .text("artist"), .number("plays")],
            report.topSongs.map { [escaped($0.title), escaped($0.artist), NumberText.grouped($0.plays)] },
            bars: report.topSongs.map(\.plays)))
        lines += section("Top artists", namedTable("artist", report.topArtists))
        lines += section("Plays by hour (UTC)", table(
            [.text("hour"), .number("plays")],
            (0..<24).map { [ReportWording.hour($0), NumberText.grouped(ReportWording.count(report.playsByHour, at: $0))] },
            bars: (0..<24).map { ReportWording.count(report.playsByHour, at: $0) }))
        lines += section("Plays by weekday", table(
            [.text("weekday"), .number("plays")],
            ReportWording.weekdays.indices.map {
                [ReportWording.weekdays[$0], NumberText.grouped(ReportWording.count(report.playsByWeekday, at: $0))]
            },
            bars: ReportWording.weekdays.indices.map { ReportWording.count(report.playsByWeekday, at: $0) }))
        lines += section("Plans", table(
            [.text("level"), .number("users"), .number("plays")],
            report.levels.map { [escaped($0.level), NumberText.grouped($0.users), NumberText.grouped($0.plays)] },
            bars: report.levels.map(\.plays)))
        lines += section("Top locations", namedTable("location", report.topLocations))
        lines += section("Top user agents", namedTable("user agent", report.topUserAgents))
        lines += section("Most active users", table(
            [.number("user_id"), .text("name"), .number("plays")],
            report.topUsers.map { [String($0.userID), escaped(ReportWording.name(of: $0)), NumberText.grouped($0.plays)] },
            bars: report.topUsers.map(\.plays)))
        lines += section("Plays per day", table(
            [.text("day"), .number("plays")],
            report.playsPerDay.map { [escaped($0.day), NumberText.grouped($0.plays)] },
            bars: report.playsPerDay.map(\.plays)))
        return lines
    }

    /// Plays, users, songs, artists and days aligned as one column of counts; the matched
    /// share, and the first and last play's times.
    private var totalsLines: [String] {
        let totals = report.totals
        let counts: [(String, Int64)] = [("plays", totals.plays), ("users", totals.users), ("songs", totals.songs),
                                         ("artists", totals.artists), ("days", totals.days)]
        let countWidth = (counts.map(\.1) + [totals.matchedPlays]).map { NumberText.grouped($0).count }.max() ?? 0
        let label = { (text: String) in
            String(repeating: " ", count: TextTable.indent) + DisplayWidth.padding(text, toWidth: 12, alignedLeft: true)
        }
        return counts.map { label($0.0) + DisplayWidth.padding(NumberText.grouped($0.1), toWidth: countWidth, alignedLeft: false) }
            + [label("matched") + DisplayWidth.padding(NumberText.grouped(totals.matchedPlays), toWidth: countWidth, alignedLeft: false)
                + " " + ReportWording.matchedShare(totals),
               label("first play") + (totals.firstPlay.map(escaped) ?? "-"),
               label("last play") + (totals.lastPlay.map(escaped) ?? "-")]
    }

    /// A table of names (`nil` shown as not recorded) and their plays.
    private func namedTable(_ heading: String, _ rows: [WarehouseReport.NamedPlays]) -> [String] {
        table([.text(heading), .number("plays")],
              rows.map { [$0.name.map(escaped) ?? ReportWording.notRecorded, NumberText.grouped($0.plays)] },
              bars: rows.map(\.plays))
    }

    /// The table's lines, or `(none)` without rows.
    private func table(_ columns: [TableColumn], _ rows: [[String]], bars: [Int64]) -> [String] {
        guard !rows.isEmpty else { return ["  (none)"] }
        return TextTable(columns: columns, rows: rows, bars: bars).lines(width: width, ascii: ascii)
    }

    /// A blank line, the title, and the lines.
    private func section(_ title: String, _ lines: [String]) -> [String] {
        ["", title] + lines
    }

    /// A value from the data, its control characters escaped.
    private func escaped(_ text: String) -> String {
        MessageText.escaping(text)
    }
}
