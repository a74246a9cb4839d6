"""CLI: bad input gets one clear message each, good input is still checked, exit codes, output shape."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from attribution import cli
from attribution.types import LABELS, SOURCE_TYPES

ATTRIBUTION_BIN = Path(sys.executable).with_name("attribution")
SENTENCE_KEYS = {"start", "end", "line", "col", "text", "label", "kind", "sources", "cue", "rules",
                 "confidence"}
SOURCE_KEYS = {"text", "type", "via", "start", "end"}


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _lines_about(lines: list[str], name: str) -> list[str]:
    return [line for line in lines if name in line]


@pytest.fixture
def mixed_dir(tmp_path, en_article, id_markdown, png_bytes):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "fuel.txt").write_text(en_article, encoding="utf-8")
    (folder / "harga.md").write_text(id_markdown, encoding="utf-8")
    (folder / "photo.png").write_bytes(png_bytes)
    (folder / "scan.txt").write_bytes(png_bytes)  # binary with a text suffix
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cafe.txt").write_bytes(
        "The caf\u00e9 owner said on Monday that prices had doubled since March.\n".encode("latin-1"))
    return folder


# --- missing and unreadable input ------------------------------------------------------------


def test_missing_file_alone_exits_2_with_a_clear_message(run_cli, tmp_path):
    missing = tmp_path / "nope.txt"
    result = run_cli("check", str(missing))
    assert result.code == 2
    assert result.out == ""
    about = _lines_about(result.err_lines, "nope.txt")
    assert len(about) == 1 and "no such file" in about[0]
    assert "nothing could be checked" in result.err


def test_missing_file_next_to_a_good_one_exits_1(run_cli, tmp_path, en_article):
    good = tmp_path / "fuel.txt"
    good.write_text(en_article, encoding="utf-8")
    result = run_cli("check", "--format", "jsonl", str(tmp_path / "nope.txt"), str(good))
    assert result.code == 1
    [obj] = _jsonl(result.out)
    assert obj["path"] == str(good) and obj["sentences"]
    assert len(_lines_about(result.err_lines, "nope.txt")) == 1


def test_mixed_directory(run_cli, mixed_dir):
    result = run_cli("check", "--format", "jsonl", str(mixed_dir))
    assert result.code == 1  # scan.txt could not be read; the rest were checked

    err = result.err_lines
    png = _lines_about(err, "photo.png")
    assert len(png) == 1 and "skipped" in png[0]
    scan = _lines_about(err, "scan.txt")
    assert len(scan) == 1 and "binary" in scan[0]
    empty = _lines_about(err, "empty.txt")
    assert len(empty) == 1 and "warning" in empty[0] and "empty" in empty[0]
    cafe = _lines_about(err, "cafe.txt")
    assert len(cafe) == 1 and "warning" in cafe[0] and "not valid UTF-8" in cafe[0]
    assert len(err) == 4  # nothing else on stderr
    assert all(line.startswith("attribution: ") for line in err)

    objects = {Path(o["path"]).name: o for o in _jsonl(result.out)}
    assert set(objects) == {"fuel.txt", "harga.md", "empty.txt", "cafe.txt"}
    assert objects["fuel.txt"]["lang"] == "en" and objects["fuel.txt"]["sentences"]
    assert objects["harga.md"]["lang"] == "id" and objects["harga.md"]["sentences"]
    assert objects["cafe.txt"]["lang"] == "en"
    assert "caf\u00e9" in objects["cafe.txt"]["sentences"][0]["text"]
    assert any("not valid UTF-8" in w for w in objects["cafe.txt"]["warnings"])
    assert objects["empty.txt"]["sentences"] == []
    assert any("empty" in w for w in objects["empty.txt"]["warnings"])


def test_binary_file_given_by_name(run_cli, tmp_path, png_bytes):
    photo = tmp_path / "photo.png"
    photo.write_bytes(png_bytes)
    result = run_cli("check", str(photo))
    assert result.code == 2
    about = _lines_about(result.err_lines, "photo.png")
    assert len(about) == 1 and "binary" in about[0]


def test_empty_file_warns_and_does_not_crash(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("check", "--format", "jsonl", str(empty))
    assert result.code == 0
    assert "warning" in result.err and "empty" in result.err
    [obj] = _jsonl(result.out)
    assert obj["sentences"] == [] and obj["counts"] == {label: 0 for label in LABELS}
    result = run_cli("check", str(empty))  # the text renderer copes too
    assert result.code == 0 and "empty.txt" in result.out


def test_twenty_megabyte_file_is_refused_and_others_still_checked(run_cli, tmp_path, en_article,
                                                                  id_article):
    big = tmp_path / "huge.txt"
    chunk = en_article.encode("utf-8")
    with open(big, "wb") as handle:
        for _ in range(20 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    assert big.stat().st_size >= 20 * 1024 * 1024
    good = tmp_path / "berita.txt"
    good.write_text(id_article, encoding="utf-8")
    result = run_cli("check", "--format", "jsonl", str(big), str(good))
    assert result.code == 1
    about = _lines_about(result.err_lines, "huge.txt")
    assert len(about) == 1
    assert "--max-bytes" in about[0] and "limit" in about[0] and "20.0 MB" in about[0]
    [obj] = _jsonl(result.out)
    assert obj["path"] == str(good) and obj["lang"] == "id" and obj["sentences"]


def test_max_bytes_option(run_cli, tmp_path, en_article):
    path = tmp_path / "fuel.txt"
    path.write_text(en_article, encoding="utf-8")
    result = run_cli("check", "--max-bytes", "100", str(path))
    assert result.code == 2 and "--max-bytes" in result.err and "100 bytes" in result.err
    result = run_cli("check", "--format", "jsonl", "--max-bytes", str(len(en_article.encode("utf-8"))), str(path))
    assert result.code == 0 and _jsonl(result.out)[0]["sentences"]


@pytest.mark.parametrize("bad", ["-5", "ten"])
def test_bad_max_bytes_is_a_usage_error(capsys, bad, tmp_path):
    with pytest.raises(SystemExit) as info:
        cli.main(["check", "--max-bytes", bad, str(tmp_path)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--max-bytes" in err and "Traceback" not in err


def test_french_article_asks_for_lang_and_lang_forces(run_cli, tmp_path, fr_article):
    path = tmp_path / "article.txt"
    path.write_text(fr_article, encoding="utf-8")
    result = run_cli("check", str(path))
    assert result.code == 2
    about = _lines_about(result.err_lines, "article.txt")
    assert len(about) == 1 and "--lang" in about[0]
    result = run_cli("check", "--format", "jsonl", "--lang", "en", str(path))
    assert result.code == 0
    assert _jsonl(result.out)[0]["lang"] == "en"


def test_lang_override(run_cli, tmp_path, id_article):
    path = tmp_path / "berita.txt"
    path.write_text(id_article, encoding="utf-8")
    assert _jsonl(run_cli("check", "--format", "jsonl", str(path)).out)[0]["lang"] == "id"
    result = run_cli("check", "--format", "jsonl", "--lang", "en", str(path))
    assert result.code == 0
    assert _jsonl(result.out)[0]["lang"] == "en"


def test_unsupported_lang_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as info:
        cli.main(["check", "--lang", "fr", str(tmp_path)])
    assert info.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_no_command_prints_help_and_exits_2(run_cli):
    result = run_cli()
    assert result.code == 2
    assert "usage" in result.err and "check" in result.err


def test_pattern_that_matches_nothing(run_cli, tmp_path):
    result = run_cli("check", str(tmp_path / "*.txt"))
    assert result.code == 2
    assert "matched no files" in result.err


# --- stdin -------------------------------------------------------------------------------


def test_stdin_dash(run_cli, en_article):
    result = run_cli("check", "--format", "jsonl", "-", stdin=en_article.encode("utf-8"))
    assert result.code == 0
    [obj] = _jsonl(result.out)
    assert obj["path"] == "-" and obj["lang"] == "en"
    for s in obj["sentences"]:
        assert en_article[s["start"]:s["end"]] == s["text"]


def test_stdin_html(run_cli):
    page = ("<html><head><script>var said = 1;</script></head><body>"
            "<p>Polisi menangkap dua tersangka, kata juru bicara Polda Metro Jaya.</p></body></html>")
    result = run_cli("check", "--format", "jsonl", "-", stdin=page.encode("utf-8"))
    assert result.code == 0
    [obj] = _jsonl(result.out)
    texts = [s["text"] for s in obj["sentences"]]
    assert texts == ["Polisi menangkap dua tersangka, kata juru bicara Polda Metro Jaya."]
    s = obj["sentences"][0]
    assert page[s["start"]:s["end"]] == s["text"]


def test_empty_stdin(run_cli):
    result = run_cli("check", "--format", "jsonl", "-", stdin=b"")
    assert result.code == 0
    assert "empty" in result.err
    assert _jsonl(result.out)[0]["sentences"] == []


# --- output shape ------------------------------------------------------------------------------


def _check_schema(obj: dict, original: str) -> None:
    assert obj["schema"].startswith("attribution.check/")
    assert obj["lang"] in ("en", "id")
    assert obj["sentences"]
    assert obj["counts"] == {label: sum(s["label"] == label for s in obj["sentences"]) for label in LABELS}
    for s in obj["sentences"]:
        assert SENTENCE_KEYS <= set(s)
        assert s["label"] in LABELS
        assert isinstance(s["rules"], list) and s["rules"]
        assert 0.0 <= s["confidence"] <= 1.0
        assert s["cue"] is None or isinstance(s["cue"], str)
        assert 0 <= s["start"] < s["end"] <= len(original)
        assert original[s["start"]:s["end"]] == s["text"]
        line = original[:s["start"]].count("\n") + 1
        assert (s["line"], s["col"]) == (line, s["start"] - (original.rfind("\n", 0, s["start"]) + 1) + 1)
        for src in s["sources"]:
            assert SOURCE_KEYS <= set(src)
            assert src["type"] in SOURCE_TYPES
            assert isinstance(src["via"], list)
            assert original[src["start"]:src["end"]] == src["text"]
            assert s["start"] <= src["start"] < src["end"] <= s["end"] or src.get("refers_to")


def test_jsonl_objects_carry_the_schema(run_cli, tmp_path, en_article, id_article):
    en = tmp_path / "fuel.txt"
    en.write_text(en_article, encoding="utf-8")
    idn = tmp_path / "harga.txt"
    idn.write_text(id_article, encoding="utf-8")
    result = run_cli("check", "--format", "jsonl", str(en), str(idn))
    assert result.code == 0 and result.err == ""
    objs = _jsonl(result.out)
    assert [o["path"] for o in objs] == [str(en), str(idn)]
    assert [o["lang"] for o in objs] == ["en", "id"]
    for obj, original in zip(objs, (en_article, id_article)):
        _check_schema(obj, original)
        assert any(s["sources"] for s in obj["sentences"])  # the source fields above were checked


def test_offsets_point_into_the_original_markdown_and_html(run_cli, tmp_path, id_markdown):
    md = tmp_path / "harga.md"
    md.write_text(id_markdown, encoding="utf-8")
    page = ("<html><head><title>t</title></head><body><h1>Fuel prices to rise</h1>\n"
            "<p>Prices will rise next month, Finance Minister Sri Mulyani said on Tuesday.</p>\n"
            "<p>&#8220;We have no choice,&#8221; she told reporters.</p></body></html>\n")
    html = tmp_path / "fuel.html"
    html.write_text(page, encoding="utf-8")
    result = run_cli("check", "--format", "jsonl", str(md), str(html))
    assert result.code == 0
    md_obj, html_obj = _jsonl(result.out)
    _check_schema(md_obj, id_markdown)
    assert html_obj["lang"] == "en"
    for s in html_obj["sentences"]:
        assert page[s["start"]:s["end"]] == s["text"]
        assert "<p>" not in s["text"] and "title" not in s["text"]
    sources = [src for s in html_obj["sentences"] for src in s["sources"]]
    assert sources and all(page[src["start"]:src["end"]] == src["text"] for src in sources)


def test_json_format_is_one_list(run_cli, tmp_path, en_article, id_article):
    paths = []
    for name, text in (("a.txt", en_article), ("b.txt", id_article)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    result = run_cli("check", "--format", "json", *paths)
    assert result.code == 0
    data = json.loads(result.out)
    assert isinstance(data, list) and [o["path"] for o in data] == paths
    assert all(o["sentences"] for o in data)


def test_json_format_with_nothing_readable_is_an_empty_list(run_cli, tmp_path):
    result = run_cli("check", "--format", "json", str(tmp_path / "nope.txt"))
    assert result.code == 2
    assert json.loads(result.out) == []


def test_text_format_names_the_file(run_cli, tmp_path, en_article):
    path = tmp_path / "fuel.txt"
    path.write_text(en_article, encoding="utf-8")
    result = run_cli("check", "--color", "never", str(path))
    assert result.code == 0
    assert str(path) in result.out and "[en]" in result.out
    assert "\x1b[" not in result.out


# --- the installed command, in a real process ----------------------------------------------------


# (English only: building the Indonesian spaCy tokenizer costs seconds in every new process)


def test_installed_command_on_a_mixed_directory_never_tracebacks(mixed_dir):
    assert ATTRIBUTION_BIN.exists()
    (mixed_dir / "harga.md").unlink()
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([str(ATTRIBUTION_BIN), "check", "--format", "jsonl", str(mixed_dir),
                           str(mixed_dir / "missing.txt")],
                          capture_output=True, text=True, timeout=120, env=env)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert proc.returncode == 1
    names = sorted(Path(json.loads(line)["path"]).name for line in proc.stdout.splitlines())
    assert names == ["cafe.txt", "empty.txt", "fuel.txt"]
    err = proc.stderr.splitlines()
    for name, what in (("photo.png", "skipped"), ("scan.txt", "binary"), ("missing.txt", "no such file"),
                       ("empty.txt", "empty"), ("cafe.txt", "UTF-8")):
        about = _lines_about(err, name)
        assert len(about) == 1 and what in about[0], (name, about)


def test_installed_command_reads_stdin():
    proc = subprocess.run([str(ATTRIBUTION_BIN), "check", "--format", "json", "-"],
                          input="Rice prices rose again this week, a trader at the market said.\n",
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    [obj] = json.loads(proc.stdout)
    assert obj["path"] == "-" and obj["lang"] == "en" and obj["sentences"]


def test_installed_command_survives_an_ascii_only_terminal(tmp_path, en_article):
    path = tmp_path / "fuel.txt"
    path.write_text(en_article, encoding="utf-8")  # holds an em dash
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "NO_COLOR": "1"}
    proc = subprocess.run([str(ATTRIBUTION_BIN), "check", "--format", "jsonl", str(path)],
                          capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    proc.stdout.decode("ascii")  # nothing the terminal cannot show
    sentence = json.loads(proc.stdout)["sentences"][0]
    assert en_article[sentence["start"]:sentence["end"]] == sentence["text"]


def test_text_output_to_an_ascii_only_stream(capsys, monkeypatch, tmp_path, en_article):
    import io
    path = tmp_path / "fuel.txt"
    path.write_text(en_article, encoding="utf-8")
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    assert cli.main(["check", "--color", "never", str(path)]) == 0
    sys.stdout.flush()
    out = raw.getvalue().decode("ascii")
    assert "\\u2014" in out and str(path) in out
