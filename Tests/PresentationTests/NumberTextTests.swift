import Testing
@testable import Presentation

@Suite("Numbers as text")
struct NumberTextTests {
    @Test("Counts have thousands separators")
    func grouped() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(6820) == "6,820")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-1000) == "-1,000")
        #expect(NumberText.grouped(Int64.max) == "9,223,372,036,854,775,807")
    }

    @Test("Shares have one decimal, never 0.0% for some nor 100.0% for not all")
    func percent() {
        #expect(NumberText.percent(42, of: 6820) == "0.6%")      // 0.6158…
        #expect(NumberText.percent(9, of: 20) == "45.0%")
        #expect(NumberText.percent(1, of: 3) == "33.3%")
        #expect(NumberText.percent(2, of: 3) == "66.7%")
        #expect(NumberText.percent(1, of: 100_000) == "0.1%")   // 0.001%, shown as the least above zero
        #expect(NumberText.percent(99_999, of: 100_000) == "99.9%")
        #expect(NumberText.percent(0, of: 5) == "0.0%")
        #expect(NumberText.percent(5, of: 5) == "100.0%")
        #expect(NumberText.percent(0, of: 0) == nil)
    }

    @Test("Sizes in powers of 1000, durations in tenths of a second, then minutes")
    func sizesAndDurations() {
        #expect(NumberText.bytes(812) == "812 B")
        #expect(NumberText.bytes(10_500) == "10.5 kB")
        #expect(NumberText.bytes(999_960) == "1.0 MB")
        #expect(NumberText.bytes(40_000_000) == "40.0 MB")
        #expect(NumberText.duration(.milliseconds(1234)) == "1.2 s")
        #expect(NumberText.duration(.milliseconds(59_940)) == "59.9 s")
        #expect(NumberText.duration(.seconds(75)) == "1:15")
        #expect(NumberText.duration(.seconds(3723)) == "1:02:03")
    }
}
