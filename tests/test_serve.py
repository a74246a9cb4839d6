"""The HTTP API and the editor's page (``attribution serve``), through FastAPI's TestClient."""
from __future__ import annotations

import io
import json
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

import attribution.pipeline  # noqa: E402
from attribution.cli import build_parser, main  # noqa: E402
from attribution.pipeline import Checker  # noqa: E402
from attribution.serve import DEFAULT_MAX_BODY, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "islamtimes-2024-01-us-iraq.txt"
EN_NEWS = ("SURABAYA, Indonesia — Police arrested two men on Monday over a fire that destroyed a rice warehouse "
           "in the port city, a police spokesman said.\n\n"
           "\"We found fuel cans at the back of the building,\" Surabaya police chief Budi Santoso told reporters.\n\n"
           "The warehouse held about 300 tonnes of rice.\n")
ID_NEWS = ("Polisi menangkap dua pria yang diduga membakar gudang beras di Tanjung Perak, kata Kapolres Pelabuhan "
           "Tanjung Perak AKBP Budi Santoso, Senin (12/2).\n\nGudang itu menyimpan sekitar 300 ton beras.\n")
BRIBES = ("The deputy mayor took bribes from the contractor who built the new bus terminal. "
          "The terminal opened in March and serves about 20,000 passengers a day.")
GERMAN = "Der Bürgermeister hat am Montag gesagt, dass die Stadt kein Geld für die neue Brücke hat."


@pytest.fixture(scope="module")
def checker():
    return Checker()


@pytest.fixture(scope="module")
def client(checker):
    with TestClient(create_app(checker)) as c:
        yield c


def error_of(response) -> dict:
    """The error object of a refused request, checking the one shape every error has."""
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    return body["error"]


