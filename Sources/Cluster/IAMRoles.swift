import AWS
import Foundation
import S3Staging

/// IAM's calls for the cluster's role: the role Redshift assumes to read S3, the managed
/// policy `AmazonS3ReadOnlyAccess`, and, when uploads are configured, an inline policy that
/// lets the role read and write the upload prefix.
package struct IAMRoles: Sendable {
    /// Where the calls go.
    package let api: any ClusterAPI
    /// The AWS partition of the ARNs (`aws`, `aws-cn`, `aws-us-gov`).
    package let partition: String

    /// Calls through `api`, for the partition `region` is in.
    package init(api: any ClusterAPI, region: String?) {
        self.api = api
        let region = region ?? ""
        partition = region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws"
    }

    /// The trust policy that lets Redshift assume the role.
    static let trustPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"redshift.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    /// The inline policy's name.
    package static let uploadPolicyName = "sparkify-load-upload"

    /// `AmazonS3ReadOnlyAccess` in this partition.
    package var readOnlyPolicyARN: String { "arn:\(partition):iam::aws:policy/AmazonS3ReadOnlyAccess" }

    /// The inline policy for `location`: list the bucket, read and write below the prefix
    /// (as a folder: `s3://bucket/sparkify` is `sparkify/`).
    package func uploadPolicy(_ location: S3Location) -> String {
        let location = location.asFolder
        let bucket = "arn:\(partition):s3:::\(location.bucket)"
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetBucketLocation"],"Resource":"\#(bucket)"},{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"\#(bucket)/\#(location.key)*"}]}"#
    }

    /// Makes sure the role `name` exists (created with the trust policy when it does not);
    /// returns its ARN, what was done, and whether its trust policy names Redshift.
    package func ensureRole(_ name: String) async throws -> (arn: String, outcome: ClusterStepOutcome, trustsRedshift: Bool) {
        if let role = try await role(name) { return (role.arn, .found, role.trustsRedshift) }
        let response: XMLTree
        do {
            response = try await api.send(ClusterCall(.iam, "CreateRole", [
                ("RoleName", name), ("AssumeRolePolicyDocument", Self.trustPolicy),
                ("Description", "Lets Redshift read S3 for sparkify-load (created by sparkify-load cluster create)"),
            ]))
        } catch let error as AWSError where error.code == "EntityAlreadyExists" {
            if let role = try await role(name) { return (role.arn, .found, role.trustsRedshift) }
            throw error
        }
        guard let arn = response.first("Role")?["Arn"] else {
            throw AWSError(resource: "iam CreateRole", code: "InvalidResponse", message: "the response has no role ARN")
        }
        return (arn, .created, true)
    }

    /// The role `name`'s ARN and whether its trust policy names `redshift.amazonaws.com`, or
    /// nil when there is no such role.
    package func role(_ name: String) async throws -> (arn: String, trustsRedshift: Bool)? {
        let role: XMLTree?
        do {
            role = try await api.send(ClusterCall(.iam, "GetRole", [("RoleName", name)])).first("Role")
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            return nil
        }
        guard let arn = role?["Arn"] else { return nil }
        // IAM returns the document URL-encoded.
        let trust = role?["AssumeRolePolicyDocument"].map { $0.removingPercentEncoding ?? $0 } ?? ""
        return (arn, trust.contains("redshift.amazonaws.com"))
    }

    /// The ARNs of the managed policies attached to the role `name`.
    package func attachedPolicies(_ name: String) async throws -> [String] {
        let response = try await api.send(ClusterCall(.iam, "ListAttachedRolePolicies", [("RoleName", name)]))
        return response.first("AttachedPolicies")?.children.compactMap { $0["PolicyArn"] } ?? []
    }

    /// The names of the role's inline policies.
    package func inlinePolicies(_ name: String) async throws -> [String] {
        let response = try await api.send(ClusterCall(.iam, "ListRolePolicies", [("RoleName", name)]))
        return response.first("PolicyNames")?.children.map(\.text) ?? []
    }

    /// Attaches the managed policy `policyARN` to the role `name` unless it is attached.
    package func ensureAttached(_ name: String, policyARN: String) async throws -> ClusterStepOutcome {
        if try await attachedPolicies(name).contains(policyARN) { return .found }
        _ = try await api.send(ClusterCall(.iam, "AttachRolePolicy", [("RoleName", name), ("PolicyArn", policyARN)]))
        return .created
    }

    /// Sets the inline policy `policyName` of the role `name` to `document` unless it is so.
    package func ensureInlinePolicy(_ name: String, policyName: String, document: String) async throws -> ClusterStepOutcome {
        var outcome = ClusterStepOutcome.created
        do {
            let response = try await api.send(ClusterCall(.iam, "GetRolePolicy", [("RoleName", name), ("PolicyName", policyName)]))
            // IAM returns the document URL-encoded.
            let current = response.first("PolicyDocument").map { $0.text.removingPercentEncoding ?? $0.text } ?? ""
            if Self.sameJSON(current, document) { return .found }
            outcome = .updated
        } catch let error as AWSError where error.code == "NoSuchEntity" {}
        _ = try await api.send(ClusterCall(.iam, "PutRolePolicy", [("RoleName", name), ("PolicyName", policyName), ("PolicyDocument", document)]))
        return outcome
    }

    /// Detaches every managed policy from the role `name`, deletes its inline policies, then
    /// the role; returns the policies it took away, or nil when there was no such role.
    package func deleteRole(_ name: String) async throws -> [String]? {
        guard try await role(name) != nil else { return nil }
        var removed: [String] = []
        for policy in try await attachedPolicies(name) {
            try await ignoringMissing {
                _ = try await api.send(ClusterCall(.iam, "DetachRolePolicy", [("RoleName", name), ("PolicyArn", policy)]))
            }
            removed.append(policy.split(separator: "/").last.map(String.init) ?? policy)
        }
        for policy in try await inlinePolicies(name) {
            try await ignoringMissing {
                _ = try await api.send(ClusterCall(.iam, "DeleteRolePolicy", [("RoleName", name), ("PolicyName", policy)]))
            }
            removed.append(policy)
        }
        try await ignoringMissing { _ = try await api.send(ClusterCall(.iam, "DeleteRole", [("RoleName", name)])) }
        return removed
    }

    /// Runs `body`; what is already gone (`NoSuchEntity`) is no error.
    private func ignoringMissing(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as AWSError where error.code == "NoSuchEntity" {}
    }

    /// Whether two JSON documents hold the same values.
    static func sameJSON(_ first: String, _ second: String) -> Bool {
        let parse = { (text: String) in try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary }
        guard let first = parse(first), let second = parse(second) else { return false }
        return first.isEqual(second)
    }
}
