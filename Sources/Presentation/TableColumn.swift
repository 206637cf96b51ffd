/// A column of a table of the report, in text or in HTML: its heading, and whether it holds
/// numbers (aligned right, and in text never cut).
struct TableColumn {
    /// The heading, as text.
    let heading: String
    /// Whether the column holds numbers.
    let isNumeric: Bool

    /// A column of text.
    static func text(_ heading: String) -> TableColumn { TableColumn(heading: heading, isNumeric: false) }
    /// A column of numbers.
    static func number(_ heading: String) -> TableColumn { TableColumn(heading: heading, isNumeric: true) }
}
