/// An IPv4 range a cluster's port is opened to, such as `203.0.113.7/32`: four numbers of
/// 0–255 and a prefix length of 0–32, with no bits set past the prefix. A bare address means
/// that address alone (`/32`).
package struct IngressCIDR: Sendable, Equatable, CustomStringConvertible {
    /// The range as AWS writes it.
    package let description: String

    /// The range `text` names; throws a one-line reason when it is none.
    package init(_ text: String) throws(IngressCIDRError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { throw IngressCIDRError(text: text, reason: "write an IPv4 range such as 203.0.113.7/32") }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let numbers = octets.compactMap { octet in octet.allSatisfy(\.isASCII) && (1...3).contains(octet.count) ? UInt32(octet) : nil }
        guard octets.count == 4, numbers.count == 4, numbers.allSatisfy({ $0 <= 255 }) else {
            throw IngressCIDRError(text: text, reason: "write an IPv4 range such as 203.0.113.7/32")
        }
        let length: UInt32
        if parts.count == 2 {
            guard parts[1].allSatisfy(\.isASCII), let value = UInt32(parts[1]), value <= 32, (1...2).contains(parts[1].count) else {
                throw IngressCIDRError(text: text, reason: "the prefix length after / must be 0 to 32")
            }
            length = value
        } else {
            length = 32
        }
        let address = numbers.reduce(0) { $0 << 8 | $1 }
        let mask: UInt32 = length == 0 ? 0 : ~0 << (32 - length)
        let network = address & mask
        let canonical = [24, 16, 8, 0].map { String(network >> UInt32($0) & 255) }.joined(separator: ".") + "/\(length)"
        guard network == address else {
            throw IngressCIDRError(text: text, reason: "it has bits set past the prefix: the range is \(canonical)")
        }
        description = canonical
    }

    /// Every address: the port open to the internet.
    package var isEverywhere: Bool { description == "0.0.0.0/0" }
}
