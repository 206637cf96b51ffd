import Core

/// A day of the proleptic Gregorian calendar, as `YYYY-MM-DD` text and as a count of days
/// since 1970-01-01, so that a series of days can be laid out on a time axis.
struct CalendarDay: Hashable, Comparable {
    /// Days since 1970-01-01.
    let number: Int

    /// The day `text` names (`2018-11-05`); `nil` when it names none.
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Self.length(ofMonth: month, year: year)).contains(day) else { return nil }
        number = Int(CivilCalendar.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// The day `number` days after 1970-01-01.
    init(number: Int) {
        self.number = number
    }

    /// The day as `YYYY-MM-DD`.
    var text: String {
        let (year, month, day) = CivilCalendar.date(days: Int64(number))
        let pad = { (value: Int64, digits: Int) in String(repeating: "0", count: max(digits - String(value).count, 0)) + String(value) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func < (left: CalendarDay, right: CalendarDay) -> Bool {
        left.number < right.number
    }

    /// Every day from the first of `days` to the last, each with its plays, zero for the days
    /// missing from `days`; `days` as they are when one does not name a day or they are out
    /// of order.
    static func filling(_ days: [(day: String, plays: Int64)]) -> [(day: String, plays: Int64)] {
        let parsed = days.map { CalendarDay($0.day) }
        guard let first = parsed.first.flatMap({ $0 }), let last = parsed.last.flatMap({ $0 }),
              parsed.allSatisfy({ $0 != nil }), zip(parsed, parsed.dropFirst()).allSatisfy({ $0! < $1! }) else { return days }
        var plays: [Int: Int64] = [:]
        for (day, row) in zip(parsed, days) { plays[day!.number] = row.plays }
        return (first.number...last.number).map { (CalendarDay(number: $0).text, plays[$0] ?? 0) }
    }

    private static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
