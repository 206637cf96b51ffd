/// A chart's numbers as an HTML table, in a box that scrolls sideways when the table is
/// wider than the screen.
struct HTMLTable {
    /// What the table shows, as text.
    let caption: String
    /// The columns.
    let columns: [TableColumn]
    /// The cells, already escaped for HTML, one array per row; the first cell of each row
    /// heads it.
    let rows: [[String]]

    /// The table's HTML.
    var html: String {
        var html = "<div class=\"table-wrap\"><table>\n<caption>\(HTMLText.escaping(caption))</caption>\n<thead><tr>"
        for column in columns {
            html += "<th scope=\"col\"\(column.isNumeric ? " class=\"number\"" : "")>\(HTMLText.escaping(column.heading))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                let numeric = columns[index].isNumeric ? " class=\"number\"" : ""
                html += "<\(tag)\(numeric)>\(cell)</\(index == 0 ? "th" : "td")>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>"
    }
}
