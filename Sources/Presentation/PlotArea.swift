/// The frame the column chart and the line chart share: a plot of plays (up the side, from zero)
/// against categories or days (along the bottom), with its grid, its ticks and its axis titles.
struct PlotArea {
    /// The whole chart's width, in its own units.
    static let width = 480.0
    /// The whole chart's height.
    static let height = 240.0
    /// Room to the left of the plot, for the value ticks and the axis title.
    static let left = 48.0
    /// Room to the right.
    static let right = 10.0
    /// Room above.
    static let top = 12.0
    /// Room below, for the labels and the axis title.
    static let bottom = 46.0

    /// The value axis.
    let scale: AxisScale

    /// The plot's width.
    static var plotWidth: Double { width - left - right }
    /// The plot's height.
    static var plotHeight: Double { height - top - bottom }
    /// Where the plot's bottom (zero plays) lies.
    static var baseline: Double { top + plotHeight }

    /// Where `value` lies, down from the chart's top.
    func y(_ value: Int64) -> Double {
        Self.baseline - scale.fraction(value) * Self.plotHeight
    }

    /// The horizontal grid lines and the value ticks, the axis titles: `along` below the plot,
    /// `plays` up its side.
    func axes(along title: String) -> String {
        var svg = ""
        for tick in scale.ticks {
            let y = SVGNumber.text(y(tick))
            svg += "<line class=\"grid\" x1=\"\(SVGNumber.text(Self.left))\" y1=\"\(y)\" x2=\"\(SVGNumber.text(Self.width - Self.right))\" y2=\"\(y)\"/>\n"
            svg += "<text class=\"tick\" x=\"\(SVGNumber.text(Self.left - 6))\" y=\"\(SVGNumber.text(self.y(tick) + 4))\" "
                + "text-anchor=\"end\">\(NumberText.grouped(tick))</text>\n"
        }
        let middle = Self.top + Self.plotHeight / 2
        svg += "<text class=\"axis-title\" x=\"\(SVGNumber.text(Self.left + Self.plotWidth / 2))\" y=\"\(SVGNumber.text(Self.height - 6))\" "
            + "text-anchor=\"middle\">\(HTMLText.escaping(title))</text>\n"
        svg += "<text class=\"axis-title\" x=\"12\" y=\"\(SVGNumber.text(middle))\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 12 \(SVGNumber.text(middle)))\">plays</text>\n"
        return svg
    }

    /// A category's label under `x`: centred, or starting or ending there (`start`, `end`).
    static func label(_ text: String, at x: Double, anchor: String = "middle") -> String {
        "<text class=\"label\" x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(baseline + 15))\" text-anchor=\"\(anchor)\">\(text)</text>\n"
    }
}
