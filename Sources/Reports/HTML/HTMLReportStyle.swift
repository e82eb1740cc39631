/// The inline stylesheet of `report.html`: system fonts, a header band, count cards, zebra tables,
/// and print rules (no band colour wasted on paper, tables not split mid-row).
enum HTMLReportStyle {
    static let css = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --band: #12355b; --accent: #1f6feb;
          --ok: #1a7f37; --bad: #b42318; --warn: #9a6700; --zebra: #f5f7fa; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 system-ui, -apple-system,
          "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
        header.band { background: var(--band); color: #fff; padding: 22px 40px 18px; }
        header.band h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; letter-spacing: .2px; }
        header.band p { margin: 0; color: #c9d6e3; font-size: 13px; }
        main { padding: 8px 40px 40px; max-width: 1200px; }
        h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
        p.lead { font-size: 15px; margin: 16px 0 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 8px; }
        .card { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px;
          border-top: 4px solid var(--accent); }
        .card .n { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .card .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .5px; }
        .card.created { border-top-color: var(--ok); } .card.rejected { border-top-color: var(--bad); }
        .card.duplicate, .card.warnings { border-top-color: var(--warn); }
        .attention { border: 1px solid #f3c5c0; background: #fef3f2; border-radius: 8px; padding: 10px 16px;
          margin: 14px 0; }
        .attention.clear { border-color: #b7e4c7; background: #effaf3; }
        .attention h3 { margin: 0 0 4px; font-size: 14px; }
        .attention ul { margin: 4px 0; padding-left: 20px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 13px; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef2f7; font-weight: 600; font-size: 12px; color: #334e68; }
        tbody th { background: none; font-size: 13px; }
        table.zebra tbody tr:nth-child(even) > *, table.grouped tbody:nth-of-type(even) td { background: var(--zebra); }
        table.grouped tbody { border-bottom: 1px solid #bcccdc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.value { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
          font-size: 12px; overflow-wrap: anywhere; min-width: 14ch; }
        td.nowrap { white-space: nowrap; }
        td.key { overflow-wrap: anywhere; min-width: 20ch; }
        td.reason { overflow-wrap: anywhere; min-width: 30ch; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
          background: #eef2f7; color: #334e68; }
        .badge.created { background: #dafbe1; color: var(--ok); }
        .badge.updated { background: #ddf4ff; color: #0969da; }
        .badge.rejected, .badge.conflict { background: #ffebe9; color: var(--bad); }
        .badge.duplicate { background: #fff8c5; color: var(--warn); }
        .muted { color: var(--muted); }
        .note { color: var(--muted); font-size: 12px; margin: 4px 0 0; }
        footer { color: var(--muted); font-size: 12px; margin-top: 32px; border-top: 1px solid var(--line);
          padding-top: 10px; }
        @media print {
          body { font-size: 11px; }
          header.band { background: none; color: var(--ink); padding: 0 0 8px; border-bottom: 2px solid var(--ink); }
          header.band p { color: var(--muted); }
          main { padding: 0; max-width: none; }
          .card { break-inside: avoid; }
          tr { break-inside: avoid; }
          h2 { break-after: avoid; }
          table.zebra tbody tr:nth-child(even) > *, table.grouped tbody:nth-of-type(even) td { background: none; }
          tbody { break-inside: avoid; }
        }
        """
}
