/// What every chart's SVG starts with: the `<svg>` element, scaled by its viewBox to the
/// width it is given, with its class, id and `<title>`.
enum ChartFrame {
    /// The opening of a chart of `kind` (`bars`, `columns`, `line`, `heatmap`) sized `width`
    /// × `height` in its own units.
    static func open(id: String, kind: String, title: String, width: Double, height: Double) -> String {
        "<svg class=\"chart \(kind)\" id=\"\(id)\" viewBox=\"0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title\">\n"
            + "<title id=\"\(id)-title\">\(HTMLText.escaping(title))</title>\n"
    }
}
