import Core

/// A ``WarehouseReport`` as one JSON object, for scripts. Its keys, in this order: `totals`
/// {`plays`, `users`, `songs`, `artists`, `matched_plays`, `first_play`, `last_play`, `days`},
/// `top_songs` [{`title`, `artist`, `plays`}], `top_artists` [{`name`, `plays`}],
/// `plays_by_hour` [{`hour`, `plays`}] (all 24), `plays_by_weekday` [{`weekday`, `plays`}]
/// (all 7, 0 = Sunday), `levels` [{`level`, `users`, `plays`}], `top_locations`
/// [{`location`, `plays`}], `top_user_agents` [{`user_agent`, `plays`}], `top_users`
/// [{`user_id`, `first_name`, `last_name`, `plays`}], `plays_per_day` [{`day`, `plays`}].
/// Times are UTC text `YYYY-MM-DD HH:MM:SS.SSS`, days `YYYY-MM-DD`; what was not recorded is
/// `null`.
public struct ReportJSON: Sendable {
    /// The report written.
    public let report: WarehouseReport

    /// The JSON of `report`.
    public init(_ report: WarehouseReport) {
        self.report = report
    }

    /// The object as text: one member per line, each list's elements one per line, ending
    /// with a newline.
    public var text: String {
        var output = "{\n"
        for (index, (key, value)) in members.enumerated() {
            output += "  "
            JSONValue.string(key).write(into: &output)
            output += ": "
            if case .array(let elements) = value, !elements.isEmpty {
                output += "[\n"
                for (position, element) in elements.enumerated() {
                    output += "    "
                    element.write(into: &output)
                    output += position < elements.count - 1 ? ",\n" : "\n"
                }
                output += "  ]"
            } else {
                value.write(into: &output)
            }
            output += index < members.count - 1 ? ",\n" : "\n"
        }
        return output + "}\n"
    }

    /// The object's members, in order.
    var members: [(String, JSONValue)] {
        let totals = report.totals
        return [
            ("totals", .object([
                ("plays", .integer(totals.plays)), ("users", .integer(totals.users)), ("songs", .integer(totals.songs)),
                ("artists", .integer(totals.artists)), ("matched_plays", .integer(totals.matchedPlays)),
                ("first_play", .optional(totals.firstPlay)), ("last_play", .optional(totals.lastPlay)), ("days", .integer(totals.days)),
            ])),
            ("top_songs", .array(report.topSongs.map {
                .object([("title", .string($0.title)), ("artist", .string($0.artist)), ("plays", .integer($0.plays))])
            })),
            ("top_artists", Self.named(report.topArtists, key: "name")),
            ("plays_by_hour", .array((0..<24).map {
                .object([("hour", .integer(Int64($0))), ("plays", .integer(ReportWording.count(report.playsByHour, at: $0)))])
            })),
            ("plays_by_weekday", .array((0..<7).map {
                .object([("weekday", .integer(Int64($0))), ("plays", .integer(ReportWording.count(report.playsByWeekday, at: $0)))])
            })),
            ("levels", .array(report.levels.map {
                .object([("level", .string($0.level)), ("users", .integer($0.users)), ("plays", .integer($0.plays))])
            })),
            ("top_locations", Self.named(report.topLocations, key: "location")),
            ("top_user_agents", Self.named(report.topUserAgents, key: "user_agent")),
            ("top_users", .array(report.topUsers.map {
                .object([("user_id", .integer($0.userID)), ("first_name", .optional($0.firstName)),
                         ("last_name", .optional($0.lastName)), ("plays", .integer($0.plays))])
            })),
            ("plays_per_day", .array(report.playsPerDay.map {
                .object([("day", .string($0.day)), ("plays", .integer($0.plays))])
            })),
        ]
    }

    /// Names and plays as an array of `{key: name, "plays": plays}`.
    private static func named(_ rows: [WarehouseReport.NamedPlays], key: String) -> JSONValue {
        .array(rows.map { .object([(key, .optional($0.name)), ("plays", .integer($0.plays))]) })
    }
}
