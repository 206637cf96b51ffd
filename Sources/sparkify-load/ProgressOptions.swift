import ArgumentParser
import Presentation

/// `--quiet` and `--progress`: whether long steps show a live line on standard error.
struct ProgressOptions: ParsableArguments {
    @Flag(help: "Show no progress line.")
    var quiet = false

    @Flag(help: "Show the progress line even when standard error is not a terminal, or TERM is dumb.")
    var progress = false

    /// The progress line these options ask for (drawn only where it should be).
    func line() -> ProgressLine {
        ProgressLine(quiet: quiet, force: progress)
    }
}
