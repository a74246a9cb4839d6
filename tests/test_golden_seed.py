"""The user's sample article: every sentence labelled as in the project's first golden example."""
from pathlib import Path

import pytest

import attribution

SEED = Path(__file__).resolve().parents[1] / "seeds" / "islamtimes-2024-01-us-iraq.txt"

# (start of the sentence, label, [(source text, type, via)], [vague hedges])
EXPECTED = [
    ("date 2024-01 US Marines", "skip", [], []),
    ("IslamTimes -", "skip", [], []),
    ("Amerika Serikat akan mengadakan", "attributed", [("para pejabat", "anonymous", [])], []),
    ("Hal ini menunjukkan", "unattributed", [], []),
    ("Baghdad telah mendorong", "attributed", [("Baghdad", "organization", [])], []),
    ("Dalam pesan yang disampaikan", "attributed",
     [("pemerintah AS", "organization", []),
      ("pejabat yang tidak disebutkan namanya", "anonymous", ["Reuters", "CNN"])], []),
    ("Hussein kemudian mengatakan", "attributed", [("Hussein", "person", [])], []),
    ("AS menempatkan sekitar 2.500", "unattributed", [], []),
    ("Mereka dimaksudkan untuk", "attributed", [("Pentagon", "organization", [])], []),
    ("Meskipun Pentagon mengatakan", "attributed",
     [("Pentagon", "organization", []), ("CNN", "outlet", [])], []),
    ("Menurut berbagai sumber", "attributed", [("berbagai sumber", "anonymous", ["Reuters"])], []),
    ("Meskipun AS sebelumnya", "attributed", [("AS", "organization", [])], ["dilaporkan"]),
    ("Namun beberapa pejabat", "attributed", [("beberapa pejabat di Bagdad", "anonymous", [])], []),
    ("Awal bulan ini", "attributed",
     [("Perdana Menteri Mohammed Shia al-Sudani", "person", [])], []),
    ("Negosiasi dengan Washington", "attributed", [("Reuters", "outlet", [])], []),
    ("Al-Sudani dengan keras", "attributed", [("Al-Sudani", "person", [])], []),
    ("Setelah serangkaian serangan", "attributed", [("pemimpin tersebut", "person", [])], []),
    ("[IT/r]", "skip", [], []),
]


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, attribution.analyze(text)


def test_seed_is_read_as_indonesian(seed):
    assert seed[1].lang == "id"


def test_seed_sentences_labels_and_sources(seed):
    text, analysis = seed
    got = analysis.sentences
    assert len(got) == len(EXPECTED)
    for sentence, (opening, label, sources, hedges) in zip(got, EXPECTED):
        assert sentence.text.startswith(opening), sentence.text
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.label == label, sentence.text
        named = [(s.text, s.type, s.via) for s in sentence.sources if s.type != "vague"]
        assert named == sources, sentence.text
        assert [s.text for s in sentence.sources if s.type == "vague"] == hedges


def test_seed_glued_sentences_are_split(seed):
    text, analysis = seed
    starts = [s.text[:12] for s in analysis.sentences]
    # "tersebutDalam", "lanjut.AS", "CNN.Hussein", "Irak.”Menurut" all run together in the copy
    assert "Dalam pesan " in starts and "Hussein kemu" in starts
    assert "AS menempatk" in starts and "Menurut berb" in starts


def test_seed_short_reference_resolves_to_full_name(seed):
    leader = seed[1].sentences[16].sources[0]
    assert leader.text == "pemimpin tersebut" and leader.refers_to == "Al-Sudani"
