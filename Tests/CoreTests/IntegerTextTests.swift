@testable import Core
import Testing

@Suite("Whole numbers in text, as CAST reads them")
struct IntegerTextTests {
    private func value(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { IntegerText.value(of: $0) }
    }

    @Test("Spaces around, a sign, then digits")
    func wholeNumbers() {
        #expect(value("0") == 0)
        #expect(value("  12 ") == 12)
        #expect(value("\t\n-3\r") == -3)
        #expect(value("+40") == 40)
        #expect(value("9223372036854775807") == Int64.max)
        #expect(value("-9223372036854775808") == Int64.min)
    }

    @Test("Anything else is no whole number")
    func notWholeNumbers() {
        for text in ["", " ", "+", "-", "+-1", "1 2", "1.0", "1e3", "0x1F", "٣", "9223372036854775808", "12a"] {
            #expect(value(text) == nil, "\(text)")
        }
    }
}
