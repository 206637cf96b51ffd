/// A bar of text for a count, scaled so that the largest count fills the width: Unicode's
/// block elements in eighths of a column (`█▉▊▋▌▍▎▏`), or `#` per column in plain ASCII.
/// A count above zero always shows at least the smallest step, so that it differs from zero.
struct TextBar {
    /// Whether to draw `#` instead of block elements.
    let ascii: Bool

    /// The blocks for one to seven eighths of a column.
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `value` of at most `maximum`, `width` columns long at the maximum.
    func bar(_ value: Int64, of maximum: Int64, width: Int) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let steps = ascii ? width : width * 8
        let filled = max(Int((Double(min(value, maximum)) / Double(maximum) * Double(steps)).rounded()), 1)
        guard !ascii else { return String(repeating: "#", count: filled) }
        let partial = filled % 8
        return String(repeating: "█", count: filled / 8) + (partial > 0 ? String(Self.eighths[partial - 1]) : "")
    }
}
