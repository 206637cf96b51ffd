import ArgumentParser
import Foundation
import SampleGenerator

/// `sparkify-generate`: writes a synthetic Sparkify data set for tests and benchmarks.
@main
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparkify-generate",
        abstract: "Write a synthetic Sparkify data set in the public layout, the same bytes for the same options.",
        discussion: """
            Song files under song_data/A/B/C/, one JSON Lines log a day under log_data/YYYY/MM/, and \
            log_json_path.json, with the quirks of the real data: signed-out events with "userId": "", \
            users upgrading from free to paid, artists whose songs disagree about them, songs recorded \
            twice, \\/ escapes and quoted user agents, non-ASCII names raw and as \\u escapes, \
            apostrophes, year 0, null coordinates, float registrations, a few lines written twice.
            """
    )

    @Argument(help: ArgumentHelp("Folder to write; must not exist yet.", valueName: "output-dir"))
    var output: String

    @Option(help: "Events in the logs.")
    var events = 10_000

    @Option(help: "Song files.")
    var songs = 1_000

    @Option(help: "Days of logs, one file each, from 2018-11-01.")
    var days = 30

    @Option(help: "Signed-in users (default: one per 100 events, at least 10).")
    var users: Int?

    @Option(help: "Seed of the random choices.")
    var seed: UInt64 = 1

    func validate() throws {
        guard events >= 0, songs >= 1, days >= 1, (users ?? 1) >= 1 else {
            throw ValidationError("--songs, --days and --users must be at least 1, --events at least 0")
        }
        guard !FileManager.default.fileExists(atPath: output) else {
            throw ValidationError("\(output) already exists; choose a new folder")
        }
    }

    func run() throws {
        let options = DataSetGenerator.Options(events: events, songs: songs, days: days, users: users, seed: seed)
        let summary = try DataSetGenerator(options: options).write(to: output)
        print("Wrote \(summary.songFiles) song files and \(summary.eventLines) event lines in \(summary.logFiles) log files to \(output).")
    }
}
