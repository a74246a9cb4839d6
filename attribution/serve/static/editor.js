// The editor page: send the article to /v1/report and /v1/lint, show the result.
// All article text goes into the page as text nodes (textContent / append), never as HTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("article-form");
  const status = $("status");
  const results = $("results");
  const TYPES = {outlet: "Outlets", person: "People", organization: "Organisations", anonymous: "Anonymous sources"};
  let busy = false;
  let last = null;  // {body, reportText, stem}: what the download buttons save

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  function payload() {
    const body = new FormData(form);
    if ($("file").files.length) body.delete("text"); else body.delete("file");
    return body;
  }

  async function post(url, body) {
    const response = await fetch(url, {method: "POST", body});
    if (!response.ok) {
      let message = `the server answered ${response.status}`;
      try { message = (await response.json()).error.message; } catch (_) { /* not our JSON */ }
      throw new Error(message);
    }
    return response;
  }

  function sentenceOf(sentences, offset) {
    let found = 0;
    sentences.forEach((s, k) => { if (s.start <= offset) found = k; });
    return found;
  }

  function focusSentence(k) {
    const target = $(`s${k}`);
    if (!target) return;
    target.scrollIntoView({block: "center"});
    target.focus({preventScroll: true});
    target.classList.add("flash");
    setTimeout(() => target.classList.remove("flash"), 1500);
  }

  function renderSentence(s, k) {
    const main = s.sources.find((x) => x.type !== "vague");
    const span = el("span", `s ${s.label}` + (main ? ` t-${main.type}` : ""), s.text);
    span.id = `s${k}`;
    span.tabIndex = 0;
    span.dataset.label = s.label;
    const tip = el("span", "tip");
    tip.id = `tip${k}`;
    tip.setAttribute("role", "tooltip");
    const lines = [[el("b", null, s.label), ` · ${s.kind}`]];
    for (const x of s.sources) {
      const ref = x.refers_to ? ` = ${x.refers_to}` : "";
      const via = x.via.length ? ` via ${x.via.join(", ")}` : "";
      lines.push([`source: ${x.text} (${x.type}${ref})${via}`]);
    }
    if (s.cue) lines.push([`cue: ${s.cue}`]);
    const model = s.model_score === null ? "" : `, model ${s.model_score.toFixed(2)}`;
    lines.push([`rules: ${s.rules.join(", ")}${model}; confidence ${s.confidence.toFixed(2)}`]);
    lines.forEach((parts, i) => { if (i) tip.append(el("br")); tip.append(...parts); });
    span.append(tip);
    span.setAttribute("aria-describedby", tip.id);
    return span;
  }

  function renderArticle(article) {
    // a sentence starting on a later line than the one before starts a new paragraph
    const box = $("article");
    box.replaceChildren();
    let paragraph = null;
    let line = null;
    article.sentences.forEach((s, k) => {
      if (paragraph === null || s.line > line) {
        paragraph = el("p");
        box.append(paragraph);
      } else {
        paragraph.append(" ");
      }
      paragraph.append(renderSentence(s, k));
      line = s.line;
    });
  }

  function renderSummary(article) {
    const c = article.counts;
    const count = (id, n) => { const b = el("strong", null, String(n)); b.id = id; return b; };
    $("summary").replaceChildren(
      count("count-attributed", c.attributed), " attributed, ",
      count("count-unattributed", c.unattributed), " unattributed, ",
      count("count-skip", c.skip), ` skipped (language: ${article.lang})`);
    for (const warning of article.warnings || []) $("summary").append(el("span", "meta", `warning: ${warning}`));
  }

  function renderScore(report) {
    const list = el("ul", "plain");
    for (const c of report.criteria) {
      list.append(el("li", null,
        el("span", c.passed ? "pass" : "fail", c.passed ? "✓ passed " : "✗ failed "),
        `${c.title} (${c.points}/${c.weight})`,
        el("span", "meta", c.explanation), el("span", "why", c.why)));
    }
    const publisher = report.publisher ? el("span", "meta", `publisher: ${report.publisher}`) : null;
    $("scorecard").replaceChildren(el("div", "score", `${report.score}/100`), el("div", "band", report.band),
      publisher ?? "", el("h4", null, "Criteria"), list);
  }

  function renderSources(report) {
    const box = $("sources");
    box.replaceChildren();
    if (!report.sources.length) { box.append(el("p", null, "No sources named.")); return; }
    for (const [type, title] of Object.entries(TYPES)) {
      const group = report.sources.filter((s) => s.type === type);
      if (!group.length) continue;
      const list = el("ul", "plain");
      for (const s of group) {
        const item = el("li", "source", el("span", `swatch t-${s.type}`), el("strong", null, s.name),
          s.identified ? " (name and role)" : "",
          el("span", "meta", `${s.sentences} sentence(s), ${s.mentions} mention(s)`));
        if (s.via.length) item.append(el("span", "meta via", `via ${s.via.join(", ")}`));
        list.append(item);
      }
      box.append(el("h4", null, `${title} (${group.length})`), list);
    }
  }

  function renderFindings(lint, sentences) {
    const box = $("findings");
    box.replaceChildren();
    if (!lint.findings.length) { box.append(el("p", null, "No findings.")); return; }
    const list = el("ul", "plain");
    for (const f of lint.findings) {
      const k = sentenceOf(sentences, f.start);
      const link = el("a", "finding", el("span", `sev ${f.severity}`, f.severity), el("span", "code", f.code),
        ` ${f.line}:${f.col} ${f.message}`);
      link.href = `#s${k}`;
      link.addEventListener("click", (event) => { event.preventDefault(); focusSentence(k); });
      list.append(el("li", null, link));
    }
    box.append(list);
  }

  function show(report, lint) {
    renderSummary(report.article);
    renderArticle(report.article);
    renderScore(report);
    renderSources(report);
    renderFindings(lint, report.article.sentences);
    results.hidden = false;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    results.setAttribute("aria-busy", "true");
    say("Analysing…");
    const body = payload();
    try {
      const reportText = await (await post("/v1/report", body)).text();
      const report = JSON.parse(reportText);
      const lint = await (await post("/v1/lint", body)).json();
      const file = body.get("file");
      last = {body, reportText, stem: file ? file.name.replace(/\.[^.]*$/, "") : "article"};
      show(report, lint);
      const c = report.article.counts;
      say(`Done: ${c.attributed} attributed, ${c.unattributed} unattributed, score ${report.score}/100 ` +
          `(${report.band}), ${lint.findings.length} lint finding(s).`);
    } catch (err) {
      say(`Could not analyse: ${err.message}`, true);
    } finally {
      busy = false;
      results.removeAttribute("aria-busy");
    }
  });

  function save(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  $("download-json").addEventListener("click", () => {
    if (last) save(new Blob([last.reportText], {type: "application/json"}), `${last.stem}-report.json`);
  });

  $("download-html").addEventListener("click", async () => {
    if (!last) return;
    try {
      const response = await post("/v1/report?format=html", last.body);
      save(await response.blob(), `${last.stem}-report.html`);
    } catch (err) {
      say(`Could not download the report: ${err.message}`, true);
    }
  });

  $("clear-file").addEventListener("click", () => { $("file").value = ""; $("text").focus(); });
})();
