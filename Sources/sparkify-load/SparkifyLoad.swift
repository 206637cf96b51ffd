import ArgumentParser
import Core
import Foundation

/// The `sparkify-load` command: loads Sparkify's JSON into a star-schema warehouse.
@main
struct SparkifyLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparkify-load",
        abstract: "Load Sparkify's song and event JSON into a star-schema warehouse.",
        usage: """
            sparkify-load [--backend <backend>] [--database <path>] [--max-errors <n>] [--dry-run] <source-dir>
              sparkify-load <subcommand> [<options>]
            """,
        discussion: """
            With no subcommand, runs `load`: creates the tables that are missing, stages every \
            .json file under <source-dir>/song_data and <source-dir>/log_data (a local folder, \
            or an S3 prefix written s3://bucket/prefix), transforms the staged rows into the star \
            schema (songplays, users, songs, artists, time) and checks the result, all in one \
            transaction: a load that fails leaves the warehouse as it was.

            Exit status: 0 on success, 64 for a usage error, 65 when the data is rejected (more \
            malformed records than --max-errors allows, or failed checks), 66 when the source \
            folder or bucket is missing or holds no JSON, 78 when the Redshift settings cannot be \
            used or no AWS credentials are found, 1 for any other failure.

            \(Load.argumentsHelp)
            """,
        version: "0.1.0",
        subcommands: [Load.self, CreateTables.self, ETL.self, Check.self, Loads.self, Report.self, ClusterCommand.self],
        defaultSubcommand: Load.self
    )

    /// Parses the command line and runs the command; every failure is one line on standard
    /// error and an exit status, never a stack trace.
    static func main() {
        // Past `ulimit -f`, a write fails (and the load rolls back) instead of killing us.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            failure.details.forEach { printError($0) }
            printError("error: \(failure.message)")
            terminate(failure.status)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
            } else {
                printError("error: \(message(for: error)) (see `sparkify-load --help`)")
            }
            terminate(status.rawValue)
        }
    }

    /// Writes a line to standard error, with any control character in it escaped: a name or a
    /// value from outside cannot forge a line or drive the terminal.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((MessageText.escaping(line) + "\n").utf8))
    }

    /// Writes `text` to standard output, each of its lines with any control character escaped.
    static func printOutput(_ text: String) {
        print(text.split(separator: "\n", omittingEmptySubsequences: false).map(MessageText.escaping).joined(separator: "\n"))
    }
}

/// Ends the process with `status`.
private func terminate(_ status: Int32) -> Never {
    exit(status)
}
