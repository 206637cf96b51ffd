import Core

/// A small report with numbers chosen by hand, consistent with each other: 20 plays by 4
/// users over 3 days (Thursday 2018-11-01, Friday 11-02, Sunday 11-04; none on 11-03), 9 of
/// them matched to 5 songs by 4 artists. Its names hold what a page or a terminal must not
/// take as markup or control: a tag, quotes, an escape sequence, a newline, wide characters.
enum HandBuiltReport {
    /// Hours with plays: 09 → 4, 10 → 2, 14 → 3, 18 → 5, 22 → 6 (20 in all).
    static let playsByHour: [Int64] = (0..<24).map { [9: 4, 10: 2, 14: 3, 18: 5, 22: 6][$0] ?? 0 }

    /// Sunday 7 (18 h: 2, 22 h: 5), Thursday 8 (9 h: 4, 10 h: 2, 14 h: 2), Friday 5 (14 h: 1,
    /// 18 h: 3, 22 h: 1): 8 cells above zero.
    static let playsByWeekdayAndHour: [[Int64]] = (0..<7).map { weekday in
        let hours: [Int: Int64] = switch weekday {
        case 0: [18: 2, 22: 5]
        case 4: [9: 4, 10: 2, 14: 2]
        case 5: [14: 1, 18: 3, 22: 1]
        default: [:]
        }
        return (0..<24).map { hours[$0] ?? 0 }
    }

    static let report = WarehouseReport(
        from: nil, to: nil, top: 5,
        totals: .init(plays: 20, users: 4, songs: 5, artists: 4, matchedPlays: 9,
                      firstPlay: "2018-11-01 09:15:00.000", lastPlay: "2018-11-04 22:40:10.500", days: 3),
        topSongs: [
            .init(title: "Sehr kosmisch", artist: "Harmonia", plays: 3),
            .init(title: "Jóga", artist: "Björk", plays: 2),
            .init(title: "夜に駆ける", artist: "YOASOBI", plays: 2),
            .init(title: "Clocks", artist: "Coldplay", plays: 1),
            .init(title: "Red\u{1B}[31m alert", artist: "Two\nLines", plays: 1),
        ],
        topArtists: [
            .init(name: "Harmonia", plays: 3), .init(name: "Björk", plays: 2),
            .init(name: "YOASOBI", plays: 2), .init(name: "Coldplay", plays: 1),
        ],
        playsByHour: playsByHour,
        playsByWeekday: [7, 0, 0, 0, 8, 5, 0],
        playsByWeekdayAndHour: playsByWeekdayAndHour,
        levels: [.init(level: "free", users: 2, plays: 6), .init(level: "paid", users: 2, plays: 14)],
        topLocations: [
            .init(name: "San Jose-Sunnyvale-Santa Clara, CA", plays: 9), .init(name: "Coeur d'Alene, ID", plays: 6),
            .init(name: nil, plays: 5),
        ],
        topUserAgents: [
            .init(name: "\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36\"",
                  plays: 12),
            .init(name: "<script>alert('x')</script> & more", plays: 8),
        ],
        topUsers: [
            .init(userID: 15, firstName: "Lily", lastName: "Koch", plays: 9),
            .init(userID: 80, firstName: "Jordan", lastName: "O'Neil", plays: 6),
            .init(userID: 26, firstName: "Ryan", lastName: nil, plays: 3),
            .init(userID: 101, firstName: nil, lastName: nil, plays: 2),
        ],
        playsPerDay: [.init(day: "2018-11-01", plays: 8), .init(day: "2018-11-02", plays: 5), .init(day: "2018-11-04", plays: 7)]
    )

    /// A report of an empty warehouse: no plays at all.
    static let empty = WarehouseReport(
        from: "2019-01-01", to: "2019-01-31", top: 10,
        totals: .init(plays: 0, users: 0, songs: 0, artists: 0, matchedPlays: 0, firstPlay: nil, lastPlay: nil, days: 0),
        topSongs: [], topArtists: [], playsByHour: Array(repeating: 0, count: 24), playsByWeekday: Array(repeating: 0, count: 7),
        playsByWeekdayAndHour: Array(repeating: Array(repeating: 0, count: 24), count: 7), levels: [],
        topLocations: [], topUserAgents: [], topUsers: [], playsPerDay: []
    )
}
