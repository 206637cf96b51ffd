import ArgumentParser

/// `--timeout`: how long to wait for a cluster, as `20m`, `90s`, `1h`, or a number of minutes.
struct WaitTimeout: ExpressibleByArgument {
    /// The time.
    let duration: Duration

    /// Twenty minutes: a cluster of a few nodes takes five to fifteen.
    static let standard = WaitTimeout(duration: .seconds(20 * 60))

    private init(duration: Duration) {
        self.duration = duration
    }

    init?(argument: String) {
        let units: [(suffix: String, seconds: Int)] = [("h", 3600), ("m", 60), ("s", 1)]
        let unit = units.first { argument.hasSuffix($0.suffix) }
        guard let count = Int(unit == nil ? argument : String(argument.dropLast())), count > 0 else { return nil }
        duration = .seconds(count * (unit?.seconds ?? 60))
    }

    var defaultValueDescription: String { "20m" }
}
