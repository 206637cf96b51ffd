import Foundation

extension AWSConfiguration {
    /// Resolves the settings as every AWS tool does.
    ///
    /// - Credentials, the first that has them: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`
    ///   (with `AWS_SESSION_TOKEN`); the profile `AWS_PROFILE` (default `default`) in
    ///   `AWS_SHARED_CREDENTIALS_FILE` (default `~/.aws/credentials`), then in
    ///   `AWS_CONFIG_FILE` (default `~/.aws/config`, sections `[profile NAME]`); the seed's.
    ///   With `anonymous`, none: requests go unsigned.
    /// - Region: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region` in the config file,
    ///   the seed's; else none.
    /// - Endpoints: `AWS_ENDPOINT_URL_<SERVICE>` (`AWS_ENDPOINT_URL_S3`, `_IAM`, `_REDSHIFT`,
    ///   `_EC2`, `_STS`) and `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`
    ///   is `true`.
    ///
    /// Throws one line when a setting is unusable: half a key pair, a profile named by
    /// `AWS_PROFILE` that neither file has, a profile without static keys, an endpoint that
    /// is no http(s) URL, or no credentials anywhere.
    public static func resolve(seed: AWSSeed = AWSSeed(), anonymous: Bool = false,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AWSConfiguration {
        let variable = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let home = variable("HOME") ?? NSHomeDirectory()
        let expand = { (path: String) -> String in path.hasPrefix("~/") ? home + path.dropFirst(1) : path }
        let profileName = variable("AWS_PROFILE") ?? variable("AWS_DEFAULT_PROFILE") ?? "default"
        let profileIsExplicit = variable("AWS_PROFILE") != nil || variable("AWS_DEFAULT_PROFILE") != nil
        let credentialsPath = expand(variable("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials")
        let configPath = expand(variable("AWS_CONFIG_FILE") ?? "~/.aws/config")
        let credentialsFile = try AWSSharedConfigFile.read(credentialsPath)
        let configFile = try AWSSharedConfigFile.read(configPath)
        let profiles = [(credentialsFile, false), (configFile, true)].compactMap { file, isConfig in
            file.flatMap { file in file.profile(profileName, isConfigFile: isConfig).map { (file.path, $0) } }
        }
        if profileIsExplicit && profiles.isEmpty && !anonymous {
            throw AWSError(resource: "AWS_PROFILE", code: "InvalidConfiguration",
                           message: "profile \(profileName) is in neither \(credentialsPath) nor \(configPath)")
        }

        var configuration = AWSConfiguration(credentials: nil, region: nil)
        if !anonymous {
            (configuration.credentials, configuration.credentialSource) = try resolveCredentials(
                variable: variable, profileName: profileName, profiles: profiles, seed: seed,
                searched: [credentialsPath, configPath])
        }
        let configProfile = configFile?.profile(profileName, isConfigFile: true)
        configuration.region = variable("AWS_REGION") ?? variable("AWS_DEFAULT_REGION")
            ?? configProfile?["region"].flatMap { $0.isEmpty ? nil : $0 } ?? seed.region.flatMap { $0.isEmpty ? nil : $0 }
        guard variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.lowercased() != "true" else { return configuration }
        let endpoint = { (name: String) throws -> AWSEndpoint? in
            guard let url = variable(name) else { return nil }
            guard let endpoint = AWSEndpoint(url: url) else {
                throw AWSError(resource: name, code: "InvalidConfiguration", message: "\(url) is not an http:// or https:// URL with a host")
            }
            return endpoint
        }
        configuration.endpointOverride = try endpoint("AWS_ENDPOINT_URL")
        for service in [AWSService.s3, .iam, .redshift, .ec2, .sts] {
            configuration.serviceEndpointOverrides[service.endpointVariableID] = try endpoint("AWS_ENDPOINT_URL_" + service.endpointVariableID)
        }
        return configuration
    }

    private static func resolveCredentials(variable: (String) -> String?, profileName: String, profiles: [(path: String, settings: [String: String])],
                                           seed: AWSSeed, searched: [String]) throws -> (AWSCredentials, AWSCredentialSource) {
        switch (variable("AWS_ACCESS_KEY_ID"), variable("AWS_SECRET_ACCESS_KEY")) {
        case let (id?, secret?):
            return (AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: variable("AWS_SESSION_TOKEN")), .environment)
        case (_?, nil):
            throw AWSError(resource: "AWS_SECRET_ACCESS_KEY", code: "InvalidConfiguration", message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        case (nil, _?):
            throw AWSError(resource: "AWS_ACCESS_KEY_ID", code: "InvalidConfiguration", message: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (nil, nil):
            break
        }
        for (path, settings) in profiles {
            let id = settings["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
            let secret = settings["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
            switch (id, secret) {
            case let (id?, secret?):
                return (AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: settings["aws_session_token"]),
                        .profile(name: profileName, file: path))
            case (_?, nil), (nil, _?):
                throw AWSError(resource: path, code: "InvalidConfiguration",
                               message: "profile \(profileName) has only one of aws_access_key_id and aws_secret_access_key")
            case (nil, nil):
                continue
            }
        }
        let unsupported = ["role_arn", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file", "source_profile"]
        if let (path, settings) = profiles.first(where: { profile in unsupported.contains { profile.settings[$0] != nil } }) {
            let setting = unsupported.first { settings[$0] != nil }!
            throw AWSError(resource: path, code: "InvalidConfiguration",
                           message: "profile \(profileName) gets its keys by \(setting), which this tool does not support; give it aws_access_key_id and aws_secret_access_key, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        }
        if let credentials = seed.credentials { return (credentials, .seed(seed.label)) }
        throw AWSError(resource: "AWS credentials", code: "InvalidConfiguration",
                       message: "none found: not in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, not in profile \(profileName) of \(searched.joined(separator: " or ")), not in \(seed.label)")
    }
}