def test_page_is_served_with_a_strict_policy_and_nothing_from_outside(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    page = response.text
    assert not re.search(r"""(src|href|action)=["']?(https?:)?//""", page)   # nothing fetched from outside
    assert "<style" not in page and " style=" not in page                    # no inline style
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    for label in ('for="text"', 'for="file"', 'for="lang"'):
        assert label in page
    assert 'aria-live="polite"' in page and '<button id="analyse" type="submit">Analyse</button>' in page
    for asset in re.findall(r'(?:src|href)="(/static/[^"?]+)', page):
        served = client.get(asset)
        assert served.status_code == 200 and served.headers["x-content-type-options"] == "nosniff"
        assert "http://" not in served.text and "https://" not in served.text
    script = client.get("/static/editor.js").text
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script


def test_health_reports_version_languages_models_and_mode(client):
    from attribution import __version__
    health = client.get("/v1/health").json()
    assert health["status"] == "ok" and health["version"] == __version__
    assert health["languages"] == ["en", "id"] and health["mode"] == "combined"
    assert health["max_body"] == DEFAULT_MAX_BODY
    for lang in ("en", "id"):
        model = health["models"][lang]
        assert model["loaded"] is True and Path(model["classifier"], "model.json").is_file()


def test_analyze_english_text(client):
    response = client.post("/v1/analyze", json={"text": EN_NEWS})
    assert response.status_code == 200
    article = response.json()
    assert article["schema"] == "attribution.check/1.0" and article["lang"] == "en" and "path" not in article
    labels = [(s["kind"], s["label"]) for s in article["sentences"]]
    assert labels == [("dateline", "skip"), ("prose", "attributed"), ("prose", "attributed"),
                      ("prose", "unattributed")]
    chief = article["sentences"][2]["sources"][0]
    assert (chief["text"], chief["type"]) == ("Surabaya police chief Budi Santoso", "person")
    assert EN_NEWS[chief["start"]:chief["end"]] == chief["text"]
    assert article["counts"] == {"attributed": 2, "unattributed": 1, "skip": 1}


def test_analyze_indonesian_text_detected_or_forced(client):
    for lang in ("auto", "id"):
        article = client.post("/v1/analyze", json={"text": ID_NEWS, "lang": lang}).json()
        assert article["lang"] == "id"
        first, second = article["sentences"]
        assert first["label"] == "attributed" and first["cue"] == "kata"
        assert [(s["text"], s["type"]) for s in first["sources"]] == [
            ("Kapolres Pelabuhan Tanjung Perak AKBP Budi Santoso", "person")]
        assert second["label"] == "unattributed" and second["sources"] == []


def test_analyze_upload_matches_the_check_command(client, tmp_path, capsys):
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    response = client.post("/v1/analyze", files={"file": ("seed.txt", SEED.read_bytes(), "text/plain")},
                           data={"lang": "auto"})
    assert response.status_code == 200
    served = response.json()
    capsys.readouterr()
    assert main(["check", "--format", "json", str(path)]) == 0
    [printed] = json.loads(capsys.readouterr().out)
    assert served["path"] == "seed.txt" and printed["path"] == str(path)
    served.pop("path"), printed.pop("path")
    assert served == printed and served["counts"]["attributed"] > 0


def test_analyze_markdown_and_html_text_are_read_as_such(client):
    text = "Prices rose, **the minister** said."
    markdown = client.post("/v1/analyze", json={"text": text, "format": "markdown"}).json()
    source = markdown["sentences"][0]["sources"][0]
    assert source["text"] == "the minister" == text[source["start"]:source["end"]]  # offsets into the original
    plain = client.post("/v1/analyze", json={"text": text, "format": "text"}).json()
    assert plain["sentences"][0]["sources"] != markdown["sentences"][0]["sources"]  # 'format' is used
    html = client.post("/v1/analyze", json={"text": "<p>Prices rose, the minister said.</p>"}).json()
    assert [s["text"] for s in html["sentences"]] == ["Prices rose, the minister said."]


def test_analyze_docx_upload_reads_paragraphs(client):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in ID_NEWS.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    data = io.BytesIO()
    document.save(data)
    response = client.post("/v1/analyze", files={"file": ("draf berita.docx", data.getvalue(),
                                                          "application/octet-stream")})
    assert response.status_code == 200
    article = response.json()
    assert article["path"] == "draf berita.docx" and article["lang"] == "id"
    assert [(s["line"], s["label"]) for s in article["sentences"]] == [(1, "attributed"), (2, "unattributed")]


def test_report_json_is_the_report_of_the_cli(client, tmp_path, capsys):
    response = client.post("/v1/report", json={"text": ID_NEWS, "publisher": "Kompas"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    report = response.json()
    assert report["schema"] == "attribution.report/1.0" and report["publisher"] == "Kompas"
    assert 0 <= report["score"] <= 100 and report["criteria"] and report["article"]["lang"] == "id"
    path = tmp_path / "berita.txt"
    path.write_text(ID_NEWS, encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(path), "--format", "json", "--publisher", "Kompas"]) == 0
    printed = json.loads(capsys.readouterr().out)
    printed["article"].pop("path")
    assert report == printed


def test_report_html_is_an_escaped_attachment(client):
    hostile = 'The mayor said the plan was final. "<img src=x onerror=alert(1)>," a council official said.'
    response = client.post("/v1/report?format=html", json={"text": hostile, "format": "text"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.headers["content-disposition"] == 'attachment; filename="article-report.html"'
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "<img" not in response.text and "&lt;img src=x onerror=alert(1)&gt;" in response.text
    upload = client.post("/v1/report", params={"format": "html"},
                         files={"file": ("Draft 3 (final).md", b"Prices rose, the minister said.", "text/markdown")})
    assert upload.headers["content-disposition"] == 'attachment; filename="Draft_3_final-report.html"'


def test_lint_finds_an_unattributed_allegation(client):
    response = client.post("/v1/lint", json={"text": BRIBES})
    assert response.status_code == 200
    lint = response.json()
    assert lint["schema"] == "attribution.lint/1.0" and lint["files"] == 1
    codes = {f["code"] for f in lint["findings"]}
    assert {"ATR001", "ATR009"} <= codes
    bribe = next(f for f in lint["findings"] if f["code"] == "ATR001")
    assert bribe["severity"] == "error" and BRIBES[bribe["start"]:bribe["end"]] == "bribes"
    assert (bribe["line"], bribe["col"], bribe["path"]) == (1, 1 + BRIBES.index("bribes"), "-")


def test_lint_options_select_ignore_and_min_score(client):
    only = client.post("/v1/lint", json={"text": BRIBES, "select": ["ATR001"]}).json()
    assert {f["code"] for f in only["findings"]} == {"ATR001"}
    ignored = client.post("/v1/lint", json={"text": BRIBES, "ignore": "ATR001,ATR011"}).json()
    assert not {"ATR001", "ATR011"} & {f["code"] for f in ignored["findings"]}
    low_bar = client.post("/v1/lint", data={"text": BRIBES, "min_score": "0", "select": "ATR011"}).json()
    assert low_bar["findings"] == []
    high_bar = client.post("/v1/lint", data={"text": BRIBES, "min_score": "100", "select": "ATR011"}).json()
    assert [f["code"] for f in high_bar["findings"]] == ["ATR011"]
    unknown = client.post("/v1/lint", json={"text": BRIBES, "select": ["XYZ9"]})
    assert unknown.status_code == 422 and error_of(unknown)["code"] == "unknown_rule"


@pytest.mark.parametrize("body, status, code", [
    ({"text": ""}, 422, "empty_text"),
    ({"text": " \n\t "}, 422, "empty_text"),
    ({}, 422, "missing_text"),
    ({"text": EN_NEWS, "lang": "fr"}, 422, "unsupported_language"),
    ({"text": GERMAN}, 422, "undetectable_language"),
    ({"text": "qzx vbnm plokij wertyu zzkkq"}, 422, "undetectable_language"),
    ({"text": 42}, 422, "invalid_request"),
    ({"text": EN_NEWS, "lang": ["en"]}, 422, "invalid_request"),
    ({"text": EN_NEWS, "format": "pdf"}, 422, "invalid_request"),
    ({"text": EN_NEWS, "colour": "red"}, 422, "invalid_request"),
    ({"text": "<p></p><script>x()</script>", "format": "html"}, 422, "empty_text"),
    ({"text": "nul\x00byte"}, 422, "unreadable_text"),
])
def test_bad_json_input_is_refused_with_a_4xx(client, body, status, code):
    for endpoint in ("/v1/analyze", "/v1/report", "/v1/lint"):
        response = client.post(endpoint, json=body)
        assert response.status_code == status, (endpoint, response.text)
        assert error_of(response)["code"] == code


def test_undetectable_language_can_be_forced(client):
    response = client.post("/v1/analyze", json={"text": GERMAN, "lang": "en"})
    assert response.status_code == 200 and response.json()["lang"] == "en"


@pytest.mark.parametrize("content, kind, status, code", [
    (b'{"text": "unclosed', "application/json", 400, "invalid_json"),
    (b"\xff\xfe not utf-8", "application/json", 400, "invalid_json"),
    (b'["a list"]', "application/json", 422, "invalid_request"),
    (b"The minister said so.", "text/plain", 415, "unsupported_media_type"),
    (b"The minister said so.", "", 415, "unsupported_media_type"),
])
def test_bad_bodies_are_refused(client, content, kind, status, code):
    response = client.post("/v1/analyze", content=content, headers={"content-type": kind} if kind else {})
    assert response.status_code == status and error_of(response)["code"] == code


@pytest.mark.parametrize("name, data, status, code", [
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 415, "unsupported_file"),
    ("article.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 422, "unreadable_file"),
    ("article.docx", b"PK\x03\x04 not really a zip", 422, "unreadable_file"),
    ("empty.txt", b"", 422, "empty_text"),
])
def test_bad_uploads_are_refused(client, name, data, status, code):
    response = client.post("/v1/analyze", files={"file": (name, data, "application/octet-stream")})
    assert response.status_code == status and error_of(response)["code"] == code


def test_form_needs_exactly_one_article(client):
    both = client.post("/v1/analyze", data={"text": EN_NEWS}, files={"file": ("a.txt", b"x", "text/plain")})
    assert both.status_code == 422 and "not both" in error_of(both)["message"]
    neither = client.post("/v1/analyze", data={"lang": "en"}, files={"file": ("", b"", "application/octet-stream")})
    assert neither.status_code == 422 and error_of(neither)["code"] == "missing_text"
    pasted = client.post("/v1/analyze", data={"text": EN_NEWS, "lang": "en"})
    assert pasted.status_code == 200 and pasted.json()["counts"]["attributed"] == 2


def test_framework_errors_have_the_same_shape(client):
    wrong_format = client.post("/v1/report?format=pdf", json={"text": EN_NEWS})
    assert wrong_format.status_code == 422 and error_of(wrong_format)["code"] == "invalid_request"
    assert "format" in error_of(wrong_format)["message"]
    missing = client.get("/v1/nothing-here")
    assert missing.status_code == 404 and error_of(missing)["code"] == "not_found"
    wrong_method = client.get("/v1/analyze")
    assert wrong_method.status_code == 405 and error_of(wrong_method)["code"] == "method_not_allowed"


@pytest.fixture(scope="module")
def small_client(checker):
    with TestClient(create_app(checker, max_body=1000)) as c:
        yield c


def test_body_over_the_limit_is_413_by_content_length(small_client):
    response = small_client.post("/v1/analyze", json={"text": "The minister said so. " * 60})
    assert response.status_code == 413 and error_of(response)["code"] == "body_too_large"
    assert "1,000 bytes" in error_of(response)["message"]
    fits = small_client.post("/v1/analyze", json={"text": "The minister said so. " * 30})
    assert fits.status_code == 200


def test_chunked_body_over_the_limit_is_413(small_client):
    sent = []

    def chunks():
        for _ in range(20):
            sent.append(100)
            yield b"x" * 100

    response = small_client.post("/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and error_of(response)["code"] == "body_too_large"

    def small_chunks():
        yield b'{"text": "The minister '
        yield b'said so."}'

    fits = small_client.post("/v1/analyze", content=small_chunks(), headers={"content-type": "application/json"})
    assert fits.status_code == 200 and fits.json()["counts"]["attributed"] == 1


def test_upload_over_the_limit_is_413(small_client):
    response = small_client.post("/v1/analyze", files={"file": ("big.txt", b"The minister said so. " * 60, "text/plain")})
    assert response.status_code == 413 and error_of(response)["code"] == "body_too_large"


class CountingChecker(Checker):
    """The real checker, counting how many are built and how many analyses overlap."""

    built = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        type(self).built += 1
        self.active = self.most_active = 0
        self.languages: list[str] = []

    def analyze_documents(self, documents, lang=None, batch_size=64):
        self.active += 1
        self.most_active = max(self.most_active, self.active)
        try:
            time.sleep(0.01)  # long enough for unguarded requests to overlap
            for analysis in super().analyze_documents(documents, lang, batch_size):
                self.languages.append(analysis.lang)
                yield analysis
        finally:
            self.active -= 1


def test_checker_is_built_once_warmed_up_and_used_one_request_at_a_time(monkeypatch):
    monkeypatch.setattr(CountingChecker, "built", 0)
    monkeypatch.setattr(attribution.pipeline, "Checker", CountingChecker)
    app = create_app(mode="rules")
    assert CountingChecker.built == 0  # not before start-up
    with TestClient(app) as c:
        assert CountingChecker.built == 1
        engine_checker = app.state.engine.checker
        assert engine_checker.mode == "rules" and sorted(set(engine_checker.languages)) == ["en", "id"]
        warmed = len(engine_checker.languages)
        results = []

        def request(text):
            results.append(c.post("/v1/analyze", json={"text": text}).status_code)

        threads = [threading.Thread(target=request, args=(EN_NEWS if i % 2 else ID_NEWS,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [200] * 8
        assert CountingChecker.built == 1 and engine_checker.most_active == 1
        assert len(engine_checker.languages) == warmed + 8


def test_openapi_describes_the_versioned_endpoints(client):
    spec = client.get("/openapi.json").json()
    for path in ("/v1/analyze", "/v1/report", "/v1/lint", "/v1/health"):
        assert path in spec["paths"]
    body = spec["paths"]["/v1/lint"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert "min_score" in body["application/json"]["schema"]["properties"]
    assert client.get("/docs").status_code == 200


def test_serve_options_and_defaults():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.max_body, args.mode, args.model) == ("127.0.0.1", 8000, 2 * 1024 * 1024,
                                                                         "combined", None)
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9001", "--max-body", "5000",
                                      "--mode", "rules"])
    assert (args.host, args.port, args.max_body, args.mode) == ("0.0.0.0", 9001, 5000, "rules")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--max-body", "0"])


def test_serve_without_its_extra_says_what_to_install(run_cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if uvicorn were not installed
    result = run_cli("serve", "--port", "9")
    assert result.code == 2
    assert result.err_lines == ["attribution: serve needs uvicorn: pip install 'attribution[serve]'"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_runs_the_server_on_loopback(tmp_path):
    import httpx
    port = free_port()
    log = open(tmp_path / "serve.log", "wb")
    server = subprocess.Popen([sys.executable, "-m", "attribution.cli", "serve", "--port", str(port),
                               "--max-body", "4000", "--mode", "rules"], stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"{base}/v1/health", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.2)
        assert health.json()["mode"] == "rules" and health.json()["max_body"] == 4000
        ok = httpx.post(f"{base}/v1/analyze", json={"text": EN_NEWS}, timeout=30)
        assert ok.status_code == 200 and ok.json()["counts"]["attributed"] == 2
        big = httpx.post(f"{base}/v1/analyze", json={"text": EN_NEWS * 20}, timeout=30)
        assert big.status_code == 413 and big.json()["error"]["code"] == "body_too_large"
        listening = (tmp_path / "serve.log").read_text()
        assert f"Uvicorn running on http://127.0.0.1:{port}" in listening
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
