import ArgumentParser

/// `--dry-run`: print the SQL instead of running it.
struct DryRunOption: ParsableArguments {
    @Flag(help: "Print every SQL statement the job would run, in order, without running it.")
    var dryRun = false
}
