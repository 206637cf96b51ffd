/// Converts the text of a JSON number (already checked against JSON's grammar) to a value.
enum JSONNumber {
    /// The whole number written as `-?digits`, or `nil` when it does not fit 64 bits.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let isNegative = bytes[0] == UInt8(ascii: "-")
        if isNegative { index = 1 }
        var magnitude: UInt64 = 0
        while index < bytes.count {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[index] &- UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            index += 1
        }
        if isNegative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// What a number written in decimal is as a whole number, decided on its digits.
    enum WholeValue: Equatable {
        /// Exactly this whole number.
        case whole(Int64)
        /// Not a whole number: some digit after the point is not zero.
        case fraction
        /// A whole number beyond 64 bits.
        case tooLarge
    }

    /// The number (already checked against JSON's grammar) as a whole number, exactly: its
    /// digits times a power of ten, the zeros at either end dropped, with no double involved.
    /// `isPlainInteger` says the scanner found it written as `-?digits`, with no fraction or
    /// exponent, as data nearly always writes whole numbers: those are read at once, without
    /// the buffer of digits that a fraction or an exponent needs.
    static func wholeValue(_ bytes: UnsafeBufferPointer<UInt8>, isPlainInteger: Bool) -> WholeValue {
        if isPlainInteger {
            return integer(bytes).map(WholeValue.whole) ?? .tooLarge
        }
        var index = 0
        let isNegative = bytes[0] == UInt8(ascii: "-")
        if isNegative { index = 1 }
        // The significant digits (without leading zeros) and the power of ten they are scaled by.
        var digits: [UInt8] = []
        var scale = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte | 0x20 == UInt8(ascii: "e") {
                break
            } else {
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                if seenPoint { scale -= 1 }
            }
            index += 1
        }
        if index < bytes.count {
            index += 1
            var sign = 1
            if bytes[index] == UInt8(ascii: "-") { sign = -1; index += 1 } else if bytes[index] == UInt8(ascii: "+") { index += 1 }
            // Exponents beyond a million decide nothing more: saturate there.
            var exponent = 0
            while index < bytes.count {
                exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            scale += sign * exponent
        }
        while digits.last == 0 {
            digits.removeLast()
            scale += 1
        }
        guard !digits.isEmpty else { return .whole(0) }
        guard scale >= 0 else { return .fraction }
        guard digits.count + scale <= 19 else { return .tooLarge }
        var magnitude: UInt64 = 0
        for digit in digits + Array(repeating: 0, count: scale) {
            magnitude = magnitude * 10 + UInt64(digit)
        }
        if isNegative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return .tooLarge }
            return .whole(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { return .tooLarge }
        return .whole(Int64(magnitude))
    }

    /// The double nearest to the number, correctly rounded. Numbers of up to 15 significant
    /// digits and a small exponent (nearly all data) are converted exactly with one
    /// multiplication or division (Clinger's fast path); the rest go to the standard library.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        var index = 0
        let isNegative = bytes[0] == UInt8(ascii: "-")
        if isNegative { index = 1 }
        var mantissa: UInt64 = 0
        var exponent = 0
        var exact = true
        var seenPoint = false
        scan: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if mantissa < (1 << 53) / 10 {
                    mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                    if seenPoint { exponent -= 1 }
                } else {
                    exact = false
                }
            case UInt8(ascii: "."):
                seenPoint = true
            default:
                break scan
            }
            index += 1
        }
        if exact, index < bytes.count {
            // An exponent: e, optional sign, digits.
            index += 1
            var sign = 1
            if bytes[index] == UInt8(ascii: "-") { sign = -1; index += 1 } else if bytes[index] == UInt8(ascii: "+") { index += 1 }
            var value = 0
            while index < bytes.count, value < 1000 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            exponent += sign * value
            if index < bytes.count { exact = false }
        }
        if exact, (-22...22).contains(exponent) {
            let magnitude = exponent < 0 ? Double(mantissa) / powersOfTen[-exponent] : Double(mantissa) * powersOfTen[exponent]
            return isNegative ? -magnitude : magnitude
        }
        return Double(String(decoding: bytes, as: UTF8.self)) ?? .nan
    }

    /// 10⁰ … 10²², all exact in a double.
    private static let powersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }
}
