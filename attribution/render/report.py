"""The credibility report of one article: terminal (rich), Markdown, JSON and self-contained HTML.

The HTML report works offline (inline CSS and SVG, no script needed): every sentence is
highlighted by label and source type, and hovering or focusing it (Tab) shows its sources,
cue, rules and confidence. All article text is escaped.
"""
from __future__ import annotations

import json
from html import escape

from ..score import LABELS, Scorecard, show
from ..types import Analysis

TYPE_COLOURS = {"person": "#2b6cb0", "organization": "#2f855a", "outlet": "#b7791f",
                "anonymous": "#c53030", "vague": "#718096"}
METRIC_ORDER = ["attribution_density", "anonymous_share", "anonymity_explained", "distinct_sources",
                "identified_sources", "second_hand_share", "vague_hedges", "quotes_without_speaker",
                "lead_sourced", "single_source_dependence"]


def report_json(analysis: Analysis, card: Scorecard) -> str:
    return json.dumps({**card.to_dict(), "article": analysis.to_dict()}, ensure_ascii=False, indent=2)


def report_markdown(analysis: Analysis, card: Scorecard) -> str:
    name = analysis.path or "article"
    lines = [f"# Sourcing report: {name}", "",
             f"**Score {card.score:g}/100 — {card.band}** (language: {analysis.lang}"
             + (f", publisher: {card.publisher}" if card.publisher else "") + ")", "",
             "## Criteria", "", "| | criterion | points | result | why it matters |", "|---|---|---|---|---|"]
    for c in card.criteria:
        lines.append(f"| {'✅' if c.passed else '❌'} | {_md(c.title)} | {c.points:g}/{c.weight:g} | "
                     f"{_md(c.explanation)} | {_md(c.why)} |")
    lines += ["", "## Sub-metrics", "", "| metric | value | what it means |", "|---|---|---|"]
    for m in METRIC_ORDER:
        lines.append(f"| {LABELS[m]} | {show(m, card.metrics[m])} | {_md(card.meanings[m])} |")
    mix = ", ".join(f"{t} {n}" for t, n in sorted(card.source_types.items())) or "none"
    lines += [f"| source types | {mix} | {card.meanings['source_types']} |", "", "## Sources", ""]
    for s in card.sources:
        via = f" via {', '.join(s['via'])}" if s["via"] else ""
        ident = ", fully identified" if s["identified"] else ""
        lines.append(f"- **{_md(s['name'])}** ({s['type']}{ident}): {s['sentences']} sentence(s){via}")
    if not card.sources:
        lines.append("- none")
    lines += ["", "## Sentences", "", "| # | label | sentence | sources | rules |", "|---|---|---|---|---|"]
    for k, s in enumerate(analysis.sentences, 1):
        sources = "; ".join(f"{_md(x.text)} ({x.type})" for x in s.sources)
        lines.append(f"| {k} | {s.label} | {_md(s.text)} | {sources} | {', '.join(s.rules)} |")
    lines += ["", "## Context", ""] + [f"- {c}" for c in card.context]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def report_terminal(analysis: Analysis, card: Scorecard, console) -> None:
    """Print the summary with rich (colour when the console is a terminal)."""
    from rich.table import Table

    colour = "green" if card.score >= 80 else "yellow" if card.score >= 60 else "red"
    console.print(f"[bold]{escape_rich(analysis.path or 'article')}[/bold]  {escape_rich(f'[{analysis.lang}]')}"
                  + (f"  publisher {escape_rich(card.publisher)}" if card.publisher else ""))
    console.print(f"[bold {colour}]{card.score:g}/100  {card.band}[/]")
    table = Table(show_header=True, header_style="bold")
    for column in ("", "criterion", "points", "result"):
        table.add_column(column)
    for c in card.criteria:
        table.add_row("[green]✓[/]" if c.passed else "[red]✗[/]", escape_rich(c.title),
                      f"{c.points:g}/{c.weight:g}", escape_rich(c.explanation))
    console.print(table)
    metrics = Table(show_header=True, header_style="bold")
    metrics.add_column("metric")
    metrics.add_column("value", justify="right")
    metrics.add_column("what it means")
    for m in METRIC_ORDER:
        metrics.add_row(LABELS[m], show(m, card.metrics[m]), escape_rich(card.meanings[m]))
    console.print(metrics)
    for c in card.context:
        console.print(f"[dim]{escape_rich(c)}[/dim]")


