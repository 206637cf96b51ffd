/// A value axis from zero: its end and a round step between ticks (1, 2 or 5 times a power
/// of ten), the smallest step that keeps the ticks to at most `mostTicks`, the end the first
/// multiple of the step at or past the largest value.
struct AxisScale {
    /// Where the axis ends: at least the largest value, and at least 1.
    let maximum: Int64
    /// The distance between ticks.
    let step: Int64

    /// An axis for values up to `largest`.
    init(largest: Int64, mostTicks: Int = 6) {
        let largest = max(largest, 1)
        var power: Int64 = 1
        while true {
            for factor: Int64 in [1, 2, 5] {
                let step = factor * power
                let count = (largest + step - 1) / step
                if count + 1 <= Int64(mostTicks) {
                    self.step = step
                    self.maximum = count * step
                    return
                }
            }
            power *= 10
        }
    }

    /// The ticks: 0, step, 2 × step, … up to the end.
    var ticks: [Int64] {
        Array(stride(from: Int64(0), through: maximum, by: Int(step)))
    }

    /// Where `value` falls, as a fraction of the axis: 0 at zero, 1 at the end.
    func fraction(_ value: Int64) -> Double {
        Double(min(max(value, 0), maximum)) / Double(maximum)
    }
}
