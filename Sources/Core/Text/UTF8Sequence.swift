/// The shape of well-formed UTF-8 (RFC 3629, Unicode's table 3-7), one table for every reader
/// of bytes: no overlong forms, no surrogates, nothing past U+10FFFF.
package enum UTF8Sequence {
    /// The range of every continuation byte but a sequence's first.
    package static let continuationBytes: ClosedRange<UInt8> = 0x80...0xBF

    /// For the lead byte of a multi-byte sequence, how many continuation bytes follow it and
    /// the range the first of them must be in; nil for a byte that leads no multi-byte
    /// sequence (ASCII, a continuation byte, `C0`, `C1`, `F5`…`FF`).
    @inline(__always)
    package static func continuation(after lead: UInt8) -> (count: Int, first: ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2...0xDF: (1, continuationBytes)
        case 0xE0: (2, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (2, continuationBytes)
        case 0xED: (2, 0x80...0x9F)
        case 0xF0: (3, 0x90...0xBF)
        case 0xF1...0xF3: (3, continuationBytes)
        case 0xF4: (3, 0x80...0x8F)
        default: nil
        }
    }
}