def escape_rich(text: str) -> str:
    from rich.markup import escape as markup_escape
    return markup_escape(text)


# ---- HTML ---------------------------------------------------------------------------------
CSS = """
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a202c;background:#fff;margin:0}
main{max-width:70rem;margin:0 auto;padding:1.5rem;display:grid;grid-template-columns:minmax(0,2fr) minmax(18rem,1fr);gap:2rem}
h1{font-size:1.3rem;margin:0 0 .5rem} h2{font-size:1.05rem;margin:1.2rem 0 .4rem}
.score{font-size:2rem;font-weight:700} .band{font-weight:600}
.article p{margin:0 0 1rem}
.s{position:relative;border-radius:3px;padding:0 .1rem;outline-offset:2px}
.s:focus{outline:3px solid #2b6cb0}
.s.attributed{background:#e6fffa;border-bottom:3px solid var(--c,#2c7a7b)}
.s.unattributed{background:#fffbea;border-bottom:3px dotted #b7791f}
.s.skip{color:#4a5568;font-style:italic}
.s .tip{display:none;position:absolute;left:0;top:100%;z-index:5;width:min(26rem,80vw);background:#1a202c;color:#fff;
  padding:.6rem .8rem;border-radius:6px;font:13px/1.45 system-ui,sans-serif;font-style:normal;box-shadow:0 4px 12px #0004}
.s:hover .tip,.s:focus .tip{display:block}
.tip b{color:#fbd38d}
table{border-collapse:collapse;width:100%;font-size:.9rem} td,th{border-bottom:1px solid #e2e8f0;padding:.3rem .4rem;text-align:left;vertical-align:top}
.pass{color:#276749;font-weight:700} .fail{color:#c53030;font-weight:700}
.legend span{display:inline-block;margin-right:.8rem} .sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.25rem;vertical-align:middle}
small{color:#4a5568}
@media (max-width:50rem){main{grid-template-columns:1fr}}
"""


def report_html(analysis: Analysis, card: Scorecard) -> str:
    """One self-contained HTML page (no scripts, no external resources)."""
    title = escape(analysis.path or "article")
    parts = ["<!DOCTYPE html>", '<html lang="' + escape(analysis.lang) + '"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width,initial-scale=1">',
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
             f"<title>Sourcing report: {title}</title><style>{CSS}</style></head><body><main>",
             '<section class="article" aria-label="Article">', f"<h1>{title}</h1>",
             _legend(), _article(analysis), "</section>",
             '<aside aria-label="Score card">', _scorecard(card), _charts(analysis, card), "</aside>",
             "</main></body></html>"]
    return "\n".join(parts) + "\n"


def _legend() -> str:
    items = "".join(f'<span><i class="sw" style="background:{c}"></i>{t}</span>' for t, c in TYPE_COLOURS.items())
    return (f'<p class="legend"><small>Underline colour = type of the main source. '
            f'Dotted = unattributed; italic = not scored (headline, dateline, tag).</small><br>{items}</p>')


def _article(analysis: Analysis) -> str:
    paragraphs: list[list[str]] = [[]]
    previous_end = None
    for k, s in enumerate(analysis.sentences):
        if previous_end is not None and "\n" in analysis.text[previous_end:s.start]:
            paragraphs.append([])
        paragraphs[-1].append(_sentence(k, s))
        previous_end = s.end
    return "\n".join("<p>" + " ".join(p) + "</p>" for p in paragraphs if p)


