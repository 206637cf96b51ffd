import AWS

extension AWSSeed {
    /// The AWS keys a `dwh.cfg` holds, as the Sparkify teams' files have them: `[AWS] KEY` and
    /// `SECRET` (both or neither; empty counts as not set), and the region `[AWS] REGION`, else
    /// `[S3] REGION`. `SPARKIFY_AWS_KEY`, `SPARKIFY_AWS_SECRET` and `SPARKIFY_AWS_REGION`
    /// override them. They come after the environment's and the profile's keys (see
    /// `AWSConfiguration.resolve`). Only these sections are read, so the file needs no
    /// `[CLUSTER]` to serve an S3 source.
    public init(configPath path: String, environment: [String: String]) throws(RedshiftSettingsError) {
        let file = try ConfigFile(path: path)
        func value(_ section: String, _ key: String) -> String? {
            file.value(section, key, environment: environment).flatMap { $0.isEmpty ? nil : $0 }
        }
        let credentials: AWSCredentials?
        switch (value("AWS", "KEY"), value("AWS", "SECRET")) {
        case let (key?, secret?):
            credentials = AWSCredentials(accessKeyID: key, secretAccessKey: secret)
        case (nil, nil):
            credentials = nil
        case (_?, nil):
            throw .missing(path, section: "AWS", key: "SECRET", alternatives: ["SPARKIFY_AWS_SECRET"])
        case (nil, _?):
            throw .missing(path, section: "AWS", key: "KEY", alternatives: ["SPARKIFY_AWS_KEY"])
        }
        self.init(credentials: credentials, region: value("AWS", "REGION") ?? value("S3", "REGION"), label: "\(path) [AWS]")
    }
}
