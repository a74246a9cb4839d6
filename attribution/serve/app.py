"""The FastAPI application: the editor's page at ``/`` and the versioned JSON API under ``/v1``
(the schemas of ``attribution check``, ``report`` and ``lint``)."""
from __future__ import annotations

import re
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..lint import SCHEMA as LINT_SCHEMA
from ..lint import lint_analysis, load_lint_rules
from ..render.report import report_html, report_json
from ..rulepack import LANGUAGES
from ..score import score_article
from ..types import Analysis
from . import DEFAULT_MAX_BODY
from .engine import Engine
from .errors import ApiError, install_error_handlers
from .inputs import Article, ArticleIn, LintIn, article_reader, request_body
from .middleware import BodyLimit, SecurityHeaders
from .page import editor_page

if TYPE_CHECKING:
    from ..pipeline import Checker

STATIC = Path(__file__).resolve().parent / "static"
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"  # the HTML report's own


def create_app(checker: Checker | None = None, max_body: int = DEFAULT_MAX_BODY, mode: str = "combined",
               models: str | None = None, backend: str | None = None) -> FastAPI:
    """The application. ``checker`` (an :class:`~attribution.pipeline.Checker`) is used as given;
    without one, one is built from ``mode``, ``models`` and ``backend`` at start-up. Either way it
    is warmed up for every language before the first request and shared by all requests."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from ..pipeline import Checker

        engine = Engine(checker if checker is not None else Checker(mode=mode, models=models, backend=backend))
        engine.warm_up()
        app.state.engine = engine
        yield

    app = FastAPI(title="attribution", version=__version__, lifespan=lifespan,
                  description="Who says so? Sentence-by-sentence source attribution for English and "
                              "Indonesian news, sourcing reports and pre-publish lint.")
    app.state.max_body = max_body
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: the 413 answers get the headers too
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    read_article, read_lint_article = article_reader(ArticleIn), article_reader(LintIn)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(editor_page(__version__))

    @app.get("/v1/health", summary="status, version, languages, loaded models and mode")
    def health(request: Request) -> dict:
        return {"status": "ok", "version": __version__, "languages": list(LANGUAGES),
                **_engine(request).health(), "max_body": max_body}

    @app.post("/v1/analyze", summary="every sentence labelled, with its sources (attribution check)",
              openapi_extra=request_body(ArticleIn))
    def analyze(request: Request, article: Article = Depends(read_article)) -> JSONResponse:
        return JSONResponse(_engine(request).analyze(article.document).to_dict())

    @app.post("/v1/report", summary="the sourcing report: score, band, criteria, sources (attribution report)",
              openapi_extra=request_body(ArticleIn))
    def report(request: Request, article: Article = Depends(read_article),
               output: Literal["json", "html"] = Query("json", alias="format")) -> Response:
        analysis = _engine(request).analyze(article.document)
        card = score_article(analysis, publisher=article.options.publisher)
        if output == "html":
            return Response(report_html(analysis, card), media_type="text/html; charset=utf-8", headers={
                "Content-Disposition": f'attachment; filename="{_report_name(analysis)}.html"',
                "Content-Security-Policy": REPORT_POLICY})
        return Response(report_json(analysis, card), media_type="application/json")

    @app.post("/v1/lint", summary="pre-publish findings with codes and positions (attribution lint)",
              openapi_extra=request_body(LintIn))
    def lint(request: Request, article: Article = Depends(read_lint_article)) -> JSONResponse:
        options: LintIn = article.options
        rules = load_lint_rules()
        for wanted in (options.select or []) + (options.ignore or []):
            if not any(code.startswith(wanted) for code in rules):
                raise ApiError(422, "unknown_rule", f"unknown rule code or prefix '{wanted}' "
                                                    f"(known: {', '.join(rules)})")
        analysis = _engine(request).analyze(article.document)
        findings = lint_analysis(analysis, analysis.path or "-", options.select, options.ignore,
                                 options.min_score, options.publisher)
        return JSONResponse({"schema": LINT_SCHEMA, "files": 1, "findings": [f.to_dict() for f in findings]})

    return app


def _engine(request: Request) -> Engine:
    return request.app.state.engine


def _report_name(analysis: Analysis) -> str:
    stem = Path(analysis.path).stem if analysis.path else "article"
    return (re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "article")[:80] + "-report"
