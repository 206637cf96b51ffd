import Core

/// A label from the data as a chart draws it: control characters escaped, cut with `…` to
/// what fits beside a chart, then escaped for HTML. The chart's `<title>` tooltips and its
/// table keep the whole text.
enum ChartLabel {
    /// The label for `text`, at most `width` columns.
    static func text(_ text: String, width: Int) -> String {
        HTMLText.escaping(DisplayWidth.truncating(MessageText.escaping(text), toWidth: width, mark: "…"))
    }
}
