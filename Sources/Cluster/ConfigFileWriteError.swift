/// The settings file could not be rewritten; it is as it was.
package struct ConfigFileWriteError: Error, Sendable, CustomStringConvertible {
    /// The file.
    let path: String
    /// Why.
    let reason: String

    /// `PATH: cannot write: REASON (it is unchanged)`.
    package var description: String { "\(path): cannot write: \(reason) (it is unchanged)" }
}
