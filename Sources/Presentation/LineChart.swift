import Core

/// A line chart as inline SVG, for plays per day: one `<circle class="point">` per calendar
/// day from the first to the last, days without plays at zero, joined by one
/// `<polyline class="line">`; a `<text class="label">` (the day as `MM-DD`) under every
/// day, or under every n-th from the first when more than 7 would crowd the axis.
struct LineChart {
    /// The `id` of the `<svg>`.
    let id: String
    /// What the chart shows, for its `<title>`.
    let title: String
    /// The days in order, each with its plays.
    let days: [(day: String, plays: Int64)]

    /// The most labels the axis holds.
    static let mostLabels = 7

    /// The chart's SVG.
    var svg: String {
        let plot = PlotArea(scale: AxisScale(largest: days.map(\.plays).max() ?? 0))
        let axisTitle = days.first.map { first in
            "day (UTC), \(MessageText.escaping(first.day)) to \(MessageText.escaping(days[days.count - 1].day))"
        } ?? "day (UTC)"
        var svg = ChartFrame.open(id: id, kind: "line", title: title, width: PlotArea.width, height: PlotArea.height)
        svg += plot.axes(along: axisTitle)
        let step = days.count > 1 ? PlotArea.plotWidth / Double(days.count - 1) : 0
        let x = { (index: Int) in days.count > 1 ? PlotArea.left + Double(index) * step : PlotArea.left + PlotArea.plotWidth / 2 }
        let points = days.indices.map { "\(SVGNumber.text(x($0))),\(SVGNumber.text(plot.y(days[$0].plays)))" }
        svg += "<polyline class=\"line\" points=\"\(points.joined(separator: " "))\"/>\n"
        let every = (days.count + Self.mostLabels - 1) / Self.mostLabels
        for (index, day) in days.enumerated() {
            svg += "<circle class=\"point\" cx=\"\(SVGNumber.text(x(index)))\" cy=\"\(SVGNumber.text(plot.y(day.plays)))\" r=\"3\">"
                + "<title>\(HTMLText.data(day.day)): \(ReportWording.plays(day.plays))</title></circle>\n"
            if index % every == 0 {
                // The days at the ends of the axis are labelled inwards, so that they stay inside the chart.
                let anchor = days.count == 1 ? "middle" : index == 0 ? "start" : index == days.count - 1 ? "end" : "middle"
                svg += PlotArea.label(HTMLText.data(String(day.day.dropFirst(5))), at: x(index), anchor: anchor)
            }
        }
        return svg + "</svg>"
    }
}
