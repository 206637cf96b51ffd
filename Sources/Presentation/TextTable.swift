/// Rows of text in aligned columns, fitted to a width: text columns on the left, cut with an
/// ellipsis when the width runs short; number columns aligned right, never cut; and after the
/// last column a bar for each row's count, as long as the room left allows.
struct TextTable {
    /// The columns.
    let columns: [TableColumn]
    /// The cells, one array per row, as many as there are columns, already escaped.
    let rows: [[String]]
    /// The count each row's bar shows.
    let bars: [Int64]

    /// Spaces before each line.
    static let indent = 2
    /// Spaces between columns.
    static let gap = 2
    /// The fewest columns a bar gets.
    static let narrowestBar = 10
    /// The most columns a bar gets.
    static let widestBar = 32
    /// The fewest columns a text column is cut to.
    static let narrowestText = 6

    /// The table's heading line and its rows, each at most `width` columns (so long as that
    /// leaves each text column ``narrowestText``), without trailing spaces.
    func lines(width: Int, ascii: Bool) -> [String] {
        let natural = columns.indices.map { column in
            ([columns[column].heading] + rows.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
        }
        let textColumns = columns.indices.filter { !columns[$0].isNumeric }
        let fixed = Self.indent + Self.gap * (columns.count - 1)
            + columns.indices.filter { columns[$0].isNumeric }.reduce(0) { $0 + natural[$1] }
        let textWanted = textColumns.reduce(0) { $0 + natural[$1] }
        let barWidth = min(max(width - fixed - Self.gap - textWanted, Self.narrowestBar), Self.widestBar)
        let textRoom = width - fixed - Self.gap - barWidth
        var widths = natural
        for (column, width) in zip(textColumns, Self.share(textRoom, among: textColumns.map { natural[$0] })) {
            widths[column] = width
        }
        let mark = ascii ? "..." : "…"
        let maximum = bars.max() ?? 0
        let bar = TextBar(ascii: ascii)
        let heading = columns.map(\.heading)
        return ([heading] + rows).enumerated().map { index, cells in
            var parts = cells.enumerated().map { column, cell in
                DisplayWidth.padding(DisplayWidth.truncating(cell, toWidth: widths[column], mark: mark),
                                     toWidth: widths[column], alignedLeft: !columns[column].isNumeric)
            }
            if index > 0 { parts.append(bar.bar(bars[index - 1], of: maximum, width: barWidth)) }
            var line = String(repeating: " ", count: Self.indent) + parts.joined(separator: String(repeating: " ", count: Self.gap))
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Widths for columns that want `wanted` columns each and share `room`: each gets what it
    /// wants if all fit; otherwise the widest are cut to one common width, the largest that
    /// fits, and none below ``narrowestText`` (or what it wants, if less).
    static func share(_ room: Int, among wanted: [Int]) -> [Int] {
        guard wanted.reduce(0, +) > room, let widest = wanted.max() else { return wanted }
        var cap = widest
        while cap > narrowestText, wanted.reduce(0, { $0 + min($1, cap) }) > room { cap -= 1 }
        return wanted.map { min($0, cap) }
    }
}
