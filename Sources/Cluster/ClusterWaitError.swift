/// A wait for a cluster that ended without what it waited for.
package struct ClusterWaitError: Error, Sendable, CustomStringConvertible {
    /// The cluster.
    let identifier: String
    /// What happened.
    let reason: String

    /// `cluster ID REASON`.
    package var description: String { "cluster \(identifier) \(reason)" }
}
