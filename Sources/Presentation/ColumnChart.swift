/// A column chart as inline SVG, for counts over fixed categories (the hours of the day, the
/// weekdays): one `<rect class="bar">` and one `<text class="label">` per category, zeros
/// included, over an axis of plays.
struct ColumnChart {
    /// The `id` of the `<svg>`.
    let id: String
    /// What the chart shows, for its `<title>`.
    let title: String
    /// What the categories are, for the axis below.
    let axisTitle: String
    /// Each category's label under its column (already escaped for HTML).
    let labels: [String]
    /// Each category's name in its column's tooltip (already escaped for HTML).
    let names: [String]
    /// Each category's count.
    let values: [Int64]

    /// The chart's SVG.
    var svg: String {
        let plot = PlotArea(scale: AxisScale(largest: values.max() ?? 0))
        var svg = ChartFrame.open(id: id, kind: "columns", title: title, width: PlotArea.width, height: PlotArea.height)
        svg += plot.axes(along: axisTitle)
        let slot = PlotArea.plotWidth / Double(max(values.count, 1))
        for (index, value) in values.enumerated() {
            let x = PlotArea.left + Double(index) * slot
            let top = plot.y(value)
            svg += "<rect class=\"bar\" x=\"\(SVGNumber.text(x + slot * 0.15))\" y=\"\(SVGNumber.text(top))\" "
                + "width=\"\(SVGNumber.text(slot * 0.7))\" height=\"\(SVGNumber.text(PlotArea.baseline - top))\">"
                + "<title>\(names[index]): \(ReportWording.plays(value))</title></rect>\n"
            svg += PlotArea.label(labels[index], at: x + slot / 2)
        }
        return svg + "</svg>"
    }
}
