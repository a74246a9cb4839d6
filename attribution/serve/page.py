"""The editor's page: a form for the article and empty panels that ``static/editor.js`` fills
from the API. No inline script or style, nothing loaded from outside this server."""
from __future__ import annotations

from html import escape

from ..render.report import TYPE_COLOURS

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Who says so? · attribution</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/editor.css?v={version}">
<script src="/static/editor.js?v={version}" defer></script>
</head>
<body>
<a class="skip-link" href="#article-form">Skip to the article form</a>
<header><h1>Who says so?</h1>
<p>Paste a draft or upload a file: every sentence is checked for who it is attributed to, the
article gets a sourcing score, and lint lists what an editor should look at.</p></header>
<main>
<form id="article-form" class="panel" novalidate>
  <label for="text">Article text</label>
  <textarea id="text" name="text" rows="12" spellcheck="false"
            placeholder="Paste the article here (English or Indonesian)"></textarea>
  <div class="row">
    <div class="field">
      <label for="file">…or upload a file <small>(.txt, .md, .html, .docx; used instead of the text)</small></label>
      <input id="file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.docx">
    </div>
    <div class="field">
      <label for="lang">Language</label>
      <select id="lang" name="lang">
        <option value="auto" selected>detect</option>
        <option value="en">English</option>
        <option value="id">Indonesian</option>
      </select>
    </div>
  </div>
  <div class="row actions">
    <button id="analyse" type="submit">Analyse</button>
    <button id="clear-file" type="button" class="secondary">Remove the file</button>
  </div>
</form>
<p id="status" role="status" aria-live="polite"></p>
<section id="results" aria-labelledby="results-title" hidden>
  <h2 id="results-title">Results</h2>
  <p id="summary"></p>
  <div class="downloads">
    <button id="download-html" type="button" class="secondary">Download the HTML report</button>
    <button id="download-json" type="button" class="secondary">Download the JSON report</button>
  </div>
  <div class="layout">
    <section class="panel" aria-labelledby="article-title">
      <h3 id="article-title">Article</h3>
      <p class="legend">{legend}</p>
      <div id="article"></div>
    </section>
    <aside>
      <section class="panel" aria-labelledby="score-title"><h3 id="score-title">Score</h3><div id="scorecard"></div></section>
      <section class="panel" aria-labelledby="findings-title"><h3 id="findings-title">Lint findings</h3><div id="findings"></div></section>
      <section class="panel" aria-labelledby="sources-title"><h3 id="sources-title">Sources</h3><div id="sources"></div></section>
    </aside>
  </div>
</section>
</main>
<footer><small>attribution {version} · <a href="/docs">API documentation</a> (loads Swagger UI from the internet)</small></footer>
</body>
</html>
"""


def _legend() -> str:
    items = "".join(f'<span class="key"><span class="swatch t-{kind}"></span>{kind}</span>' for kind in TYPE_COLOURS)
    return ('Underline colour: the type of the main source. Dotted yellow: unattributed; grey italic: '
            'not scored (headline, dateline, tag). Tab to or hover over a sentence for its sources. ' + items)


def editor_page(version: str) -> str:
    """The page's HTML."""
    return PAGE.format(version=escape(version), legend=_legend())
