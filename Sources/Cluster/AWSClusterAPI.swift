import AWS

/// The lifecycle's calls sent to AWS (or to the endpoint `AWS_ENDPOINT_URL` names), signed,
/// timed out and retried by ``AWSQueryClient``.
package struct AWSClusterAPI: ClusterAPI {
    /// The credentials, region and endpoints.
    package let configuration: AWSConfiguration
    /// The time limits and retries.
    package let options: AWSClientOptions

    /// Calls with `configuration` and `options`.
    package init(configuration: AWSConfiguration, options: AWSClientOptions = AWSClientOptions()) {
        self.configuration = configuration
        self.options = options
    }

    package func send(_ call: ClusterCall) async throws -> XMLTree {
        try await AWSQueryClient(service: call.service, configuration: configuration, options: options).call(call.action, call.parameters)
    }
}
