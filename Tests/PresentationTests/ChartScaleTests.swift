import Testing
@testable import Presentation

@Suite("Chart axes and days")
struct ChartScaleTests {
    @Test("An axis ends at the first round step past the largest value, with at most 6 ticks")
    func axis() {
        let cases: [(largest: Int64, maximum: Int64, step: Int64)] = [
            (0, 1, 1), (1, 1, 1), (3, 3, 1), (5, 5, 1), (6, 6, 2), (7, 8, 2), (14, 15, 5), (15, 15, 5),
            (26, 30, 10), (6820, 8000, 2000),
        ]
        for (largest, maximum, step) in cases {
            let scale = AxisScale(largest: largest)
            #expect(scale.maximum == maximum && scale.step == step, "\(largest): \(scale.maximum) by \(scale.step)")
        }
        #expect(AxisScale(largest: 7).ticks == [0, 2, 4, 6, 8])
        #expect(AxisScale(largest: 7).fraction(2) == 0.25)
    }

    @Test("Days are counted from 1970-01-01 and back, leap years included")
    func days() {
        #expect(CalendarDay("1970-01-01")?.number == 0)
        #expect(CalendarDay("2018-11-01")?.number == 17_836)      // 48 years of 365 days, 12 leap days, then 304 days to November
        #expect(CalendarDay("2000-03-01")?.number == 11_017)
        #expect(CalendarDay("1969-12-31")?.number == -1)
        #expect(CalendarDay("2016-02-29") != nil)
        #expect(CalendarDay("2018-02-29") == nil)
        #expect(CalendarDay("2018-13-01") == nil)
        #expect(CalendarDay("2018-1-01") == nil)
        #expect(CalendarDay(number: 17_836).text == "2018-11-01")
        #expect(CalendarDay(number: 17_836 + 60).text == "2018-12-31")
        #expect(CalendarDay(number: 17_836 + 61).text == "2019-01-01")
        #expect(CalendarDay(number: 11_016).text == "2000-02-29")
    }

    @Test("A series of days gets the missing days between its first and last, at zero")
    func filling() {
        let filled = CalendarDay.filling([("2018-11-30", 3), ("2018-12-02", 5)])
        #expect(filled.map(\.day) == ["2018-11-30", "2018-12-01", "2018-12-02"])
        #expect(filled.map(\.plays) == [3, 0, 5])
        #expect(CalendarDay.filling([]).isEmpty)
        let unordered = CalendarDay.filling([("2018-12-02", 5), ("2018-11-30", 3)])
        #expect(unordered.map(\.day) == ["2018-12-02", "2018-11-30"])
    }
}
