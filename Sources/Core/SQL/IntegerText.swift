/// Reads text as a whole number the way `CAST(text AS BIGINT)` does in PostgreSQL and
/// Redshift: surrounding whitespace, an optional sign, then decimal digits.
package enum IntegerText {
    /// The number `text` spells, or `nil` when it spells none or does not fit 64 bits.
    package static func value(of text: UnsafeBufferPointer<UInt8>) -> Int64? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0, end = text.count
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        var digitsStart = start
        if start < end, text[start] == UInt8(ascii: "+") {
            start += 1
            digitsStart = start
        } else if start < end, text[start] == UInt8(ascii: "-") {
            digitsStart = start + 1
        }
        guard digitsStart < end, text[digitsStart..<end].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return JSONNumber.integer(UnsafeBufferPointer(rebasing: text[start..<end]))
    }
}
