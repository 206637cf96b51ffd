/// A property of the staging reader that an input broke: what, and where.
struct Violation: Error, CustomStringConvertible {
    /// What was expected and what was found, on one line.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
