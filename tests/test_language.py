"""LANGUAGE: telling English from Indonesian copy, refusing other languages, --lang overrides."""
from __future__ import annotations

import pytest

from attribution.language import (LanguageError, detect_language, language_scores,
                                  resolve_language)
from attribution.read import document_from_text

ENGLISH = [
    "The central bank kept its benchmark rate unchanged on Thursday, citing concerns about "
    "inflation and a weaker currency, a spokesperson said.",
    "Police arrested two men in connection with the robbery, which took place on Sunday night "
    "at a jewellery shop in the city centre, officials told reporters.",
    "\"We will not back down,\" the union leader said, adding that the strike would continue "
    "until the company agreed to their demands.",
]

INDONESIAN = [
    "Bank Indonesia mempertahankan suku bunga acuan pada hari Kamis karena kekhawatiran akan "
    "inflasi dan pelemahan rupiah, kata juru bicara bank tersebut.",
    "Polisi menangkap dua pria yang diduga terlibat dalam perampokan toko emas di pusat kota "
    "pada Minggu malam, ujar Kapolres kepada wartawan.",
    "\"Kami tidak akan mundur,\" kata ketua serikat pekerja itu, seraya menambahkan bahwa mogok "
    "kerja akan terus berlanjut sampai perusahaan memenuhi tuntutan mereka.",
]

OTHER = {
    "fr": "Le ministre des Finances a déclaré mardi que le gouvernement augmenterait les prix du "
          "carburant le mois prochain, malgré la colère des syndicats.",
    "de": "Die Zentralbank hat den Leitzins am Donnerstag unverändert gelassen, sagte ein Sprecher "
          "der Bank, und verwies auf die hohe Inflation.",
    "es": "El ministro de Economía dijo el martes que el gobierno subirá los precios del "
          "combustible el próximo mes.",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_detected(text):
    assert detect_language(text) == "en"
    scores = language_scores(text)
    assert scores["en"] > scores["id"]


@pytest.mark.parametrize("text", INDONESIAN)
def test_indonesian_is_detected(text):
    assert detect_language(text) == "id"
    scores = language_scores(text)
    assert scores["id"] > scores["en"]


def test_whole_articles(en_article, id_article, id_markdown):
    assert detect_language(en_article) == "en"
    assert detect_language(id_article) == "id"
    assert detect_language(document_from_text(id_markdown, "markdown").text) == "id"


def test_indonesian_article_quoting_english_is_still_indonesian(id_article):
    text = id_article + "\n\n\"This is a very difficult decision,\" katanya dalam bahasa Inggris.\n"
    assert detect_language(text) == "id"


@pytest.mark.parametrize("code", sorted(OTHER))
def test_other_languages_raise_and_point_to_lang(code):
    with pytest.raises(LanguageError) as info:
        detect_language(OTHER[code])
    message = str(info.value)
    assert "--lang" in message
    assert "en" in message and "id" in message
    with pytest.raises(LanguageError, match="--lang"):
        resolve_language(OTHER[code], None)


def test_no_words_at_all_raises():
    for text in ("", "   \n", "2024 — 12.5% / 33"):
        with pytest.raises(LanguageError, match="--lang"):
            detect_language(text)


@pytest.mark.parametrize("auto", [None, "", "auto"])
def test_resolve_detects_when_not_given(auto):
    assert resolve_language(ENGLISH[0], auto) == "en"
    assert resolve_language(INDONESIAN[0], auto) == "id"


def test_resolve_forces_the_given_language():
    assert resolve_language(ENGLISH[0], "id") == "id"
    assert resolve_language(INDONESIAN[0], "en") == "en"
    assert resolve_language(OTHER["fr"], "en") == "en"  # forcing skips detection entirely


@pytest.mark.parametrize("code", ["fr", "ms", "english", "EN-US"])
def test_unsupported_code_raises(code):
    with pytest.raises(LanguageError) as info:
        resolve_language(ENGLISH[0], code)
    message = str(info.value)
    assert code in message and "unsupported" in message
    assert "en" in message and "id" in message


def test_indonesian_copy_dense_with_names_and_figures_is_still_indonesian():
    text = ("Rupiah Melemah, BI Pertahankan Suku Bunga\n\nMANADO, detikNews — Rupiah melemah 4,3% "
            "terhadap dolar AS pada perdagangan pagi, kata Gubernur Bank Indonesia Arief Wicaksono. "
            "Indeks Harga Saham Gabungan (IHSG) turun 1,2% ke level 7.045. PT Sinar Samudra Energi "
            "Tbk menyiapkan investasi Rp 893 miliar di Denpasar.")
    assert detect_language(text) == "id"
