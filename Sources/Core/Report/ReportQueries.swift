/// The queries behind ``WarehouseReport``, written once over the star and rendered by each
/// dialect, like the transforms: every backend gives the same numbers, ties broken the same way
/// (more plays first, then the name as bytes, NULL last, then the id).
public struct ReportQueries: Sendable {
    /// The first day covered (inclusive, `YYYY-MM-DD`), if any.
    public let from: String?
    /// The last day covered (inclusive, `YYYY-MM-DD`), if any.
    public let to: String?
    /// Rows per top list.
    public let top: Int

    /// Queries for the plays of `from` … `to` (UTC days, inclusive), with `top` rows per list.
    public init(from: String?, to: String?, top: Int) {
        self.from = from
        self.to = to
        self.top = top
    }

    /// Reads the report from `warehouse`; `nil` when no play falls in the range.
    public func read(from warehouse: any Warehouse) throws -> WarehouseReport? {
        let renderer = SQLRenderer(dialect: warehouse.dialect)
        func rows(_ select: SQLSelect) throws -> [[SQLValue]] { try warehouse.query(renderer.render(.select(select))) }
        func count(_ select: SQLSelect) throws -> Int64 { try warehouse.queryInteger(renderer.render(.select(select))) }
        func distinct(_ column: String) throws -> Int64 {
            try count(SQLSelect([.init(.countRows)], from: .subquery(
                SQLSelect(distinct: true, [.init(.column(column))], from: playsTable, where: filtered(.isNotNull(.column(column)))),
                as: "distinct_values")))
        }
        let plays = try count(SQLSelect([.init(.countRows)], from: playsTable, where: filter))
        guard plays > 0 else { return nil }
        let span = try rows(SQLSelect([.init(.function(.min, [.column("start_time")])), .init(.function(.max, [.column("start_time")]))],
                                      from: playsTable, where: filter))
        let days = try rows(SQLSelect(distinct: true, dayParts.map { .init($0) }, from: playsTable, where: filter))
        let totals = WarehouseReport.Totals(
            plays: plays, users: try distinct("user_id"), songs: try distinct("song_id"), artists: try distinct("artist_id"),
            matchedPlays: try count(SQLSelect([.init(.countRows)], from: playsTable, where: filtered(.isNotNull(.column("song_id"))))),
            firstPlay: span.first?[0].text, lastPlay: span.first?[1].text, days: Int64(days.count)
        )
        let hours = try rows(grouped(by: [.datePart(.hour, of: .column("start_time"))]))
        let weekdays = try rows(grouped(by: [.datePart(.weekday, of: .column("start_time"))]))
        let cells = try rows(grouped(by: [.datePart(.weekday, of: .column("start_time")), .datePart(.hour, of: .column("start_time"))]))
        var byWeekdayAndHour = Array(repeating: Array(repeating: Int64(0), count: 24), count: 7)
        for cell in cells {
            if let weekday = cell[0].integer, let hour = cell[1].integer, (0..<7).contains(weekday), (0..<24).contains(hour) {
                byWeekdayAndHour[Int(weekday)][Int(hour)] = cell[2].integer ?? 0
            }
        }
        return WarehouseReport(
            from: from, to: to, top: top, totals: totals,
            topSongs: try rows(topSongs).prefix(top).map {
                .init(title: $0[0].text ?? "", artist: $0[1].text ?? "", plays: $0[2].integer ?? 0)
            },
            topArtists: try rows(topArtists).prefix(top).map { .init(name: $0[0].text, plays: $0[1].integer ?? 0) },
            playsByHour: Self.spread(hours, count: 24), playsByWeekday: Self.spread(weekdays, count: 7),
            playsByWeekdayAndHour: byWeekdayAndHour,
            levels: try ["free", "paid"].map { level in
                try WarehouseReport.LevelPlays(level: level, users: count(levelUsers(level)), plays: count(levelPlays(level)))
            },
            topLocations: try rows(topBy("location")).prefix(top).map { .init(name: $0[0].text, plays: $0[1].integer ?? 0) },
            topUserAgents: try rows(topBy("user_agent")).prefix(top).map { .init(name: $0[0].text, plays: $0[1].integer ?? 0) },
            topUsers: try rows(topUsers).prefix(top).map {
                .init(userID: $0[0].integer ?? 0, firstName: $0[1].text, lastName: $0[2].text, plays: $0[3].integer ?? 0)
            },
            playsPerDay: try rows(grouped(by: dayParts, orderedByKey: true)).map { row in
                let (year, month, day) = (row[0].integer ?? 0, row[1].integer ?? 0, row[2].integer ?? 0)
                return .init(day: Self.day(year: year, month: month, day: day), plays: row[3].integer ?? 0)
            }
        )
    }

    // MARK: - The queries

    private var playsTable: SQLSelect.Source { .table(StarSchema.songplays.name, as: "play") }

