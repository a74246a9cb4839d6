"""The authored-article builder that produces the gold-format training corpus."""
import pytest

from attribution.training.corpus import CorpusError, build_article


def article(*paragraphs):
    return {"id": "t-1", "lang": "id", "topic": "ekonomi", "style": "portal", "paragraphs": list(paragraphs)}


def test_offsets_point_at_each_sentence():
    built = build_article(article(
        [{"text": "Harga Beras Naik Lagi", "label": "skip"}],
        [{"text": "Harga beras naik 5 persen, kata Kepala Dinas Budi Santoso.", "label": "attributed",
          "sources": [{"text": "Kepala Dinas Budi Santoso", "type": "person"}]},
         {"text": "Kenaikan dilaporkan terjadi di tiga pasar.", "label": "unattributed",
          "sources": [{"text": "dilaporkan", "type": "vague"}]}]))
    text = built["text"]
    assert text.startswith("Harga Beras Naik Lagi\n\nHarga beras")
    got = [text[s["start"]:s["end"]] for s in built["sentences"]]
    assert got == ["Harga Beras Naik Lagi", "Harga beras naik 5 persen, kata Kepala Dinas Budi Santoso.",
                   "Kenaikan dilaporkan terjadi di tiga pasar."]
    assert built["sentences"][1]["sources"] == [{"text": "Kepala Dinas Budi Santoso", "type": "person", "via": []}]


@pytest.mark.parametrize("sentence, message", [
    ({"text": "Harga naik, kata Budi.", "label": "attributed", "sources": [{"text": "Ani", "type": "person"}]},
     "not in the sentence"),
    ({"text": "Harga naik.", "label": "unattributed", "sources": [{"text": "Harga", "type": "person"}]},
     "only carry vague"),
    ({"text": "Harga naik.", "label": "maybe"}, "label must be"),
    ({"text": " Harga naik.", "label": "unattributed"}, "outer spaces"),
    ({"text": "Harga naik, kata Budi kepada Antara.", "label": "attributed",
      "sources": [{"text": "Budi", "type": "person", "via": ["Reuters"]}]}, "via 'Reuters'"),
])
def test_labelling_mistakes_are_refused(sentence, message):
    with pytest.raises(CorpusError, match=message):
        build_article(article([sentence]))
