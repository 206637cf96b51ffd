import Core

/// Everything the Redshift backend needs from `dwh.cfg`, in the format Sparkify teams already
/// have: `[CLUSTER] HOST DB_NAME DB_USER DB_PASSWORD DB_PORT` (and optionally `SSLMODE`),
/// `[IAM_ROLE] ARN`, `[S3] LOG_DATA LOG_JSONPATH SONG_DATA` (and optionally `REGION`, and
/// `UPLOAD_TO`, where a local folder is uploaded to). The `[S3]` data keys are needed only to
/// load from S3 without a local folder; set one, and all three are needed.
///
/// Each value can be overridden by the environment variable `SPARKIFY_<SECTION>_<KEY>`, such
/// as `SPARKIFY_CLUSTER_DB_PASSWORD`. A password missing from `[CLUSTER]` is the cluster's
/// own, `[DWH] DWH_DB_PASSWORD`, which `sparkify-load cluster create` reads and never copies.
/// Cluster settings missing from all of these fall back to libpq's own variables (`PGHOST`,
/// `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSSLMODE`, `PGCONNECT_TIMEOUT`), as libpq
/// users expect.
public struct RedshiftSettings: Sendable {
    /// The settings libpq connects with. The password is among them: never print them.
    let connection: [(String, String)]
    /// The IAM role COPY reads S3 as.
    public let iamRole: String
    /// Where the data is (`[S3] LOG_DATA LOG_JSONPATH SONG_DATA`); nil when none of them is
    /// set, as a load of a local folder, uploaded first, needs none.
    public let s3: RedshiftCopySource?
    /// Where a local folder is uploaded to (`[S3] UPLOAD_TO`), `s3://bucket/prefix`, if set.
    public let uploadTo: String?
    /// The region of the data's bucket (`[S3] REGION`), when it is configured.
    public let region: String?
    /// The cluster's AWS region, read from its host name
    /// (`NAME.ID.REGION.redshift.amazonaws.com`, or `redshift-serverless`); nil for another host.
    public let clusterRegion: String?
    /// The settings file, for messages.
    private let configPath: String
    /// Where the cluster is, for messages: `database on host:port`, no secrets.
    public let endpoint: String

    /// Reads the file at `path`, with overrides from `environment`.
    public init(configPath path: String, environment: [String: String]) throws(RedshiftSettingsError) {
        let file = try ConfigFile(path: path)
        func value(_ section: String, _ key: String) -> String? {
            file.value(section, key, environment: environment)
        }
        func required(_ section: String, _ key: String, orLibPQ variable: String? = nil) throws(RedshiftSettingsError) -> String? {
            if let value = value(section, key), !value.isEmpty { return value }
            if let variable, environment[variable] != nil { return nil }
            throw .missing(path, section: section, key: key, alternatives: ["SPARKIFY_\(section)_\(key)"] + (variable.map { [$0] } ?? []))
        }
        func check(_ section: String, _ key: String, _ value: String?, _ isValid: (String) -> Bool, _ reason: String) throws(RedshiftSettingsError) {
            if let value, !isValid(value) {
                throw .invalid(path, section: section, key: key, reason: "\(reason), not '\(value)'")
            }
        }

        let host = try required("CLUSTER", "HOST", orLibPQ: "PGHOST")
        let database = try required("CLUSTER", "DB_NAME", orLibPQ: "PGDATABASE")
        let user = try required("CLUSTER", "DB_USER", orLibPQ: "PGUSER")
        let password = value("CLUSTER", "DB_PASSWORD") ?? value("DWH", "DWH_DB_PASSWORD")
        let port = value("CLUSTER", "DB_PORT") ?? (environment["PGPORT"] == nil ? "5439" : nil)
        try check("CLUSTER", "DB_PORT", port, { UInt16($0).map { $0 > 0 } ?? false }, "must be a port number")
        let sslMode = value("CLUSTER", "SSLMODE") ?? (environment["PGSSLMODE"] == nil ? "require" : nil)
        try check("CLUSTER", "SSLMODE", sslMode, Self.sslModes.contains, "must be one of \(Self.sslModes.joined(separator: ", "))")

        let arn = try required("IAM_ROLE", "ARN")!
        try check("IAM_ROLE", "ARN", arn, { $0.hasPrefix("arn:") && $0.contains(":role/") }, "must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)")
        let isS3URI = { (uri: String) in uri.hasPrefix("s3://") && uri.count > 5 }
        let dataKeys = ["LOG_DATA", "LOG_JSONPATH", "SONG_DATA"]
        var s3: [String: String] = [:]
        if dataKeys.contains(where: { !(value("S3", $0) ?? "").isEmpty }) {
            for key in dataKeys {
                let uri = try required("S3", key)!
                try check("S3", key, uri, isS3URI, "must be an s3:// URI")
                s3[key] = uri
            }
        }
        let uploadTo = value("S3", "UPLOAD_TO").flatMap { $0.isEmpty ? nil : $0 }
        try check("S3", "UPLOAD_TO", uploadTo, isS3URI, "must be an s3:// URI")
        let region = value("S3", "REGION") ?? value("CLUSTER", "REGION")
        try check("S3", "REGION", region, Self.isRegion, "must be an AWS region such as us-west-2")

        var connection: [(String, String)] = []
        for (keyword, setting) in [("host", host), ("port", port), ("dbname", database), ("user", user),
                                   ("password", password), ("sslmode", sslMode)] {
            if let setting { connection.append((keyword, setting)) }
        }
        if environment["PGCONNECT_TIMEOUT"] == nil { connection.append(("connect_timeout", "15")) }
        connection.append(("application_name", "sparkify-load"))
        self.connection = connection
        self.iamRole = arn
        self.s3 = s3.isEmpty ? nil : RedshiftCopySource(songData: s3["SONG_DATA"]!, logData: s3["LOG_DATA"]!, logJSONPaths: s3["LOG_JSONPATH"]!, region: region)
        self.uploadTo = uploadTo
        self.region = region
        self.clusterRegion = (host ?? environment["PGHOST"]).flatMap(Self.region(ofHost:))
        self.configPath = path
        self.endpoint = "\(database ?? environment["PGDATABASE"] ?? "?") on \(host ?? environment["PGHOST"] ?? "?"):\(port ?? environment["PGPORT"] ?? "?")"
    }

    /// Where the data is, or the error naming the first `[S3]` key a load from S3 needs.
    public func copySource() throws(RedshiftSettingsError) -> RedshiftCopySource {
        guard let s3 else {
            throw .noS3Data(configPath)
        }
        return s3
    }

    /// The region in a Redshift host name: the label before `redshift.amazonaws.com` or
    /// `redshift-serverless.amazonaws.com` (`.cn` included).
    static func region(ofHost host: String) -> String? {
        let labels = host.lowercased().split(separator: ".").map(String.init)
        guard let service = labels.firstIndex(where: { $0 == "redshift" || $0 == "redshift-serverless" }), service > 0,
              labels[(service + 1)...].starts(with: ["amazonaws"]) else { return nil }
        let region = labels[service - 1]
        return isRegion(region) ? region : nil
    }

    private static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    private static func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isLowercase || $0.isNumber } }
            && parts.last!.allSatisfy(\.isNumber)
    }
}
