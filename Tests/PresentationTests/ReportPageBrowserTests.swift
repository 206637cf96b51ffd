import Foundation
import Testing
import WarehouseConformance
@testable import Presentation

/// The report page in a real browser: headless Chromium loads the page written for
/// ``HandBuiltReport``, and the tests read the DOM it built, where it laid the charts out
/// (through a probe script added to a copy of the page; the page itself has none), and the
/// pixels of its screenshots, in light and dark schemes, at desktop and phone widths.
@Suite("The report page in headless Chromium", .serialized, .enabled(if: Chromium.isEnabled, Chromium.skipReason))
struct ReportPageBrowserTests {
    /// The light scheme's bar colour, and the dark scheme's (the style sheet's `--bar`).
    static let lightBar = "#2a62c9", darkBar = "#6fa3ff"

    /// Where an element lies, as `getBoundingClientRect` says.
    struct Box: Decodable {
        let left: Double, right: Double, top: Double, bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    /// What the probe script reports.
    struct Probe: Decodable {
        /// A chart and the box of the table beside it.
        struct Chart: Decodable {
            let id: String
            let box: Box
            let table: Box?
        }

        let innerWidth: Double
        let scrollWidth: Double
        let dark: Bool
        let charts: [Chart]
        /// The drawn widths of the top songs' bars, in order.
        let topSongBars: [Double]
    }

    /// The probe: measures the page once loaded, and puts what it found in `<body data-probe>`,
    /// and in a message to the page that frames it, if any.
    static let probeScript = """
        <script>
        const box = element => { const r = element.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
        const report = JSON.stringify({
          innerWidth: innerWidth,
          scrollWidth: document.documentElement.scrollWidth,
          dark: matchMedia('(prefers-color-scheme: dark)').matches,
          charts: [...document.querySelectorAll('svg.chart')].map(svg => {
            const table = svg.parentElement.querySelector('.table-wrap');
            return {id: svg.id, box: box(svg), table: table ? box(table) : null};
          }),
          topSongBars: [...document.querySelectorAll('#top-songs rect.bar')].map(bar => bar.getBoundingClientRect().width),
        });
        document.body.setAttribute('data-probe', report);
        if (parent !== window) parent.postMessage(report, '*');
        </script>
        """

    let folder = TemporaryFolder()

    /// The page, written to the folder; its path.
    func writePage(probed: Bool = false) -> String {
        var html = ReportPage(HandBuiltReport.report).html
        if probed { html = html.replacingOccurrences(of: "</body>", with: Self.probeScript + "\n</body>") }
        let name = probed ? "probed.html" : "report.html"
        folder.write(name, html)
        return folder.path + "/" + name
    }

    /// A page that shows `page` in a frame 390 px wide, as a phone's screen is, and copies the
    /// probe's message into its own `<body data-probe>`. (Headless Chromium's window is at
    /// least 500 px wide, so a frame is how a page gets a narrower viewport.)
    func writePhoneFrame(around page: String) -> String {
        folder.write("phone.html", """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><style>body { margin: 0; background: #ffffff; } iframe { border: 0; display: block; width: 390px; height: 2000px; }</style></head>
            <body><iframe src="\((page as NSString).lastPathComponent)"></iframe>
            <script>addEventListener('message', event => document.body.setAttribute('data-probe', event.data));</script></body></html>
            """)
        return folder.path + "/phone.html"
    }

