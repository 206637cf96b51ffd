@testable import Core
import Testing

@Suite("Numbers from JSON text")
struct JSONNumberTests {
    private func double(_ text: String) -> Double {
        Array(text.utf8).withUnsafeBufferPointer(JSONNumber.double)
    }

    private func integer(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer(JSONNumber.integer)
    }

    @Test("Whole numbers to the edges of 64 bits, and no further")
    func integers() {
        #expect(integer("0") == 0)
        #expect(integer("-0") == 0)
        #expect(integer("1541105830796") == 1_541_105_830_796)
        #expect(integer("9223372036854775807") == Int64.max)
        #expect(integer("-9223372036854775808") == Int64.min)
        #expect(integer("9223372036854775808") == nil)
        #expect(integer("-9223372036854775809") == nil)
        #expect(integer("18446744073709551616") == nil)
    }

    /// The whole value of `text`, told as the scanner would whether it is plain `-?digits`.
    private func whole(_ text: String) -> JSONNumber.WholeValue {
        let isPlainInteger = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        return Array(text.utf8).withUnsafeBufferPointer { JSONNumber.wholeValue($0, isPlainInteger: isPlainInteger) }
    }

    @Test("Whole numbers are decided on the decimal digits, not through a double", arguments: [
        ("1.0", JSONNumber.WholeValue.whole(1)), ("1e3", .whole(1000)), ("1.5e1", .whole(15)), ("100e-2", .whole(1)),
        ("-2.50e1", .whole(-25)), ("0e-400", .whole(0)), ("-0.0", .whole(0)), ("0.000", .whole(0)),
        ("1.0000000000000000001", .fraction), ("1e-400", .fraction), ("0.5", .fraction), ("12345e-4", .fraction),
        ("9223372036854775807.0", .whole(Int64.max)), ("-9.223372036854775808e18", .whole(Int64.min)),
        ("9.223372036854775808e18", .tooLarge), ("1e19", .tooLarge), ("1e400", .tooLarge), ("1e999999999999", .tooLarge),
        // Plain digits, read at once.
        ("0", .whole(0)), ("-0", .whole(0)), ("1541105830796", .whole(1_541_105_830_796)), ("-17", .whole(-17)),
        ("9223372036854775807", .whole(Int64.max)), ("-9223372036854775808", .whole(Int64.min)),
        ("9223372036854775808", .tooLarge), ("-9223372036854775809", .tooLarge), ("123456789012345678901234", .tooLarge),
    ])
    func wholeValues(text: String, expected: JSONNumber.WholeValue) {
        #expect(whole(text) == expected)
    }

    @Test("Doubles round exactly as the standard library does, on the fast path and off it", arguments: [
        "655.77751", "1540919166796.0", "0.001", "-118.24532", "1e22", "1e23", "123456789012345678",
        "0.1e-5", "4.9e-324", "1.7976931348623157e308", "2.2250738585072014e-308", "-0.0", "3.0000000000000004",
    ])
    func doubles(text: String) {
        #expect(double(text).bitPattern == Double(text)!.bitPattern)
    }

    @Test("Random decimals of every length round as the standard library does")
    func randomDoubles() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = (0..<Int.random(in: 1...20, using: &generator)).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let point = Int.random(in: 0...digits.count, using: &generator)
            var text = digits
            if point < digits.count { text.insert(".", at: text.index(text.startIndex, offsetBy: max(point, 1))) }
            if Bool.random(using: &generator) { text += "e\(Int.random(in: -30...30, using: &generator))" }
            #expect(double(text).bitPattern == Double(text)!.bitPattern, "\(text)")
        }
    }
}