    /// The plays in the range: from the first millisecond of `from` to before the day after `to`.
    private var filter: SQLExpression? {
        var conditions: [SQLExpression] = []
        if let from {
            conditions.append(.binary(.cast(.text(from + " 00:00:00.000"), .timestamp), .lessOrEqual, .column("start_time", of: "play")))
        }
        if let to {
            conditions.append(.binary(.column("start_time", of: "play"), .lessOrEqual, .cast(.text(to + " 23:59:59.999"), .timestamp)))
        }
        return SQLExpression.all(conditions)
    }

    private func filtered(_ condition: SQLExpression) -> SQLExpression {
        filter.map { $0.and(condition) } ?? condition
    }

    private var dayParts: [SQLExpression] {
        [.year, .month, .day].map { SQLExpression.datePart($0, of: .column("start_time", of: "play")) }
    }

    /// Plays grouped by `keys`, the count last; ordered by the keys when asked.
    private func grouped(by keys: [SQLExpression], orderedByKey: Bool = false) -> SQLSelect {
        SQLSelect(keys.map { .init($0) } + [.init(.countRows)], from: playsTable, where: filter, groupBy: keys,
                  orderBy: orderedByKey ? keys.map { .ascending($0) } : [])
    }

    private static let morePlaysFirst = SQLOrdering.descending(.countRows)

    private var topSongs: SQLSelect {
        let title = SQLExpression.column("title", of: "song"), artist = SQLExpression.column("name", of: "artist")
        let id = SQLExpression.column("song_id", of: "play"), artistID = SQLExpression.column("artist_id", of: "play")
        return SQLSelect(
            [.init(title), .init(artist), .init(.countRows)],
            from: playsTable,
            joins: [
                .left(.table(StarSchema.songs.name, as: "song"), on: SQLExpression.column("song_id", of: "song").equals(id)),
                .left(.table(StarSchema.artists.name, as: "artist"), on: SQLExpression.column("artist_id", of: "artist").equals(artistID)),
            ],
            where: filtered(.isNotNull(id)),
            groupBy: [id, artistID, title, artist],
            orderBy: [Self.morePlaysFirst, .ascending(.binaryText(title)), .ascending(.binaryText(artist)), .ascending(.binaryText(id)),
                      .ascending(.binaryText(artistID))]
        )
    }

    private var topArtists: SQLSelect {
        let name = SQLExpression.column("name", of: "artist"), id = SQLExpression.column("artist_id", of: "play")
        return SQLSelect(
            [.init(name), .init(.countRows)],
            from: playsTable,
            joins: [.left(.table(StarSchema.artists.name, as: "artist"), on: SQLExpression.column("artist_id", of: "artist").equals(id))],
            where: filtered(.isNotNull(id)),
            groupBy: [id, name],
            orderBy: [Self.morePlaysFirst, .ascending(.binaryText(name)), .ascending(.binaryText(id))]
        )
    }

    /// Plays by the value of `column` of the plays, NULL (not recorded) being one value.
    private func topBy(_ column: String) -> SQLSelect {
        let value = SQLExpression.column(column, of: "play")
        return SQLSelect([.init(value), .init(.countRows)], from: playsTable, where: filter, groupBy: [value],
                         orderBy: [Self.morePlaysFirst, .ascending(.binaryText(value))])
    }

    private var topUsers: SQLSelect {
        let id = SQLExpression.column("user_id", of: "play")
        let first = SQLExpression.column("first_name", of: "known"), last = SQLExpression.column("last_name", of: "known")
        return SQLSelect(
            [.init(id), .init(first), .init(last), .init(.countRows)],
            from: playsTable,
            joins: [.left(.table(StarSchema.users.name, as: "known"), on: SQLExpression.column("user_id", of: "known").equals(id))],
            where: filter,
            groupBy: [id, first, last],
            orderBy: [Self.morePlaysFirst, .ascending(.binaryText(first)), .ascending(.binaryText(last)), .ascending(id)]
        )
    }

    /// The users with plays in the range whose current level is `level`.
    private func levelUsers(_ level: String) -> SQLSelect {
        SQLSelect([.init(.countRows)], from: .table(StarSchema.users.name, as: "known"), where: SQLExpression.all([
            SQLExpression.column("level", of: "known").equals(.text(level)),
            .inSubquery(.column("user_id", of: "known"), SQLSelect([.init(.column("user_id", of: "play"))], from: playsTable, where: filter)),
        ]))
    }

    /// The plays in the range made on `level`.
    private func levelPlays(_ level: String) -> SQLSelect {
        SQLSelect([.init(.countRows)], from: playsTable, where: filtered(SQLExpression.column("level", of: "play").equals(.text(level))))
    }

    // MARK: - Shaping

    /// Counts by a key from 0 to `count` - 1, zeros included.
    private static func spread(_ rows: [[SQLValue]], count: Int) -> [Int64] {
        var values = Array(repeating: Int64(0), count: count)
        for row in rows {
            if let key = row[0].integer, (0..<Int64(count)).contains(key) { values[Int(key)] = row[1].integer ?? 0 }
        }
        return values
    }

    /// `YYYY-MM-DD`.
    private static func day(year: Int64, month: Int64, day: Int64) -> String {
        func padded(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
