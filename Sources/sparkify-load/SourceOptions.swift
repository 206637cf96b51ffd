import ArgumentParser
import Core

/// Where the raw JSON is, and how much of it may be malformed.
struct SourceOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Folder holding song_data/ and log_data/ (.json files at any depth), and optionally log_json_path.json.",
            valueName: "source-dir"
        ),
        completion: .directory
    )
    var sourceDirectory: String

    @Option(help: ArgumentHelp(
        "Malformed JSON records each staging table may reject, each reported as FILE:LINE: reason, before the load fails (as Redshift's MAXERROR).",
        valueName: "n"
    ))
    var maxErrors: Int = 0

    func validate() throws {
        guard maxErrors >= 0 else { throw ValidationError("--max-errors must be 0 or more, not \(maxErrors)") }
    }

    /// The source folder; throws when there is none at the path.
    func source() throws -> DataSource {
        .folder(try SourceFolder(path: sourceDirectory))
    }
}
