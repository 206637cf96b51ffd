import ArgumentParser

/// The options every `cluster` subcommand takes: the settings file.
struct ClusterOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The settings file: [DWH] describes the cluster, [AWS] KEY SECRET REGION are the AWS keys of last resort. (default: dwh.cfg)",
        valueName: "path"
    ))
    var config = "dwh.cfg"
}
