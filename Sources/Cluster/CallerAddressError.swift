/// The caller's address could not be learned.
package struct CallerAddressError: Error, Sendable, CustomStringConvertible {
    /// The service asked.
    let url: String
    /// Why it did not tell.
    let reason: String

    /// `cannot learn your public address from URL: REASON`.
    package var description: String { "cannot learn your public address from \(url): \(reason)" }
}
