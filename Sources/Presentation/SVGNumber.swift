/// A coordinate or a length in an SVG attribute: at most one decimal, no trailing `.0`.
enum SVGNumber {
    /// `12`, `12.5`, `-3.2`.
    static func text(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
