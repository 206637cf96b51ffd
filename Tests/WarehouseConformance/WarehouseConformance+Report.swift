import Core
import Testing

/// The report's queries give the same numbers on every backend: here on `samples/`, each number
/// counted by hand from ``SampleTables``.
extension WarehouseConformance {
    public func reportOnSamples() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        try run(.load, on: warehouse)
        let report = try #require(try ReportQueries(from: nil, to: nil, top: 3).read(from: warehouse))
        // 15 plays; 11 matched (all but plays 2, 4, 5 and 13); 9 songs and 8 artists among them;
        // users 10, 15, 26, 44, 80 and 101; 1, 2 and 3 November.
        #expect(report.totals == WarehouseReport.Totals(plays: 15, users: 6, songs: 9, artists: 8, matchedPlays: 11,
                                                        firstPlay: "2018-11-01 08:00:05.123", lastPlay: "2018-11-03 21:45:00.000", days: 3))
        // Sehr kosmisch: plays 1, 14 and 15; then eight songs with one play, by title.
        #expect(report.topSongs == [
            .init(title: "Sehr kosmisch", artist: "Harmonia", plays: 3),
            .init(title: "Back In Black", artist: "AC/DC", plays: 1),
            .init(title: "Clocks", artist: "Coldplay", plays: 1),
        ])
        // Guns N' Roses: plays 8 and 12.
        #expect(report.topArtists == [.init(name: "Harmonia", plays: 3), .init(name: "Guns N' Roses", plays: 2),
                                      .init(name: "AC/DC", plays: 1)])
        var hours = Array(repeating: Int64(0), count: 24)
        for (hour, plays) in [(0, 1), (7, 1), (8, 2), (10, 3), (12, 3), (15, 1), (18, 1), (21, 2), (23, 1)] { hours[hour] = Int64(plays) }
        #expect(report.playsByHour == hours)
        // Thursday 1, Friday 2 and Saturday 3 November.
        #expect(report.playsByWeekday == [0, 0, 0, 0, 6, 6, 3])
        #expect(report.playsByWeekdayAndHour[6][21] == 2 && report.playsByWeekdayAndHour[4][12] == 3)
        #expect(report.playsByWeekdayAndHour.flatMap { $0 }.reduce(0, +) == 15)
        // free now: 10, 26, 101; paid now: 15, 44, 80. Plays 1–7, 12–14 were free, 8–11 and 15 paid.
        #expect(report.levels == [.init(level: "free", users: 3, plays: 10), .init(level: "paid", users: 3, plays: 5)])
        #expect(report.topLocations.map(\.plays) == [5, 4, 3])
        #expect(report.topLocations.first?.name == "Chicago-Naperville-Elgin, IL-IN-WI")
        // Lily 5 (plays 1, 2, 8, 9, 10), Sylvie 4, Ryan 3.
        #expect(report.topUsers == [.init(userID: 15, firstName: "Lily", lastName: "Koch", plays: 5),
                                    .init(userID: 10, firstName: "Sylvie", lastName: "Cruz", plays: 4),
                                    .init(userID: 26, firstName: "Ryan", lastName: "Smith", plays: 3)])
        #expect(report.playsPerDay == [.init(day: "2018-11-01", plays: 6), .init(day: "2018-11-02", plays: 6),
                                       .init(day: "2018-11-03", plays: 3)])

        // 2 November alone: plays 7–12, all matched, by users 26, 15, 80 and 101.
        let day = try #require(try ReportQueries(from: "2018-11-02", to: "2018-11-02", top: 10).read(from: warehouse))
        #expect(day.totals.plays == 6 && day.totals.matchedPlays == 6 && day.totals.users == 4 && day.totals.days == 1)
        #expect(day.levels == [.init(level: "free", users: 2, plays: 2), .init(level: "paid", users: 2, plays: 4)])
        #expect(try ReportQueries(from: "2019-01-01", to: nil, top: 10).read(from: warehouse) == nil)
    }
}
