extension ReportPage {
    /// The page's style sheet: system fonts only; colours from custom properties, one set for
    /// light and one for dark schemes; charts that scale to the width they get; the chart and
    /// its table side by side on wide screens, one above the other on narrow ones, where the
    /// charts' text grows to stay legible as they shrink; tables that
    /// wrap long names and scroll sideways when still too wide.
    static let style = """
        :root {
          color-scheme: light dark;
          --background: #ffffff;
          --surface: #f3f4f6;
          --text: #1b1d21;
          --muted: #59606b;
          --grid: #d6dae0;
          --border: #d6dae0;
          --bar: #2a62c9;
          --heat: #c2410c;
          --empty: #eceef1;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --background: #121418;
            --surface: #1e2127;
            --text: #e7e9ec;
            --muted: #a3a9b3;
            --grid: #383d45;
            --border: #383d45;
            --bar: #6fa3ff;
            --heat: #ff9b55;
            --empty: #262a31;
          }
        }
        * { box-sizing: border-box; }
        body {
          margin: 0;
          background: var(--background);
          color: var(--text);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif;
        }
        header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin: 1.2rem 0 0.2rem; }
        h2 { font-size: 1.15rem; margin: 2rem 0 0.6rem; }
        .period, .none, footer { color: var(--muted); }
        .period { margin: 0; }
        footer { font-size: 0.85rem; padding-top: 1rem; padding-bottom: 2rem; }
        dl.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0.6rem; margin: 0; }
        dl.totals div { background: var(--surface); border-radius: 6px; padding: 0.5rem 0.75rem; }
        dt { color: var(--muted); font-size: 0.85rem; }
        dd { margin: 0; font-size: 1.15rem; font-variant-numeric: tabular-nums; overflow-wrap: break-word; }
        .figure { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem; align-items: start; }
        .figure.wide { grid-template-columns: minmax(0, 1fr); }
        @media (max-width: 52rem) { .figure { grid-template-columns: minmax(0, 1fr); } }
        svg.chart { display: block; width: 100%; height: auto; max-width: 44rem; }
        svg text { fill: var(--text); font-size: 12px; }
        svg .tick, svg .axis-title { fill: var(--muted); font-size: 11px; }
        svg.columns .label { font-size: 10px; }
        svg .value { font-variant-numeric: tabular-nums; }
        @media (max-width: 32rem) {
          svg text { font-size: 16px; }
          svg .tick, svg .axis-title { font-size: 14px; }
          svg.columns .label { font-size: 11px; }
        }
        svg .grid { stroke: var(--grid); stroke-width: 1; }
        svg .bar, svg .point { fill: var(--bar); }
        svg .line { fill: none; stroke: var(--bar); stroke-width: 2; stroke-linejoin: round; }
        svg .cell, svg .swatch { fill: var(--heat); }
        svg .cell.empty, svg .swatch.empty { fill: var(--empty); }
        .table-wrap { max-width: 100%; overflow-x: auto; }
        .figure.tall .table-wrap { max-height: 24rem; overflow-y: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 0.3rem; }
        th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; overflow-wrap: break-word; }
        thead th { border-bottom-width: 2px; }
        tbody th { font-weight: normal; }
        .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

        """
}
