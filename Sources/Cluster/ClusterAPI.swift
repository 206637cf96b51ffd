import AWS

/// Where the lifecycle's calls go: AWS (``AWSClusterAPI``), or nowhere, listing them
/// (``DryRunClusterAPI``).
package protocol ClusterAPI: Sendable {
    /// Makes `call` and returns the response's root element; throws its `AWSError`.
    func send(_ call: ClusterCall) async throws -> XMLTree
}
