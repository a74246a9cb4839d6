"""Parsed backends: speakers read off dependency trees built by hand (no downloads)."""
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from attribution.detect.parsed import (BackendError, Word, find_speakers, make_backend, reporting_words,
                                       words_from_spacy, words_from_stanza)
from attribution.rulepack import load_rulepack

EN_VERBS, EN_ACCORDING = reporting_words(load_rulepack("en"))
ID_VERBS, ID_ACCORDING = reporting_words(load_rulepack("id"))


def spacy_doc(words, heads, deps):
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def speakers(words, verbs, according, text):
    return [(text[a:b], rule) for a, b, rule in find_speakers(words, verbs, according)]


def test_spacy_subject_of_a_reporting_verb():
    # "Senior Japanese officials warned that tariffs would rise ."
    doc = spacy_doc(["Senior", "Japanese", "officials", "warned", "that", "tariffs", "would", "rise", "."],
                    [2, 2, 3, 3, 7, 7, 7, 3, 3],
                    ["amod", "amod", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"])
    got = speakers(words_from_spacy(doc[:]), EN_VERBS, EN_ACCORDING, doc.text)
    assert got == [("Senior Japanese officials", "PARSE-SUBJECT")]


def test_spacy_according_to_takes_the_object_of_to():
    # "Output fell , according to the ministry ."
    doc = spacy_doc(["Output", "fell", ",", "according", "to", "the", "ministry", "."],
                    [1, 1, 1, 1, 3, 6, 4, 1],
                    ["nsubj", "ROOT", "punct", "prep", "prep", "det", "pobj", "punct"])
    got = speakers(words_from_spacy(doc[:]), EN_VERBS, EN_ACCORDING, doc.text)
    assert got == [("the ministry", "PARSE-ACCORDING")]


def test_spacy_non_reporting_verb_gives_no_speaker():
    doc = spacy_doc(["The", "police", "arrested", "two", "men", "."], [1, 2, 2, 4, 2, 2],
                    ["det", "nsubj", "ROOT", "nummod", "dobj", "punct"])
    assert find_speakers(words_from_spacy(doc[:]), EN_VERBS, EN_ACCORDING) == []


CONLLU_ID = """# text = Menurut Kepala Dinas Kesehatan, kasus demam berdarah menurun.
1	Menurut	menurut	ADP	_	_	2	case	_	_
2	Kepala	kepala	NOUN	_	_	7	obl	_	_
3	Dinas	dinas	PROPN	_	_	2	nmod	_	_
4	Kesehatan	kesehatan	PROPN	_	_	3	flat	_	SpaceAfter=No
5	,	,	PUNCT	_	_	2	punct	_	_
6	kasus	kasus	NOUN	_	_	7	nsubj	_	_
7	menurun	turun	VERB	_	_	0	root	_	SpaceAfter=No
8	.	.	PUNCT	_	_	7	punct	_	_

# text = Polisi menegaskan pelaku sudah ditangkap.
1	Polisi	polisi	NOUN	_	_	2	nsubj	_	_
2	menegaskan	tegas	VERB	_	_	0	root	_	_
3	pelaku	pelaku	NOUN	_	_	5	nsubj:pass	_	_
4	sudah	sudah	ADV	_	_	5	advmod	_	_
5	ditangkap	tangkap	VERB	_	_	2	ccomp	_	SpaceAfter=No
6	.	.	PUNCT	_	_	2	punct	_	_

"""


def test_stanza_document_from_conllu():
    pytest.importorskip("stanza")
    from stanza.utils.conll import CoNLL
    document = CoNLL.conll2doc(input_str=CONLLU_ID, reconstruct_text=True)
    text = document.text
    first, second = document.sentences
    got = speakers(words_from_stanza(first), ID_VERBS, ID_ACCORDING, text)
    # "Kesehatan" is followed by the comma, which hangs on "Kepala" too
    assert got and got[0][1] == "PARSE-ACCORDING" and got[0][0].startswith("Kepala Dinas Kesehatan")
    got = speakers(words_from_stanza(second), ID_VERBS, ID_ACCORDING, text)
    assert got == [("Polisi", "PARSE-SUBJECT")]


def test_hand_built_words_for_menurut_with_fixed_marker():
    text = "Menurut sumber itu, rapat ditunda."
    words = [Word("Menurut", 0, 7, 1, "case"), Word("sumber", 8, 14, 5, "obl"), Word("itu", 15, 18, 1, "det"),
             Word(",", 18, 19, 1, "punct"), Word("rapat", 20, 25, 5, "nsubj:pass"),
             Word("ditunda", 26, 33, -1, "root"), Word(".", 33, 34, 5, "punct")]
    assert speakers(words, ID_VERBS, ID_ACCORDING, text) == [("sumber itu,", "PARSE-ACCORDING")]


def test_missing_models_give_a_message_naming_the_install_command():
    with pytest.raises(BackendError, match="python -m spacy download en_core_web_sm"):
        make_backend("spacy:en_core_web_sm", "en")
    with pytest.raises(BackendError, match="unknown backend"):
        make_backend("parsey", "en")


def test_missing_stanza_models_are_reported(monkeypatch, tmp_path):
    pytest.importorskip("stanza")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(BackendError, match="stanza.download"):
        make_backend("stanza", "id")
