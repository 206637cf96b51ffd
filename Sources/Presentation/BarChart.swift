import Core

/// A horizontal bar chart as inline SVG, for a top list: one row per entry, its label above
/// its bar, the count at the bar's end, and an axis of plays below. Each row draws one
/// `<rect class="bar">` and one `<text class="label">`.
struct BarChart {
    /// One row: what it counts (raw text from the data) and the count.
    struct Row {
        /// The label, unescaped.
        let label: String
        /// The count.
        let value: Int64
    }

    /// The `id` of the `<svg>`.
    let id: String
    /// What the chart shows, for its `<title>`.
    let title: String
    /// The rows, top first.
    let rows: [Row]

    private static let width = 480.0
    private static let margin = 8.0
    private static let rowHeight = 40.0
    private static let valueRoom = 64.0
    private static let labelColumns = 48

    /// The chart's SVG.
    var svg: String {
        let scale = AxisScale(largest: rows.map(\.value).max() ?? 0)
        let barRoom = Self.width - 2 * Self.margin - Self.valueRoom
        let axisY = Self.margin + Double(rows.count) * Self.rowHeight
        let height = axisY + 40
        var svg = ChartFrame.open(id: id, kind: "bars", title: title, width: Self.width, height: height)
        for tick in scale.ticks {
            let x = SVGNumber.text(Self.margin + scale.fraction(tick) * barRoom)
            svg += "<line class=\"grid\" x1=\"\(x)\" y1=\"\(SVGNumber.text(Self.margin))\" x2=\"\(x)\" y2=\"\(SVGNumber.text(axisY))\"/>\n"
            svg += "<text class=\"tick\" x=\"\(x)\" y=\"\(SVGNumber.text(axisY + 14))\" text-anchor=\"middle\">\(NumberText.grouped(tick))</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let top = Self.margin + Double(index) * Self.rowHeight
            let length = scale.fraction(row.value) * barRoom
            let count = NumberText.grouped(row.value)
            svg += "<text class=\"label\" x=\"\(SVGNumber.text(Self.margin))\" y=\"\(SVGNumber.text(top + 15))\">"
                + "\(Self.label(row.label))</text>\n"
            svg += "<rect class=\"bar\" x=\"\(SVGNumber.text(Self.margin))\" y=\"\(SVGNumber.text(top + 20))\" "
                + "width=\"\(SVGNumber.text(length))\" height=\"12\"><title>\(HTMLText.data(row.label)): \(ReportWording.plays(row.value))</title></rect>\n"
            svg += "<text class=\"value\" x=\"\(SVGNumber.text(Self.margin + length + 5))\" y=\"\(SVGNumber.text(top + 30.5))\">\(count)</text>\n"
        }
        svg += "<text class=\"axis-title\" x=\"\(SVGNumber.text(Self.margin + barRoom / 2))\" y=\"\(SVGNumber.text(axisY + 32))\" "
            + "text-anchor=\"middle\">plays</text>\n"
        return svg + "</svg>"
    }

    /// A label from the data as the chart draws it: control characters escaped, cut with `…`
    /// to what fits above a bar, escaped for HTML. The bar's tooltip and the table beside the
    /// chart keep the whole text.
    private static func label(_ text: String) -> String {
        HTMLText.escaping(DisplayWidth.truncating(MessageText.escaping(text), toWidth: labelColumns, mark: "…"))
    }
}
