import BackendSQLite
import Core
import Foundation
import Testing
import WarehouseConformance

@Suite("SQLite dialect in SQLite")
struct SQLiteDialectTests {
    /// Evaluates each `expression` (SQLite SQL over the bound `ts`) for every timestamp.
    private func evaluate(_ expressions: [String], over stamps: [Int64]) throws -> [[SQLValue]] {
        let folder = TemporaryFolder()
        let warehouse = SQLiteWarehouse(path: folder.path + "/dialect.db")
        defer { warehouse.close() }
        return try stamps.map { ts in
            try warehouse.query("SELECT " + expressions.map { $0.replacingOccurrences(of: "TS", with: String(ts)) }.joined(separator: ", "))[0]
        }
    }

    @Test("Timestamps and their calendar parts agree with Foundation's ISO-8601 calendar on random instants")
    func calendarParts() throws {
        let dialect = SQLiteDialect()
        var generator = SystemRandomNumberGenerator()
        // From 1900 to 2100, and the days around every new year of this century.
        var stamps = (0..<3000).map { _ in Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator) }
        for year in 2000...2040 {
            let newYear = Int64(DateComponents(calendar: Self.utc, year: year, month: 1, day: 1).date!.timeIntervalSince1970) * 1000
            stamps += (-4...4).map { newYear + $0 * 86_400_000 + Int64.random(in: 0..<86_400_000, using: &generator) }
        }
        let timestamp = dialect.timestampFromEpochMilliseconds("TS")
        let parts: [DatePart] = [.hour, .day, .isoWeek, .month, .year, .weekday]
        let results = try evaluate([timestamp] + parts.map { dialect.datePart($0, of: "(\(timestamp))") }, over: stamps)
        for (ts, row) in zip(stamps, results) {
            let date = Date(timeIntervalSince1970: Double(ts) / 1000)
            let fields = Self.utc.dateComponents([.hour, .day, .weekOfYear, .month, .year, .weekday, .nanosecond], from: date)
            let milliseconds = ((ts % 1000) + 1000) % 1000
            let formatter = DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            let text = formatter.string(from: Date(timeIntervalSince1970: Double((ts - milliseconds) / 1000)))
                + "." + String(format: "%03d", milliseconds)
            let gregorian = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
            let expected: [SQLValue] = [.text(text)] + [
                fields.hour!, fields.day!, fields.weekOfYear!, gregorian.month!, gregorian.year!, gregorian.weekday! - 1,
            ].map { SQLValue.integer(Int64($0)) }
            #expect(row == expected, "ts \(ts)")
        }
    }

    @Test("CAST to an integer reads whole numbers as PostgreSQL does, and fails on anything else, naming it")
    func integerCasts() throws {
        let dialect = SQLiteDialect()
        let cast = { (literal: String, type: ColumnType) in dialect.cast(dialect.quoteLiteral(literal), to: type) }
        let read = try evaluate([" 7 ", "+7", "-7", "\t42\n", "007", "2147483647", "-2147483648"].map { cast($0, .integer) }
                                + [cast("9223372036854775807", .bigInteger), dialect.cast("12", to: .integer)], over: [0])
        #expect(read == [[7, 7, -7, 42, 7, 2_147_483_647, -2_147_483_648, 9_223_372_036_854_775_807, 12].map { SQLValue.integer($0) }])
        for (text, reason) in [("4x", "'4x' is not a whole number"), ("", "'' is not a whole number"), ("1.5", "'1.5' is not a whole number"),
                               ("+-1", "'+-1' is not a whole number"), (" ", "' ' is not a whole number"),
                               ("2147483648", "2147483648 does not fit a 32-bit integer"),
                               ("9223372036854775808", "'9223372036854775808' is not a whole number")] {
            let error = #expect(throws: (any Error).self) { try evaluate([cast(text, .integer)], over: [0]) }
            #expect(String(describing: error).contains(reason), "\(text): \(String(describing: error))")
        }
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
