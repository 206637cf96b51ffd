/// Calendar arithmetic on the proleptic Gregorian calendar in UTC, for the SQL functions the
/// SQLite backend registers: integer math, exact, and far cheaper than parsing dates per row.
enum SQLiteCalendar {
    /// Days from 1970-01-01 to the date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD HH:MM:SS.SSS` of `milliseconds` after the epoch, or `nil` outside years 0–9999.
    static func timestamp(milliseconds: Int64, into buffer: UnsafeMutablePointer<UInt8>) -> Bool {
        let (days, remainder) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, time) = remainder < 0 ? (days - 1, remainder + 86_400_000) : (days, remainder)
        let date = date(days: day)
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
        return days(year: year, month: month, day: day)
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday.
    static func weekday(days: Int64) -> Int64 {
        ((days + 4) % 7 + 7) % 7
    }

    /// The ISO-8601 week: the week of the year of the Thursday of the date's Monday-to-Sunday week.
    static func isoWeek(days: Int64) -> Int64 {
        let mondayBased = (weekday(days: days) + 6) % 7
        let thursday = days - mondayBased + 3
        let januaryFirst = Self.days(year: date(days: thursday).year, month: 1, day: 1)
        return (thursday - januaryFirst) / 7 + 1
    }
}
