/// Why a text is no IPv4 range.
package struct IngressCIDRError: Error, Sendable, CustomStringConvertible {
    /// The text given.
    let text: String
    /// What is wrong.
    let reason: String

    /// `'TEXT' is not an IPv4 range: REASON`.
    package var description: String { "'\(text)' is not an IPv4 range: \(reason)" }
}
