/// Numbers as the report and the progress line show them: counts with thousands separators,
/// shares as percentages, sizes in decimal units, durations in seconds or minutes. Sizes
/// are the command line's too (its summaries).
package enum NumberText {
    /// `6,820`; `-1,000`.
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `part` of `whole` as a percentage with one decimal: `0.6%`. Never `0.0%` for a part
    /// above zero, nor `100.0%` for a part short of the whole; `nil` when `whole` is not
    /// positive.
    static func percent(_ part: Int64, of whole: Int64) -> String? {
        guard whole > 0 else { return nil }
        let exact = Double(part) / Double(whole) * 1000
        var permille = Int64(exact.rounded())
        if part > 0 { permille = max(permille, 1) }
        if part < whole { permille = min(permille, 999) }
        return "\(permille / 10).\(permille % 10)%"
    }

    /// `812 B`, `3.4 kB`, `460.2 MB` (powers of 1000).
    package static func bytes(_ count: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB"]
        var value = Double(count)
        var unit = 0
        while value >= 999.95, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : "\(oneDecimal(value)) \(units[unit])"
    }

    /// `0.4 s`, `12.0 s`, `1:05`, `1:02:03`: tenths under a minute, then minutes and seconds.
    static func duration(_ duration: Duration) -> String {
        let components = duration.components
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        if seconds < 59.95 { return "\(oneDecimal(max(seconds, 0))) s" }
        let whole = Int64(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let twoDigits = { (value: Int64) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// `value` (not negative) with one decimal, rounded half up: `3.4`.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        return "\(tenths / 10).\(tenths.magnitude % 10)"
    }
}
