import Core

/// Calendar arithmetic on the proleptic Gregorian calendar in UTC, for the SQL functions the
/// SQLite backend registers: integer math (Core's ``CivilCalendar``), exact, and far cheaper
/// than parsing dates per row.
enum SQLiteCalendar {
    /// `YYYY-MM-DD HH:MM:SS.SSS` of `milliseconds` after the epoch, or `nil` outside years 0–9999.
    static func timestamp(milliseconds: Int64, into buffer: UnsafeMutablePointer<UInt8>) -> Bool {
        let (days, remainder) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, time) = remainder < 0 ? (days - 1, remainder + 86_400_000) : (days, remainder)
        let date = CivilCalendar.date(days: day)
        guard (0...9999).contains(date.year) else { return false }
        var position = 0
        func put(_ value: Int64, digits: Int) {
            var value = value
            for index in stride(from: digits - 1, through: 0, by: -1) {
                buffer[position + index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            position += digits
        }
        func separator(_ character: Character) {
            buffer[position] = character.asciiValue!
            position += 1
        }
        put(date.year, digits: 4); separator("-"); put(date.month, digits: 2); separator("-"); put(date.day, digits: 2)
        separator(" "); put(time / 3_600_000, digits: 2); separator(":"); put(time / 60_000 % 60, digits: 2)
        separator(":"); put(time / 1000 % 60, digits: 2); separator("."); put(time % 1000, digits: 3)
        return true
    }

    /// Days from 1970-01-01 to the date a timestamp text starts with (`YYYY-MM-DD`), or `nil`.
    static func days(ofTimestamp text: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard text.count >= 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday.
    static func weekday(days: Int64) -> Int64 {
        ((days + 4) % 7 + 7) % 7
    }

    /// The ISO-8601 week: the week of the year of the Thursday of the date's Monday-to-Sunday week.
    static func isoWeek(days: Int64) -> Int64 {
        let mondayBased = (weekday(days: days) + 6) % 7
        let thursday = days - mondayBased + 3
        let januaryFirst = CivilCalendar.days(year: CivilCalendar.date(days: thursday).year, month: 1, day: 1)
        return (thursday - januaryFirst) / 7 + 1
    }
}
