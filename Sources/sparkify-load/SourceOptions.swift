import ArgumentParser
import BackendRedshift
import Core

/// Where the raw JSON is, and how much of it may be malformed.
struct SourceOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "sqlite, postgres: the folder holding song_data/ and log_data/ (.json files at any depth), and optionally log_json_path.json. redshift reads the S3 prefixes of its config instead.",
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

    /// Checks the options against the chosen backend.
    func validate(for backend: Backend) throws {
        guard maxErrors >= 0 else { throw ValidationError("--max-errors must be 0 or more, not \(maxErrors)") }
        if backend.readsLocalFolder {
            guard sourceDirectory != nil else { throw ValidationError("Missing expected argument '<source-dir>'") }
        } else {
            guard sourceDirectory == nil else {
                throw ValidationError("--backend \(backend.rawValue) loads the S3 prefixes of its config, not <source-dir>")
            }
            guard maxErrors <= RedshiftCopy.maximumErrors else {
                throw ValidationError("--max-errors is at most \(RedshiftCopy.maximumErrors) on Redshift")
            }
        }
    }
}
