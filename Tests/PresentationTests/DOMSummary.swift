/// What a test reads from a page's DOM, as Chromium serialised it, through Python's HTML
/// parser: for each `<svg class="chart …">` its classes, its `<title>`, how many elements carry
/// each class, and the text of its labels; for each section the rows of its table's body;
/// how many `<script>` elements the page has; and the `data-probe` attribute of `<body>`.
struct DOMSummary: Decodable {
    /// One chart.
    struct Chart: Decodable {
        /// The `<svg>`'s classes.
        let classes: [String]
        /// The text of its `<title>`.
        let title: String
        /// How many of its elements carry each class.
        let counts: [String: Int]
        /// The texts of its `<text class="label">`, in order.
        let labels: [String]

        /// How many of its elements carry `name` among their classes.
        func count(_ name: String) -> Int { counts[name] ?? 0 }
    }

    /// The charts, by id.
    let charts: [String: Chart]
    /// The rows in each section's table body, by the section's id.
    let tableRows: [String: Int]
    /// The `<script>` elements.
    let scripts: Int
    /// The body's `data-probe`, if any.
    let probe: String?

    /// Parses `html`.
    init(html: String) throws {
        self = try Python.json(DOMSummary.self, Self.script, input: html)
    }

    private static let script = #"""
        import json, sys
        from html.parser import HTMLParser

        class Summary(HTMLParser):
            def __init__(self):
                super().__init__()
                self.charts, self.tables, self.scripts, self.probe = {}, {}, 0, None
                self.stack, self.chart, self.section, self.in_body, self.text_target = [], None, None, False, None

            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                classes = (attrs.get("class") or "").split()
                self.stack.append(tag)
                if tag == "script":
                    self.scripts += 1
                if tag == "body":
                    self.probe = attrs.get("data-probe")
                if tag == "section":
                    self.section = attrs.get("id")
                if tag == "svg" and "chart" in classes:
                    self.chart = {"classes": classes, "title": "", "counts": {}, "labels": [], "depth": len(self.stack)}
                    self.charts[attrs.get("id")] = self.chart
                elif self.chart is not None:
                    for name in classes:
                        self.chart["counts"][name] = self.chart["counts"].get(name, 0) + 1
                    if tag == "title" and len(self.stack) == self.chart["depth"] + 1:
                        self.text_target = ("title", None)
                    elif tag == "text" and "label" in classes:
                        self.chart["labels"].append("")
                        self.text_target = ("label", len(self.chart["labels"]) - 1)
                if tag == "tbody":
                    self.in_body = True
                if tag == "tr" and self.in_body:
                    self.tables[self.section] = self.tables.get(self.section, 0) + 1

            def handle_endtag(self, tag):
                while self.stack:
                    top = self.stack.pop()
                    if top == tag:
                        break
                if tag in ("title", "text"):
                    self.text_target = None
                if tag == "svg" and self.chart is not None and len(self.stack) < self.chart["depth"]:
                    self.chart = None
                if tag == "tbody":
                    self.in_body = False

            def handle_data(self, data):
                if self.text_target and self.chart is not None:
                    kind, index = self.text_target
                    if kind == "title":
                        self.chart["title"] += data
                    else:
                        self.chart["labels"][index] += data

        summary = Summary()
        summary.feed(sys.stdin.read())
        for chart in summary.charts.values():
            del chart["depth"]
        print(json.dumps({"charts": summary.charts, "tableRows": summary.tables, "scripts": summary.scripts, "probe": summary.probe}))
        """#
}
