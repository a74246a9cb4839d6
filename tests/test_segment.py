"""Segmentation: glued sentences split, names, abbreviations and numbers kept whole, non-prose skipped."""
import pytest

from attribution.rulepack import load_rulepack
from attribution.segment import make_pipeline, sentence_spans


def segment(text, lang):
    doc = make_pipeline(lang)(text)
    return [(text[s.start:s.end], s.kind) for s in sentence_spans(doc, load_rulepack(lang))]


def texts(text, lang):
    return [t for t, _ in segment(text, lang)]


@pytest.mark.parametrize("text, expected", [
    ("Harga cabai naik di pasar tersebutDalam sepekan terakhir harga bawang ikut naik.",
     ["Harga cabai naik di pasar tersebut", "Dalam sepekan terakhir harga bawang ikut naik."]),
    ("Ia tidak menjelaskan lebih lanjut.AS menempatkan 2.500 tentara di sana.",
     ["Ia tidak menjelaskan lebih lanjut.", "AS menempatkan 2.500 tentara di sana."]),
    ("Hal itu dilaporkan CNN.Hussein kemudian menolak berkomentar.",
     ["Hal itu dilaporkan CNN.", "Hussein kemudian menolak berkomentar."]),
    ("Ia menyebut pasukan akan tetap di Irak.”Menurut dia, pembicaraan berlanjut.",
     ["Ia menyebut pasukan akan tetap di Irak.”", "Menurut dia, pembicaraan berlanjut."]),
])
def test_glued_indonesian_sentences_are_split(text, expected):
    assert texts(text, "id") == expected


@pytest.mark.parametrize("text", [
    "Laporan itu dimuat IslamTimes dan dikutip detikNews pada Senin.",
    "Gerai McDonald di Jalan Sudirman tutup sementara.",
    "Direktur PT. Maju Jaya, M. Hery, menyebut omzet naik 3,5% menjadi Rp 2.500 miliar.",
    "Ia dirawat di RS Siloam, Jl. Gatot Subroto No. 12, Jakarta.",
])
def test_indonesian_names_abbreviations_and_numbers_stay_whole(text):
    assert texts(text, "id") == [text]


@pytest.mark.parametrize("text", [
    "The U.S. Treasury said Mr. Smith of No. 5 Downing St. had left.",
    "Shares of Acme Corp. rose 3.5 pct to $4.25 on the news, Dr. Jones said.",
])
def test_english_abbreviations_stay_whole(text):
    assert texts(text, "en") == [text]


def test_english_abbreviation_can_end_a_sentence():
    assert texts("Prices rose in the U.S. The Fed said it would wait.", "en") == [
        "Prices rose in the U.S.", "The Fed said it would wait."]


def test_datelines_are_split_off_and_skipped():
    got = segment("NEW YORK, Feb 26 (Reuters) - Oil prices fell on Tuesday, traders said.", "en")
    assert got == [("NEW YORK, Feb 26 (Reuters) -", "dateline"),
                   ("Oil prices fell on Tuesday, traders said.", "prose")]
    got = segment("Jakarta, CNN Indonesia -- Polisi menangkap dua tersangka, kata Kapolres.", "id")
    assert got[0] == ("Jakarta, CNN Indonesia --", "dateline")
    assert got[1][1] == "prose"


def test_headlines_captions_credit_tags_and_boilerplate_are_skipped():
    text = ("Banjir Rendam Ratusan Rumah di Bekasi\n\n"
            "Ratusan rumah terendam banjir setinggi satu meter, kata Kepala BPBD Bekasi.\n"
            "Baca juga: Warga Mengungsi ke Masjid Terdekat\n"
            "Petugas masih mendata kerugian.[has/has]\n"
            "(ant)")
    got = segment(text, "id")
    kinds = {t: k for t, k in got}
    assert kinds["Banjir Rendam Ratusan Rumah di Bekasi"] == "headline"
    assert kinds["Baca juga: Warga Mengungsi ke Masjid Terdekat"] == "boilerplate"
    assert kinds["Petugas masih mendata kerugian."] == "prose"
    assert kinds["[has/has]"] == "credit"
    assert kinds["(ant)"] == "credit"


def test_bullet_lists_without_full_stop_are_skipped():
    got = segment("Rincian bantuan sebagai berikut:\n• Penerima PKH: 398.714 keluarga\n", "id")
    assert got == [("Rincian bantuan sebagai berikut:", "prose"),
                   ("• Penerima PKH: 398.714 keluarga", "list")]
