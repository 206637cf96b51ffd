import AWS

/// Redshift's calls for one cluster: look it up, create it, delete it.
package struct RedshiftClusters: Sendable {
    /// Where the calls go.
    package let api: any ClusterAPI

    /// Calls through `api`.
    package init(api: any ClusterAPI) {
        self.api = api
    }

    /// DescribeClusters of `identifier`.
    static func describeCall(_ identifier: String) -> ClusterCall {
        ClusterCall(.redshift, "DescribeClusters", [("ClusterIdentifier", identifier)])
    }

    /// CreateCluster with the `[DWH]` values and the role: no `NumberOfNodes` for a single
    /// node; a public address, so that the port opened to the caller reaches it.
    static func createCall(_ settings: ClusterSettings, roleARN: String) -> ClusterCall {
        var parameters: [(name: String, value: String)] = [
            ("ClusterIdentifier", settings.clusterIdentifier),
            ("ClusterType", settings.clusterType.rawValue),
            ("NodeType", settings.nodeType),
        ]
        if settings.clusterType == .multiNode { parameters.append(("NumberOfNodes", String(settings.numberOfNodes))) }
        parameters += [
            ("DBName", settings.databaseName),
            ("MasterUsername", settings.databaseUser),
            ("MasterUserPassword", settings.databasePassword),
            ("Port", String(settings.port)),
            ("IamRoles.IamRoleArn.1", roleARN),
            ("PubliclyAccessible", "true"),
        ]
        return ClusterCall(.redshift, "CreateCluster", parameters)
    }

    /// DeleteCluster of `identifier`, with a final snapshot named `finalSnapshot`, else none.
    static func deleteCall(_ identifier: String, finalSnapshot: String?) -> ClusterCall {
        guard let finalSnapshot else {
            return ClusterCall(.redshift, "DeleteCluster", [("ClusterIdentifier", identifier), ("SkipFinalClusterSnapshot", "true")])
        }
        return ClusterCall(.redshift, "DeleteCluster", [("ClusterIdentifier", identifier), ("SkipFinalClusterSnapshot", "false"),
                                                         ("FinalClusterSnapshotIdentifier", finalSnapshot)])
    }

    /// The cluster `identifier`, or nil when there is none.
    package func describe(_ identifier: String) async throws -> ClusterDescription? {
        do {
            let response = try await api.send(Self.describeCall(identifier))
            return response.first("Clusters")?.children.lazy.compactMap(ClusterDescription.init).first
        } catch let error as AWSError where error.code == "ClusterNotFound" {
            return nil
        }
    }

    /// Creates the cluster `settings` describe, able to assume `roleARN`; returns it as
    /// Redshift describes it then (`creating` on AWS).
    package func create(_ settings: ClusterSettings, roleARN: String) async throws -> ClusterDescription {
        let call = Self.createCall(settings, roleARN: roleARN)
        let response = try await api.send(call)
        guard let cluster = response.first("Cluster").flatMap(ClusterDescription.init) else {
            throw AWSError(resource: "redshift CreateCluster", code: "InvalidResponse", message: "the response describes no cluster")
        }
        return cluster
    }

    /// Deletes the cluster `identifier`; false when there was none.
    package func delete(_ identifier: String, finalSnapshot: String?) async throws -> Bool {
        do {
            _ = try await api.send(Self.deleteCall(identifier, finalSnapshot: finalSnapshot))
            return true
        } catch let error as AWSError where error.code == "ClusterNotFound" {
            return false
        }
    }
}
