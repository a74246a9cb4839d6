"""READ stage: readers for .txt/.html/.md, offset maps back to the original, decoding."""
from __future__ import annotations

import io
import sys

import pytest

from attribution.read import (Document, ReadError, decode, document_from_text, expand_paths,
                              read_bytes, read_path)
from attribution.read.offsets import LineIndex

NEWS_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Headline hidden in head</title>
  <meta charset="utf-8">
  <style>p.lead { color: #c00; } .secretstyle {}</style>
  <script>var tracker = "officials said nothing"; if (a < b && c) { run(); }</script>
</head>
<body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Fuel prices to rise next month</h1>
<p class="lead">Barnes &amp; Noble Ltd. said on Monday that &#8220;prices will rise&#8221;,
   according to Reuters.</p>
<p>The minister&#8217;s office declined to comment.<br>Talks continue.</p>
<script type="text/javascript">document.write("Inline script said hello");</script>
<ul><li>First point</li><li>Second point</li></ul>
</article>
</body>
</html>
"""

NEWS_MD = """# Harga BBM naik bulan depan

Menurut **Menteri Keuangan** Sri Mulyani, harga bahan bakar _akan_ naik bulan depan.

> "Kami tidak punya pilihan lain," kata [Sri Mulyani](https://example.com/sri "Profil") kepada wartawan.

![Foto SPBU di Jakarta](https://example.com/spbu.jpg)

- Harga *pertalite* naik
- Harga `solar` tetap

```
kode_rahasia = "tidak boleh terbaca"
```

## Reaksi warga

Warga mengeluh, kata Ahmad, seorang pengemudi ojek.
"""


def _span_of(doc: Document, word: str, nth: int = 0) -> tuple[int, int]:
    """Original span of the ``nth`` occurrence of ``word`` in the analysed text."""
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(word, i + 1)
    return doc.original_span(i, i + len(word))


# --- plain text -------------------------------------------------------------------------


def test_txt_text_is_file_text_and_offsets_are_identity(tmp_path, en_article):
    path = tmp_path / "fuel.txt"
    path.write_text(en_article, encoding="utf-8")
    doc = read_path(str(path))
    assert doc.format == "text"
    assert doc.text == en_article
    assert doc.original == en_article
    assert doc.offsets.is_identity
    assert doc.warnings == []
    i = en_article.index("Sri Mulyani")
    assert doc.original_span(i, i + 11) == (i, i + 11)
    assert doc.original[slice(*doc.original_span(i, i + 11))] == "Sri Mulyani"


def test_txt_keeps_crlf_so_offsets_fit_the_file(tmp_path, en_article):
    crlf = en_article.replace("\n", "\r\n")
    path = tmp_path / "fuel.txt"
    path.write_bytes(crlf.encode("utf-8"))
    doc = read_path(str(path))
    assert doc.text == crlf
    i = doc.text.index("Prices")
    assert crlf[slice(*doc.original_span(i, i + 6))] == "Prices"
    assert doc.line_col(i) == (7, 1)


# --- HTML -----------------------------------------------------------------------------


@pytest.fixture
def html_doc(tmp_path) -> Document:
    path = tmp_path / "page.html"
    path.write_text(NEWS_HTML, encoding="utf-8")
    return read_path(str(path))


def test_html_visible_text_excludes_script_style_and_head(html_doc):
    assert html_doc.format == "html"
    text = html_doc.text
    assert "Fuel prices to rise next month" in text
    assert "Talks continue." in text
    for hidden in ("Headline hidden in head", "tracker", "officials said nothing", "color",
                   "secretstyle", "Inline script said hello", "document.write", "<", ">"):
        assert hidden not in text, hidden


def test_html_entities_are_decoded(html_doc):
    text = html_doc.text
    assert "Barnes & Noble Ltd." in text
    assert "\u201cprices will rise\u201d" in text
    assert "minister\u2019s office" in text
    assert "&amp;" not in text and "&#8220;" not in text and "&#" not in text


def test_html_blocks_become_paragraph_breaks_and_layout_whitespace_collapses(html_doc):
    paragraphs = [p for p in html_doc.text.split("\n\n") if p.strip()]
    assert paragraphs == [
        "Home",
        "Fuel prices to rise next month",
        "Barnes & Noble Ltd. said on Monday that \u201cprices will rise\u201d, according to Reuters.",
        "The minister\u2019s office declined to comment.",
        "Talks continue.",
        "First point",
        "Second point",
    ]


@pytest.mark.parametrize("word", ["Barnes", "Noble", "Monday", "Reuters", "office", "comment",
                                  "Talks", "Second"])
def test_html_word_maps_back_to_the_same_word_in_raw_html(html_doc, word):
    os_, oe = _span_of(html_doc, word)
    assert NEWS_HTML[os_:oe] == word


def test_html_word_right_after_an_entity_maps_back_exactly(html_doc):
    # "prices" directly follows &#8220; ; "Noble" follows "&amp; "; "s" follows &#8217;
    i = html_doc.text.index("\u201cprices") + 1
    os_, oe = html_doc.original_span(i, i + len("prices"))
    assert NEWS_HTML[os_:oe] == "prices"
    assert NEWS_HTML[os_ - len("&#8220;"):os_] == "&#8220;"
    i = html_doc.text.index("\u2019s office") + 1
    os_, oe = html_doc.original_span(i, i + len("s office"))
    assert NEWS_HTML[os_:oe] == "s office"


def test_html_entity_maps_back_to_the_whole_entity(html_doc):
    i = html_doc.text.index("&")
    os_, oe = html_doc.original_span(i, i + 1)
    assert NEWS_HTML[os_:oe] == "&amp;"
    i = html_doc.text.index("\u201c")
    span = html_doc.original_span(i, html_doc.text.index("\u201d") + 1)
    assert NEWS_HTML[span[0]:span[1]] == "&#8220;prices will rise&#8221;"


def test_html_span_across_a_line_break_maps_to_the_raw_run(html_doc):
    start = html_doc.text.index("according")
    os_, oe = html_doc.original_span(html_doc.text.index("rise\u201d"), start + len("according"))
    assert NEWS_HTML[os_:oe] == "rise&#8221;,\n   according"


def test_html_line_col_of_a_word(html_doc):
    os_, _ = _span_of(html_doc, "Reuters")
    line = NEWS_HTML[:os_].count("\n") + 1
    col = os_ - (NEWS_HTML.rfind("\n", 0, os_) + 1) + 1
    assert html_doc.line_col(os_) == (line, col)
    assert NEWS_HTML.splitlines()[line - 1][col - 1:col + 6] == "Reuters"


def test_html_entity_without_semicolon_is_not_given_one():
    raw = "<p>AT&T said &copy 2024 prices rose, said Smith&Wesson &unknown; staff.</p>"
    doc = document_from_text(raw, "html")
    assert doc.text.strip() == "AT&T said \u00a9 2024 prices rose, said Smith&Wesson &unknown; staff."
    for word in ("AT&T", "said", "2024", "Smith&Wesson", "&unknown;", "staff"):
        os_, oe = _span_of(doc, word)
        assert raw[os_:oe] == word, word
    os_, oe = _span_of(doc, "\u00a9")
    assert raw[os_:oe] == "&copy"


def test_html_hex_charref_and_crlf_offsets():
    raw = "<html>\r\n<body>\r\n<p>Polisi &#x201C;menangkap&#X201D; dua\r\norang, kata juru bicara.</p>\r\n</body></html>"
    doc = document_from_text(raw, "html")
    assert "Polisi \u201cmenangkap\u201d dua orang, kata juru bicara." in doc.text
    for word in ("menangkap", "orang", "juru"):
        os_, oe = _span_of(doc, word)
        assert raw[os_:oe] == word
    os_, _ = _span_of(doc, "orang")
    assert doc.line_col(os_) == (4, 1)


def test_html_unclosed_head_does_not_hide_the_body():
    raw = ("<html><head><title>Berita</title><meta charset=utf-8>"
           "<body><p>Polisi menangkap dua tersangka, kata juru bicara.</p></body></html>")
    doc = document_from_text(raw, "html")
    assert "Polisi menangkap dua tersangka, kata juru bicara." in doc.text
    assert "Berita" not in doc.text


def test_html_table_cells_do_not_run_together():
    raw = "<table><tr><th>Kota</th><th>Harga</th></tr><tr><td>Jakarta</td><td>Rp10.000</td></tr></table>"
    doc = document_from_text(raw, "html")
    words = doc.text.split()
    assert words == ["Kota", "Harga", "Jakarta", "Rp10.000"]


def test_html_comments_and_noscript_are_hidden():
    raw = "<p>Visible text.</p><!-- editor said: cut this --><noscript>Enable JS</noscript><p>More.</p>"
    doc = document_from_text(raw, "html")
    assert "editor" not in doc.text and "Enable" not in doc.text
    assert [p for p in doc.text.split("\n\n") if p] == ["Visible text.", "More."]


def test_html_in_a_txt_file_is_recognised_by_content():
    raw = "<html><body><p>The mayor said &amp; repeated it.</p></body></html>"
    doc = read_bytes(raw.encode(), "page.txt")
    assert doc.format == "html"
    assert doc.text.strip() == "The mayor said & repeated it."


def test_html_with_no_visible_text_warns_not_empty_file():
    doc = read_bytes(b"<html><head><script>var x = 1;</script></head><body></body></html>", "blank.html")
    assert doc.text.strip() == ""
    assert len(doc.warnings) == 1
    assert "no text to check" in doc.warnings[0] and "visible" in doc.warnings[0]


# --- Markdown --------------------------------------------------------------------------


@pytest.fixture
def md_doc(tmp_path) -> Document:
    path = tmp_path / "berita.md"
    path.write_text(NEWS_MD, encoding="utf-8")
    return read_path(str(path))


def test_markdown_markup_is_removed(md_doc):
    text = md_doc.text
    assert md_doc.format == "markdown"
    for markup in ("#", "**", "_akan_", "*pertalite*", "`", "](", "https://", "![", "kode_rahasia",
                   "Foto SPBU", ">"):
        assert markup not in text, markup
    assert "Harga BBM naik bulan depan" in text
    assert "Menurut Menteri Keuangan Sri Mulyani, harga bahan bakar akan naik bulan depan." in text
    assert "\"Kami tidak punya pilihan lain,\" kata Sri Mulyani kepada wartawan." in text
    assert "Harga pertalite naik\nHarga solar tetap" in text
    assert "Reaksi warga" in text


def test_markdown_headings_and_list_items_stay_on_their_own_lines(md_doc):
    lines = [line for line in md_doc.text.splitlines() if line.strip()]
    assert lines[0] == "Harga BBM naik bulan depan"
    assert "Reaksi warga" in lines
    assert lines[-1] == "Warga mengeluh, kata Ahmad, seorang pengemudi ojek."


@pytest.mark.parametrize("word", ["Harga", "Menteri Keuangan", "akan", "Sri Mulyani", "kepada",
                                  "pertalite", "solar", "Reaksi", "Ahmad"])
def test_markdown_word_maps_back_into_the_original(md_doc, word):
    os_, oe = _span_of(md_doc, word)
    assert NEWS_MD[os_:oe] == word


def test_markdown_link_text_maps_to_the_link_text(md_doc):
    i = md_doc.text.index("kata Sri Mulyani") + len("kata ")
    os_, oe = md_doc.original_span(i, i + len("Sri Mulyani"))
    assert NEWS_MD[os_:oe] == "Sri Mulyani"
    assert NEWS_MD[os_ - 1] == "["
    # a sentence span maps to the whole original sentence, markup included
    s = md_doc.text.index("Menurut")
    e = md_doc.text.index("depan.", s) + len("depan.")
    os_, oe = md_doc.original_span(s, e)
    assert NEWS_MD[os_:oe] == "Menurut **Menteri Keuangan** Sri Mulyani, harga bahan bakar _akan_ naik bulan depan."


def test_markdown_line_col(md_doc):
    os_, _ = _span_of(md_doc, "Ahmad")
    line = NEWS_MD[:os_].count("\n") + 1
    assert md_doc.line_col(os_) == (line, NEWS_MD.splitlines()[line - 1].index("Ahmad") + 1)
    os_, _ = _span_of(md_doc, "Harga")
    assert md_doc.line_col(os_) == (1, 3)


def test_markdown_link_text_with_emphasis_is_cleaned():
    md = "Kata [**Jokowi**](https://id.wikipedia.org/wiki/Joko_Widodo_(presiden)) kepada wartawan."
    doc = document_from_text(md, "markdown")
    assert doc.text == "Kata Jokowi kepada wartawan."
    os_, oe = _span_of(doc, "Jokowi")
    assert md[os_:oe] == "Jokowi"


def test_markdown_keeps_underscores_and_stars_inside_words_and_maths():
    md = "Berkas laporan_akhir.pdf dan akun @budi_santoso; 5 * 3 = 15, kata *dia*."
    doc = document_from_text(md, "markdown")
    assert doc.text == "Berkas laporan_akhir.pdf dan akun @budi_santoso; 5 * 3 = 15, kata dia."


def test_markdown_setext_headings_rules_reference_links_and_closing_hashes():
    md = ("Harga BBM naik\n==============\n\n"
          "## Reaksi warga ##\n\n"
          "Lihat [laporan lengkap][1] dari Kompas.\n\n"
          "---\n\n"
          "Warga mengeluh.\n\n"
          "[1]: https://kompas.com/laporan\n")
    doc = document_from_text(md, "markdown")
    lines = [line for line in doc.text.splitlines() if line.strip()]
    assert lines == ["Harga BBM naik", "Reaksi warga", "Lihat laporan lengkap dari Kompas.", "Warga mengeluh."]
    os_, oe = _span_of(doc, "laporan lengkap")
    assert md[os_:oe] == "laporan lengkap"


def test_markdown_backslash_escapes_keep_the_character():
    md = "Harga naik 10\\*, kata \\_pejabat\\_."
    doc = document_from_text(md, "markdown")
    assert doc.text == "Harga naik 10*, kata _pejabat_."
    os_, oe = _span_of(doc, "pejabat")
    assert md[os_:oe] == "pejabat"


# --- line:col ---------------------------------------------------------------------------


def test_line_col_is_one_based():
    text = "First line\nSecond line here\n\nFourth"
    index = LineIndex(text)
    assert index.line_col(0) == (1, 1)
    assert index.line_col(text.index("line")) == (1, 7)
    assert index.line_col(text.index("Second")) == (2, 1)
    assert index.line_col(text.index("here")) == (2, 13)
    assert index.line_col(text.index("Fourth")) == (4, 1)
    doc = document_from_text(text)
    assert doc.line_col(text.index("here")) == (2, 13)


# --- decoding ---------------------------------------------------------------------------


def test_latin1_file_is_read_with_a_warning(tmp_path):
    text = "The caf\u00e9 owner in S\u00e3o Paulo said on Monday that prices had doubled.\n"
    path = tmp_path / "cafe.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = read_path(str(path))
    assert doc.text == text
    assert len(doc.warnings) == 1
    assert str(path) in doc.warnings[0]
    assert "not valid UTF-8" in doc.warnings[0]


def test_cp1252_file_with_curly_quotes_and_ellipsis(tmp_path):
    text = "\u201cCaf\u00e9 prices will rise \u2026 again,\u201d the owner said \u2014 without a smile.\n"
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read_path(str(path))
    assert doc.text == text
    assert any("not valid UTF-8" in w and "cp1252" in w for w in doc.warnings)


def test_nul_bytes_raise_read_error_saying_binary(tmp_path, png_bytes):
    path = tmp_path / "photo.txt"
    path.write_bytes(png_bytes)
    with pytest.raises(ReadError, match="binary") as info:
        read_path(str(path))
    assert str(path) in str(info.value)


def test_utf8_bom_is_dropped_without_warning(tmp_path, id_article):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + id_article.encode("utf-8"))
    doc = read_path(str(path))
    assert doc.text == id_article
    assert not doc.text.startswith("\ufeff")
    assert doc.warnings == []


def test_utf16_with_bom_is_text_not_binary(id_article):
    text, warnings = decode(id_article.encode("utf-16"), "windows.txt")
    assert text == id_article
    assert warnings == []


def test_valid_utf8_has_no_warning(en_article):
    text, warnings = decode(("Caf\u00e9 \u2014 " + en_article).encode("utf-8"), "a.txt")
    assert text.startswith("Caf\u00e9 \u2014 ")
    assert warnings == []


# --- files, sizes, directories, stdin ------------------------------------------------------


def test_missing_file_and_directory_raise_read_error(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_path(str(tmp_path / "nope.txt"))
    with pytest.raises(ReadError, match="is a directory"):
        read_path(str(tmp_path))


def test_too_big_raises_with_a_hint_about_max_bytes(tmp_path, en_article):
    path = tmp_path / "long.txt"
    path.write_text(en_article * 10, encoding="utf-8")
    with pytest.raises(ReadError, match="--max-bytes") as info:
        read_path(str(path), max_bytes=1000)
    assert "1,000 bytes" in str(info.value)
    assert read_path(str(path), max_bytes=0).text == en_article * 10  # 0: no limit
    with pytest.raises(ReadError, match="limit"):
        read_bytes(b"x" * 2000, "-", max_bytes=1000)


def test_empty_file_is_a_warning_not_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = read_path(str(path))
    assert doc.text == ""
    assert len(doc.warnings) == 1 and "empty" in doc.warnings[0]
    path.write_bytes(b"  \n\n \t\n")
    assert "empty" in read_path(str(path)).warnings[0]


def test_expand_paths_walks_directories_and_reports_skips(tmp_path, png_bytes):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("x")
    (tmp_path / "c.HTML").write_text("x")
    (tmp_path / "photo.png").write_bytes(png_bytes)
    (tmp_path / ".hidden.txt").write_text("x")
    files, problems = expand_paths([str(tmp_path)])
    assert sorted(files) == sorted(str(tmp_path / p) for p in ("a.txt", "c.HTML", "sub/b.md"))
    assert len(problems) == 1 and "photo.png" in problems[0] and "skipped" in problems[0]
    files, problems = expand_paths([str(tmp_path / "*.zzz")])
    assert files == [] and "matched no files" in problems[0]
    empty = tmp_path / "emptydir"
    empty.mkdir()
    files, problems = expand_paths([str(empty)])
    assert files == [] and "no .txt, .md, .html or .docx" in problems[0]


def test_stdin_dash(monkeypatch, id_article):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(id_article.encode("utf-8"))))
    doc = read_path("-")
    assert doc.path == "-"
    assert doc.text == id_article and doc.format == "text"


def test_stdin_html_is_recognised(monkeypatch):
    page = b"<html><body><p>Polisi &amp; TNI berjaga, kata Kapolda.</p></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    doc = read_path("-")
    assert doc.format == "html"
    assert doc.text.strip() == "Polisi & TNI berjaga, kata Kapolda."
