/// A long list of objects as a dry run shows it: how many there are and their bytes, with the
/// first few by name, so that a bucket of 50,000 objects is a few comment lines rather than
/// 50,000.
package struct ListingSummary: Sendable {
    /// How many objects are named, at most.
    package static let namedObjects = 5

    /// The objects added.
    package private(set) var count = 0
    /// Their bytes.
    package private(set) var bytes: Int64 = 0
    /// The descriptions of the first ``namedObjects``.
    package private(set) var named: [String] = []

    /// An empty summary.
    package init() {}

    /// Counts one more object of `bytes` bytes, described as `description` if it is among the
    /// first.
    package mutating func add(_ description: @autoclosure () -> String, bytes: Int64) {
        count += 1
        self.bytes += bytes
        if named.count < Self.namedObjects { named.append(description()) }
    }

    /// `--   DESCRIPTION` for each object named, then `--   … and N more` for the others,
    /// everything escaped, so that no name can end a comment.
    package var commentLines: [String] {
        let more = count - named.count
        return (named + (more > 0 ? ["… and \(more) more"] : [])).map { "--   " + MessageText.escaping($0) }
    }
}
