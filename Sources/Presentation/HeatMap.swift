/// A heat map as inline SVG, of plays by weekday (rows, Sunday first) and hour (columns):
/// 7 × 24 `<rect class="cell">`, the more plays the stronger the colour (`cell empty` for
/// none), one `<text class="label">` per weekday, a `<text class="tick">` every third hour
/// (0, 3, … 21), and a legend from zero to the largest count.
struct HeatMap {
    /// The `id` of the `<svg>`.
    let id: String
    /// What the chart shows, for its `<title>`.
    let title: String
    /// `counts[weekday][hour]`; missing entries count as zero.
    let counts: [[Int64]]

    private static let left = 40.0
    private static let top = 26.0
    private static let cell = 18.0
    private static let width = left + 24 * cell + 8

    /// The plays at `weekday` and `hour`.
    func count(weekday: Int, hour: Int) -> Int64 {
        counts.indices.contains(weekday) ? ReportWording.count(counts[weekday], at: hour) : 0
    }

    /// The chart's SVG.
    var svg: String {
        let largest = (0..<7).flatMap { weekday in (0..<24).map { count(weekday: weekday, hour: $0) } }.max() ?? 0
        let gridBottom = Self.top + 7 * Self.cell
        var svg = ChartFrame.open(id: id, kind: "heatmap", title: title, width: Self.width, height: gridBottom + 42)
        svg += "<text class=\"axis-title\" x=\"\(SVGNumber.text(Self.left + 12 * Self.cell))\" y=\"10\" text-anchor=\"middle\">hour of day (UTC)</text>\n"
        for hour in stride(from: 0, to: 24, by: 3) {
            svg += "<text class=\"tick\" x=\"\(SVGNumber.text(Self.left + (Double(hour) + 0.5) * Self.cell))\" y=\"\(SVGNumber.text(Self.top - 4))\" "
                + "text-anchor=\"middle\">\(hour)</text>\n"
        }
        for weekday in 0..<7 {
            let y = Self.top + Double(weekday) * Self.cell
            svg += "<text class=\"label\" x=\"\(SVGNumber.text(Self.left - 6))\" y=\"\(SVGNumber.text(y + 13))\" text-anchor=\"end\">"
                + "\(ReportWording.shortWeekdays[weekday])</text>\n"
            for hour in 0..<24 {
                let plays = count(weekday: weekday, hour: hour)
                svg += "<rect \(Self.fill(plays, of: largest)) x=\"\(SVGNumber.text(Self.left + Double(hour) * Self.cell + 1))\" "
                    + "y=\"\(SVGNumber.text(y + 1))\" width=\"\(SVGNumber.text(Self.cell - 2))\" height=\"\(SVGNumber.text(Self.cell - 2))\">"
                    + "<title>\(ReportWording.weekdays[weekday]) \(ReportWording.hour(hour)):00: \(ReportWording.plays(plays))</title></rect>\n"
            }
        }
        svg += legend(largest: largest, top: gridBottom + 14)
        return svg + "</svg>"
    }

    /// The class, and the strength of the colour, of a cell with `plays` of at most `largest`.
    private static func fill(_ plays: Int64, of largest: Int64) -> String {
        guard plays > 0, largest > 0 else { return "class=\"cell empty\"" }
        return "class=\"cell\" fill-opacity=\"\(opacity(Double(plays) / Double(largest)))\""
    }

    /// `0.15` at the faintest, for the smallest count above zero, to `1` at the largest.
    private static func opacity(_ fraction: Double) -> String {
        let hundredths = Int((15 + 85 * fraction).rounded())
        return hundredths >= 100 ? "1" : "0.\(hundredths < 10 ? "0" : "")\(hundredths)"
    }

    /// Five swatches from faint to strong, between `0` and the largest count.
    private func legend(largest: Int64, top: Double) -> String {
        var svg = "<g class=\"legend\">\n<text class=\"tick\" x=\"\(SVGNumber.text(Self.left - 6))\" y=\"\(SVGNumber.text(top + 11))\" "
            + "text-anchor=\"end\">0</text>\n"
        svg += "<rect class=\"swatch empty\" x=\"\(SVGNumber.text(Self.left))\" y=\"\(SVGNumber.text(top))\" width=\"16\" height=\"14\"/>\n"
        for step in 1...4 {
            svg += "<rect class=\"swatch\" fill-opacity=\"\(Self.opacity(Double(step) / 4))\" x=\"\(SVGNumber.text(Self.left + Double(step) * 18))\" "
                + "y=\"\(SVGNumber.text(top))\" width=\"16\" height=\"14\"/>\n"
        }
        svg += "<text class=\"tick\" x=\"\(SVGNumber.text(Self.left + 5 * 18 + 2))\" y=\"\(SVGNumber.text(top + 11))\">"
            + "\(ReportWording.plays(largest))</text>\n"
        return svg + "</g>\n"
    }
}