    @Test("Every chart is in the DOM Chromium built, with one bar, point or cell per row and its labels")
    func charts() throws {
        let dom = try DOMSummary(html: Chromium.dumpDOM(of: writePage(), width: 1280, height: 1600))
        #expect(dom.scripts == 0)
        let expected: [(id: String, kind: String, mark: String, count: Int, labels: [String])] = [
            ("top-songs", "bars", "bar", 5, ["Sehr kosmisch — Harmonia", "Jóga — Björk", "夜に駆ける — YOASOBI", "Clocks — Coldplay",
                                            "Red\\u{1B}[31m alert — Two\\nLines"]),
            ("top-artists", "bars", "bar", 4, ["Harmonia", "Björk", "YOASOBI", "Coldplay"]),
            ("plays-by-hour", "columns", "bar", 24, (0..<24).map(String.init)),
            ("plays-by-weekday", "columns", "bar", 7, ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]),
            ("hour-by-weekday", "heatmap", "cell", 168, ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]),
            ("levels", "bars", "bar", 2, ["free", "paid"]),
            ("top-locations", "bars", "bar", 3, ["San Jose-Sunnyvale-Santa Clara, CA", "Coeur d'Alene, ID", "(not recorded)"]),
            ("top-user-agents", "bars", "bar", 2, ["\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4)…", "<script>alert('x')</script> & more"]),
            ("top-users", "bars", "bar", 4, ["Lily Koch (15)", "Jordan O'Neil (80)", "Ryan (26)", "(no name) (101)"]),
            ("plays-per-day", "line", "point", 4, ["11-01", "11-02", "11-03", "11-04"]),
        ]
        #expect(dom.charts.count == expected.count)
        for chart in expected {
            let found = try #require(dom.charts[chart.id], "no chart \(chart.id)")
            #expect(found.classes == ["chart", chart.kind], "\(chart.id)")
            #expect(!found.title.isEmpty, "\(chart.id) has no title")
            #expect(found.count(chart.mark) == chart.count, "\(chart.id): \(found.count(chart.mark)) \(chart.mark)")
            #expect(found.labels == chart.labels, "\(chart.id)")
            #expect(found.count("axis-title") >= 1, "\(chart.id) has no axis title")
            let rows = chart.id == "hour-by-weekday" ? 7 : chart.count
            #expect(dom.tableRows[chart.id + "-section"] == rows, "\(chart.id)'s table")
        }
        // 8 weekday-and-hour cells have plays; the other 160 are empty.
        #expect(dom.charts["hour-by-weekday"]?.count("empty") == 160 + 1)  // and the legend's empty swatch
        #expect(dom.charts["plays-per-day"]?.count("line") == 1)
    }

    @Test("At desktop width each chart has its table beside it, bars are to scale, and nothing is wider than the window")
    func desktopLayout() throws {
        let dom = try DOMSummary(html: Chromium.dumpDOM(of: writePage(probed: true), width: 1280, height: 1600))
        let probe = try JSONDecoder().decode(Probe.self, from: Data(try #require(dom.probe, "the probe did not run").utf8))
        #expect(probe.innerWidth == 1280)
        #expect(probe.scrollWidth <= 1280)
        #expect(!probe.dark)
        #expect(probe.charts.count == 10)
        for chart in probe.charts {
            let table = try #require(chart.table, "\(chart.id) has no table")
            #expect(chart.box.width > 300 && chart.box.height > 80, "\(chart.id): \(chart.box)")
            if chart.id == "hour-by-weekday" {
                #expect(table.top >= chart.box.bottom, "the heat map's wide table goes below it")
            } else {
                #expect(table.left >= chart.box.right, "\(chart.id)'s table is not beside it")
            }
        }
        // 3, 2, 2, 1, 1 plays on an axis to 3: the bars' lengths go 3 : 2 : 2 : 1 : 1.
        let bars = probe.topSongBars
        #expect(bars.count == 5)
        if bars.count == 5 {
            #expect(abs(bars[0] / bars[3] - 3) < 0.05 && abs(bars[1] / bars[3] - 2) < 0.05)
            #expect(bars[1] == bars[2] && bars[3] == bars[4])
        }
    }

    @Test("At phone width (390 px) the charts fill the width, their tables below, and the page does not scroll sideways")
    func phoneLayout() throws {
        let frame = writePhoneFrame(around: writePage(probed: true))
        let dom = try DOMSummary(html: Chromium.dumpDOM(of: frame, width: 500, height: 2000))
        let probe = try JSONDecoder().decode(Probe.self, from: Data(try #require(dom.probe, "the probe did not report").utf8))
        #expect(probe.innerWidth == 390)
        #expect(probe.scrollWidth <= 390)
        #expect(probe.charts.count == 10)
        for chart in probe.charts {
            #expect(chart.box.width > 320 && chart.box.right <= 390, "\(chart.id): \(chart.box)")
            if let table = chart.table {
                #expect(table.top >= chart.box.bottom && table.right <= 390, "\(chart.id)'s table: \(table)")
            }
        }
    }

    @Test("Screenshots are drawn: light and dark schemes, desktop and phone widths")
    func screenshots() throws {
        let page = writePage()
        let light = folder.path + "/light.png", dark = folder.path + "/dark.png", phone = folder.path + "/phone.png"
        try Chromium.screenshot(of: page, to: light, width: 1280, height: 1000)
        try Chromium.screenshot(of: page, to: dark, width: 1280, height: 1000, dark: true)
        try Chromium.screenshot(of: writePhoneFrame(around: page), to: phone, width: 500, height: 1400)

        let lightPixels = try PNGSummary(path: light, counting: [Self.lightBar, Self.darkBar])
        #expect(lightPixels.width == 1280 && lightPixels.height == 1000)
        #expect(lightPixels.corner == "#ffffff")
        #expect(lightPixels.colours >= 32, "a nearly blank page: \(lightPixels.colours) colours")
        #expect(lightPixels.counts[Self.lightBar, default: 0] > 2000, "no bars drawn")
        #expect(lightPixels.counts[Self.darkBar] == 0)

        let darkPixels = try PNGSummary(path: dark, counting: [Self.lightBar, Self.darkBar])
        #expect(darkPixels.corner == "#121418")
        #expect(darkPixels.colours >= 32, "a nearly blank page: \(darkPixels.colours) colours")
        #expect(darkPixels.counts[Self.darkBar, default: 0] > 2000, "no bars drawn")
        #expect(darkPixels.counts[Self.lightBar] == 0)

        let phonePixels = try PNGSummary(path: phone, right: 390, counting: [Self.lightBar])
        #expect(phonePixels.width == 500)
        #expect(phonePixels.corner == "#ffffff")
        #expect(phonePixels.colours >= 32, "a nearly blank page: \(phonePixels.colours) colours")
        #expect(phonePixels.counts[Self.lightBar, default: 0] > 1000, "no bars drawn")
    }
}
