import AWS
import ArgumentParser
import BackendRedshift
import Core

/// Where the raw JSON is, and how much of it may be malformed.
struct SourceOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "sqlite, postgres: the folder holding song_data/ and log_data/ (.json files at any depth), and optionally log_json_path.json; or an S3 prefix in that layout, s3://bucket[/prefix]. redshift: an S3 prefix in that layout, COPYed from PREFIX/song_data/ and PREFIX/log_data/ (events by [S3] LOG_JSONPATH, else PREFIX/log_json_path.json); or a local folder to upload to [S3] UPLOAD_TO (or --upload-to) and COPY from there; without either, it COPYs the S3 prefixes of its config.",
            valueName: "source-dir"
        ),
        completion: .directory
    )
    var sourceDirectory: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Malformed JSON records each staging table may reject, each reported as FILE:LINE: reason, before the load fails (as Redshift's MAXERROR).",
        valueName: "n"
    ))
    var maxErrors: Int = 0

    @Flag(help: "s3:// sources: send requests unsigned, for public buckets, without looking for AWS credentials (redshift: when asking S3 for the bucket's region).")
    var noSignRequest = false

    @Option(help: ArgumentHelp(
        "redshift with a local <source-dir>: where to upload it, s3://bucket/prefix. (default: [S3] UPLOAD_TO of the config)",
        valueName: "url"
    ))
    var uploadTo: String?

    /// The S3 prefix the source names, when it is an `s3://` URL; throws when it is a
    /// malformed one.
    var s3Location: S3Location? {
        get throws {
            guard let sourceDirectory, Self.isS3URL(sourceDirectory) else { return nil }
            return try S3Location(url: sourceDirectory)
        }
    }

    /// Whether `text` is meant as an S3 URL rather than a local path (a local folder named
    /// `s3:` is written `./s3:…`).
    static func isS3URL(_ text: String) -> Bool {
        text.lowercased().hasPrefix("s3://")
    }

    /// Checks the options against the chosen backend.
    func validate(for backend: Backend) throws {
        guard maxErrors >= 0 else { throw ValidationError("--max-errors must be 0 or more, not \(maxErrors)") }
        let isS3 = sourceDirectory.map(Self.isS3URL) ?? false
        do {
            _ = try s3Location
            if let uploadTo { _ = try S3Location(url: uploadTo) }
        } catch {
            throw ValidationError("\(error)")
        }
        if noSignRequest && !isS3 {
            throw ValidationError("--no-sign-request is for an s3:// source")
        }
        switch backend {
        case .sqlite, .postgres:
            guard sourceDirectory != nil else { throw ValidationError("Missing expected argument '<source-dir>'") }
            if uploadTo != nil { throw ValidationError("--upload-to is for --backend redshift with a local <source-dir>") }
        case .redshift:
            if uploadTo != nil && (sourceDirectory == nil || isS3) {
                throw ValidationError("--upload-to needs a local <source-dir> to upload\(isS3 ? "; an s3:// one is COPYed where it is" : "")")
            }
            guard maxErrors <= RedshiftCopy.maximumErrors else {
                throw ValidationError("--max-errors is at most \(RedshiftCopy.maximumErrors) on Redshift")
            }
        }
    }
}
