import ArgumentParser

/// `sparkify-load cluster`: a Redshift cluster for a working session, created and deleted
/// from the same `dwh.cfg` the loads use.
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Create a Redshift cluster from dwh.cfg's [DWH] settings, show it, or delete it and its role.",
        discussion: """
            `create` makes the IAM role, the cluster and the rule that opens its port, then \
            writes [CLUSTER] HOST DB_NAME DB_USER DB_PORT and [IAM_ROLE] ARN into the settings \
            file; `delete` takes it all away again. Both find what exists and go on, so running \
            either again is safe. AWS credentials come from the environment, the AWS profile, \
            or the file's [AWS] KEY and SECRET; AWS_ENDPOINT_URL sends every call elsewhere.
            """,
        subcommands: [ClusterCreate.self, ClusterStatus.self, ClusterDelete.self]
    )
}