def _sentence(k: int, s) -> str:
    main = next((x for x in s.sources if x.type != "vague"), None)
    colour = TYPE_COLOURS.get(main.type, "#2c7a7b") if main else "#2c7a7b"
    tip = [f"<b>{escape(s.label)}</b> · {escape(s.kind)}"]
    for x in s.sources:
        via = f" via {escape(', '.join(x.via))}" if x.via else ""
        ref = f" = {escape(x.refers_to)}" if x.refers_to else ""
        tip.append(f"source: {escape(x.text)} ({escape(x.type)}{ref}){via}")
    if s.cue:
        tip.append(f"cue: {escape(s.cue)}")
    score = f", model {s.model_score:.2f}" if s.model_score is not None else ""
    tip.append(f"rules: {escape(', '.join(s.rules))}{score}; confidence {s.confidence:.2f}")
    label = f"{s.label}" + (f", source {main.text} ({main.type})" if main else "")
    return (f'<span class="s {escape(s.label)}" id="s{k}" tabindex="0" style="--c:{colour}" '
            f'data-label="{escape(s.label)}" data-source-type="{escape(main.type) if main else ""}" '
            f'aria-label="{escape(label)}">{escape(s.text)}'
            f'<span class="tip" role="tooltip">{"<br>".join(tip)}</span></span>')


def _scorecard(card: Scorecard) -> str:
    rows = "".join(
        f'<tr><td class="{"pass" if c.passed else "fail"}">{"✓" if c.passed else "✗"}</td>'
        f"<td>{escape(c.title)}<br><small>{escape(c.explanation)}</small><br><small><i>{escape(c.why)}</i></small></td>"
        f"<td>{c.points:g}/{c.weight:g}</td></tr>" for c in card.criteria)
    metrics = "".join(f"<tr><td>{escape(LABELS[m])}</td><td>{escape(show(m, card.metrics[m]))}</td>"
                      f"<td><small>{escape(card.meanings[m])}</small></td></tr>" for m in METRIC_ORDER)
    publisher = f"<br><small>publisher: {escape(card.publisher)}</small>" if card.publisher else ""
    context = "".join(f"<li><small>{escape(c)}</small></li>" for c in card.context)
    sources = "".join(
        f"<li>{escape(s['name'])} <small>({escape(s['type'])}{', fully identified' if s['identified'] else ''}; "
        f"{s['sentences']} sentence(s){' via ' + escape(', '.join(s['via'])) if s['via'] else ''})</small></li>"
        for s in card.sources) or "<li>none</li>"
    return (f'<div class="score" aria-label="score">{card.score:g}/100</div><div class="band">{escape(card.band)}</div>'
            f"{publisher}<h2>Criteria</h2><table>{rows}</table><h2>Sub-metrics</h2><table>{metrics}</table>"
            f"<h2>Sources</h2><ul>{sources}</ul><h2>Context</h2><ul>{context}</ul>")


def _charts(analysis: Analysis, card: Scorecard) -> str:
    total = max(1, sum(card.source_types.values()))
    x, bars = 0.0, []
    for kind, n in sorted(card.source_types.items()):
        width = 300 * n / total
        bars.append(f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="24" fill="{TYPE_COLOURS.get(kind, "#999")}">'
                    f"<title>{escape(kind)}: {n}</title></rect>")
        x += width
    scorable = [s for s in analysis.sentences if s.label != "skip"]
    step = 300 / max(1, len(scorable))
    cells = "".join(
        f'<rect x="{i * step:.1f}" y="0" width="{max(step - 1, 1):.1f}" height="24" '
        f'fill="{"#2c7a7b" if s.label == "attributed" else "#ecc94b"}"><title>{i + 1}: {escape(s.label)}</title></rect>'
        for i, s in enumerate(scorable))
    return ("<h2>Source-type mix</h2>"
            f'<svg role="img" aria-label="source-type mix" width="300" height="24" viewBox="0 0 300 24">{"".join(bars)}</svg>'
            "<h2>Attribution along the article</h2>"
            f'<svg role="img" aria-label="attribution along the article" width="300" height="24" viewBox="0 0 300 24">{cells}</svg>'
            "<p><small>teal = attributed, yellow = unattributed, in article order</small></p>")
