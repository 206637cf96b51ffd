import Core

/// The words every form of the report uses alike: section titles, weekday names, what stands
/// in for a value that was not recorded, the period covered. Values from the data come out
/// raw here; each form escapes them its own way.
enum ReportWording {
    /// Sunday … Saturday, index 0 = Sunday, as the report's weekdays count.
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Sun … Sat.
    static let shortWeekdays = weekdays.map { String($0.prefix(3)) }

    /// What stands for a location or a user agent that was not recorded.
    static let notRecorded = "(not recorded)"

    /// What stands for a user without a recorded name.
    static let noName = "(no name)"

    /// An hour as two digits: `00` … `23`.
    static func hour(_ hour: Int) -> String {
        hour < 10 ? "0\(hour)" : "\(hour)"
    }

    /// A user's first and last name, whichever are recorded; ``noName`` when neither is.
    static func name(of user: WarehouseReport.UserPlays) -> String {
        let parts = [user.firstName, user.lastName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? noName : parts.joined(separator: " ")
    }

    /// The period the report covers, in words: `all plays`, `from 2018-11-01 to 2018-11-30`,
    /// `from 2018-11-01`, `up to 2018-11-30`.
    static func period(of report: WarehouseReport) -> String {
        switch (report.from, report.to) {
        case (nil, nil): "all plays"
        case let (from?, to?): "plays from \(from) to \(to)"
        case let (from?, nil): "plays from \(from)"
        case let (nil, to?): "plays up to \(to)"
        }
    }

    /// `42 of 6,820 plays (0.6%)`, or `0 of 0 plays` with no plays.
    static func matched(_ totals: WarehouseReport.Totals) -> String {
        "\(NumberText.grouped(totals.matchedPlays)) \(matchedShare(totals))"
    }

    /// What follows the count of matched plays: `of 6,820 plays (0.6%)`.
    static func matchedShare(_ totals: WarehouseReport.Totals) -> String {
        let share = NumberText.percent(totals.matchedPlays, of: totals.plays).map { " (\($0))" } ?? ""
        return "of \(plays(totals.plays))\(share)"
    }

    /// `1 play`, `6,820 plays`.
    static func plays(_ count: Int64) -> String {
        "\(NumberText.grouped(count)) \(count == 1 ? "play" : "plays")"
    }

    /// The count at `index`, or 0 where the list holds none (a list shorter than the
    /// report's fixed 24 hours or 7 weekdays).
    static func count(_ counts: [Int64], at index: Int) -> Int64 {
        counts.indices.contains(index) ? counts[index] : 0
    }
}
