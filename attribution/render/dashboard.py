"""The batch dashboard: one offline HTML page (inline CSS and SVG) over a batch's tables."""
from __future__ import annotations

from html import escape

import pandas as pd

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a202c;margin:0}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem} td,th{border-bottom:1px solid #e2e8f0;padding:.25rem .4rem;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums} small{color:#4a5568}
a{color:#2b6cb0}
"""


def _bars(pairs: list[tuple[str, float]], fmt=lambda v: f"{v:.0%}", width: int = 320) -> str:
    if not pairs:
        return "<p><small>no data</small></p>"
    top = max(v for _, v in pairs) or 1
    rows = []
    for i, (label, value) in enumerate(pairs):
        w = width * 0.45 * value / top
        y = i * 22
        rows.append(f'<text x="0" y="{y + 15}" font-size="12">{escape(str(label))[:28]}</text>'
                    f'<rect x="{width * 0.42:.0f}" y="{y + 4}" width="{w:.1f}" height="14" fill="#2b6cb0">'
                    f"<title>{escape(str(label))}: {escape(fmt(value))}</title></rect>"
                    f'<text x="{width * 0.42 + w + 4:.0f}" y="{y + 15}" font-size="11">{escape(fmt(value))}</text>')
    height = 22 * len(pairs) + 4
    return (f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            + "".join(rows) + "</svg>")


def _by(articles: pd.DataFrame, column: str, limit: int = 12) -> list[tuple[str, float]]:
    if articles.empty or column not in articles or articles[column].replace("", pd.NA).dropna().empty:
        return []
    groups = articles[articles[column] != ""].groupby(column)["anonymous_share"].mean()
    return [(k, float(v)) for k, v in groups.sort_values(ascending=False).head(limit).items()]


def dashboard_html(articles: pd.DataFrame, sources: pd.DataFrame, errors: pd.DataFrame) -> str:
    n = len(articles)
    parts = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             f"<title>Sourcing dashboard</title><style>{CSS}</style></head><body><main>",
             f"<h1>Sourcing dashboard</h1><p>{n} articles analysed"
             + (f", {len(errors)} could not be (see <code>errors.csv</code>)" if len(errors) else "") + ".</p>"]
    if n:
        bins = [(f"{lo}–{lo + 9}", int(((articles.score >= lo) & (articles.score < lo + 10 if lo < 90 else articles.score <= 100)).sum()))
                for lo in range(0, 100, 10)]
        bands = articles.band.value_counts()
        parts += ['<div class="grid"><section><h2>Score distribution</h2>',
                  _bars([(k, v) for k, v in bins], fmt=lambda v: f"{v:g}"),
                  f"<p><small>mean {articles.score.mean():.1f}, median {articles.score.median():.1f}</small></p></section>",
                  "<section><h2>Bands</h2>", _bars([(k, int(v)) for k, v in bands.items()], fmt=lambda v: f"{v:g}"),
                  "</section></div>",
                  '<div class="grid"><section><h2>Anonymous share by outlet</h2>', _bars(_by(articles, "outlet")),
                  "</section><section><h2>Anonymous share by section</h2>", _bars(_by(articles, "section")), "</section>"]
        month = articles.assign(month=articles.date.astype(str).str[:7]) if "date" in articles else articles
        parts += ["<section><h2>Anonymous share by month</h2>", _bars(sorted(_by(month, "month"))), "</section></div>"]
        worst = articles.sort_values(["score", "id"]).head(20)
        rows = "".join(f'<tr><td><a href="{escape(r.report)}">{escape(str(r.id))}</a></td><td class="num">{r.score:g}</td>'
                       f"<td>{escape(r.band)}</td><td>{escape(str(r.outlet))}</td></tr>" for r in worst.itertuples())
        parts += ["<h2>Worst-sourced articles</h2><table><tr><th>article</th><th>score</th><th>band</th><th>outlet</th></tr>",
                  rows, "</table>"]
    if len(sources):
        rows = "".join(f"<tr><td>{escape(str(r.name))}</td><td>{escape(r.type)}</td><td class=\"num\">{r.articles}</td>"
                       f"<td class=\"num\">{r.sentences}</td><td>{escape(str(r.via))}</td></tr>"
                       for r in sources.head(25).itertuples())
        parts += ["<h2>Top sources</h2><table><tr><th>source</th><th>type</th><th>articles</th><th>sentences</th>"
                  "<th>via</th></tr>", rows, "</table>"]
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"
