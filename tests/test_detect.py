"""Rule engine and resolver on real-looking news sentences in both languages."""
import pytest

import attribution


def first(text, lang):
    return attribution.analyze(text, lang=lang).sentences[0]


def named(sentence):
    return [(s.text, s.type, s.via) for s in sentence.sources if s.type != "vague"]


@pytest.mark.parametrize("text, source", [
    ("“Kondisi jalur sudah aman sejak pukul 20.25 WIB,” kata Manajer Humas KAI Joni Martinus.",
     ("Manajer Humas KAI Joni Martinus", "person")),
    ("Harga beras di Pasar Induk naik dua kali lipat, ujar seorang pedagang.", ("seorang pedagang", "anonymous")),
    ("Menurut Badan Pusat Statistik, inflasi Oktober mencapai 2,1 persen.",
     ("Badan Pusat Statistik", "organization")),
    ("Kapolsek Kuta Kompol Agus Diputra mengungkapkan pelaku ditangkap di Bitung.",
     ("Kapolsek Kuta Kompol Agus Diputra", "person")),
    ("Kementerian Kesehatan menegaskan vaksin tersebut aman bagi anak.",
     ("Kementerian Kesehatan", "organization")),
    ("Seorang sumber yang enggan disebut namanya mengatakan rapat ditunda hingga pekan depan.",
     ("Seorang sumber yang enggan disebut namanya", "anonymous")),
])
def test_indonesian_cues_find_the_source(text, source):
    sentence = first(text, "id")
    assert sentence.label == "attributed"
    assert named(sentence)[0][:2] == source


@pytest.mark.parametrize("text, source", [
    ('"We will not back down," Energy Minister Subroto said on Tuesday.', ("Energy Minister Subroto", "person")),
    ("Opec remains within its output ceiling, said Perrin Long of Lipper Analytical.",
     ("Perrin Long of Lipper Analytical", "person")),
    ("According to the Pentagon, about 2,500 troops remain in Iraq.", ("the Pentagon", "organization")),
    ("Japanese officials complained that the bill singled out Japan.", ("Japanese officials", "anonymous")),
    ("Microbiological Research Corp said it had signed a letter of intent.",
     ("Microbiological Research Corp", "organization")),
    ("A spokesman for the Bundesbank declined to confirm the figure but said talks went on.",
     ("A spokesman for the Bundesbank", "organization")),
    ("A new survey found support for the tax at 40 percent.", ("A new survey", "anonymous")),
])
def test_english_cues_find_the_source(text, source):
    sentence = first(text, "en")
    assert sentence.label == "attributed"
    assert named(sentence)[0][:2] == source


@pytest.mark.parametrize("text, lang", [
    ("Kata kunci keberhasilan program ini adalah pendataan yang rapi.", "id"),
    ("Dengan kata lain, harga minyak goreng belum turun.", "id"),
    ("Pembangunan jembatan berjalan menurut rencana yang disusun dinas.", "id"),
    ("That said, the harvest was the best in a decade.", "en"),
    ("Reported cases rose to 1,200 in the week to Sunday.", "en"),
    ("The bridge was completed according to plan in March.", "en"),
    ("The so-called rebel government controls the north.", "en"),
    ("Prices rose in the United States and Canada last year.", "en"),
    ("Pelaku tidak menjelaskan motifnya kepada penyidik.", "id"),
    ("He did not comment on the claims when asked on Monday.", "en"),
    ("Officials showed reporters the damaged pumping station.", "en"),
])
def test_hard_negatives_stay_unattributed(text, lang):
    assert first(text, lang).label == "unattributed"


def test_relayed_attribution_records_the_outlets_as_via():
    s = first("Menurut pejabat yang tidak disebutkan namanya yang dikutip oleh Reuters dan CNN, "
              "pasukan akan ditarik.", "id")
    assert named(s) == [("pejabat yang tidak disebutkan namanya", "anonymous", ["Reuters", "CNN"])]
    s = first("The minister told Reuters the plan would be delayed.", "en")
    assert named(s) == [("The minister", "person", ["Reuters"])]
    s = first("Harga minyak dunia naik 2 persen, seperti dilansir Xinhua.", "id")
    assert named(s) == [("Xinhua", "outlet", [])]


def test_hedge_alone_is_unattributed_with_a_vague_source():
    s = first("Pemain asal Brasil itu dikabarkan segera bergabung dengan klub Madrid.", "id")
    assert s.label == "unattributed"
    assert [(x.text, x.type) for x in s.sources] == [("dikabarkan", "vague")]
    s = first("The company is reportedly weighing a sale of its shipping arm.", "en")
    assert s.label == "unattributed" and [x.type for x in s.sources] == ["vague"]


def test_pronoun_and_nya_take_the_type_of_their_speaker():
    text = ("Some U.S. officials said Japan had made little progress. "
            "He said talks would resume in May.")
    a = attribution.analyze(text, lang="en")
    assert [(x.text, x.type) for x in a.sentences[1].sources] == [("He", "anonymous")]
    text = ("Gubernur Jawa Barat Ridwan Saputra meresmikan jalan tol baru pada Senin. "
            "“Jalan ini memangkas waktu tempuh dua jam,” katanya.")
    a = attribution.analyze(text, lang="id")
    src = a.sentences[1].sources[0]
    assert (src.text, src.type, src.refers_to) == ("katanya", "person", None) or src.type == "person"


def test_short_reference_finds_the_full_name():
    text = ("Menteri Luar Negeri Retno Wulandari mengatakan Indonesia siap menjadi tuan rumah. "
            "Wulandari menambahkan, undangan sudah dikirim.")
    a = attribution.analyze(text, lang="id")
    src = a.sentences[1].sources[0]
    assert (src.text, src.type, src.refers_to) == ("Wulandari", "person", "Menteri Luar Negeri Retno Wulandari")


def test_every_sentence_of_a_multi_sentence_quote_is_attributed():
    text = ("“Kami sudah menyiapkan 300 personel. Semua jalur dijaga. "
            "Tidak ada yang boleh lewat tanpa izin,” ujar Kapolres Bogor AKBP Rudi Hartono.\n\n"
            "Arus lalu lintas kembali normal pada sore hari.")
    a = attribution.analyze(text, lang="id")
    labels = [s.label for s in a.sentences]
    assert labels == ["attributed", "attributed", "attributed", "unattributed"]
    assert a.sentences[0].sources == [] and "QUOTE-RUN" in a.sentences[0].rules


def test_quote_with_no_identified_speaker_is_unattributed():
    a = attribution.analyze("Jalanan sepi sejak pagi.\n\n“Kami takut keluar rumah.”", lang="id")
    assert a.sentences[-1].label == "unattributed"


def test_standalone_quote_after_its_speaker_is_attributed():
    text = ('The senior official said the yen had hit exporters hard.\n\n'
            '"We appreciate their frustration, but we are frustrated too."')
    a = attribution.analyze(text, lang="en")
    assert a.sentences[-1].label == "attributed" and "QUOTE-CONTEXT" in a.sentences[-1].rules


def test_every_sentence_says_why():
    a = attribution.analyze("Harga naik. “Ini berat,” kata warga.", lang="id")
    assert a.sentences[0].rules == ["NO-CUE"]
    assert a.sentences[1].rules == ["ID-KATA"] and a.sentences[1].cue == "kata"
    assert 0 < a.sentences[1].confidence <= 1


def test_analyze_many_streams_in_order_and_detects_language():
    texts = ["Polisi menangkap dua orang, kata Kapolres.", "Oil fell 2 pct, traders said.",
             "Harga emas stabil pekan ini."]
    got = list(attribution.analyze_many(texts))
    assert [a.lang for a in got] == ["id", "en", "id"]
    assert [a.sentences[0].label for a in got] == ["attributed", "attributed", "unattributed"]


def test_doubled_apostrophes_quote_like_straight_quotes():
    text = ("The senator said the bill would pass.\n\n"
            "''We have the votes. We will not wait another year.''")
    a = attribution.analyze(text, lang="en")
    assert [s.label for s in a.sentences] == ["attributed", "attributed", "attributed"]


@pytest.mark.parametrize("text, lang, speaker", [
    ("Readers wrote in\n\n“The bus has not come on time once this year.” ― Maria Lopez\n", "en", "Maria Lopez"),
    ("Suara warga\n\n“Kami belum menerima bantuan sama sekali.” — Siti Aminah\n", "id", "Siti Aminah"),
])
def test_a_quote_credited_after_a_dash_is_prose_with_its_speaker(text, lang, speaker):
    headline, quote = attribution.analyze(text, lang=lang).sentences
    assert headline.kind == "headline" and quote.kind == "prose"
    assert quote.label == "attributed" and named(quote)[0][:2] == (speaker, "person")


def test_a_paragraph_closed_by_doubled_apostrophes_is_prose_not_a_headline():
    text = ("The mayor opened the bridge on Friday.\n\n"
            "''It took us nine years,'' she said, ''and it was worth every one of them.''\n")
    last = attribution.analyze(text, lang="en").sentences[-1]
    assert last.kind == "prose" and last.label == "attributed"


RULES_ONLY = attribution.Checker(mode="rules")


@pytest.mark.parametrize("text, source", [
    ("At a rally, the governor likened the budget deal to a blank cheque.", "the governor"),
    ('Senator Ruth Ames called the proposal "a gift to the banks" on Tuesday.', "Senator Ruth Ames"),
    ("The mayor has called the stadium plan a waste of public money.", "The mayor"),
    ("Recent polls in three swing states have shown the challenger ahead.", "Recent polls in three swing states"),
])
def test_reaction_and_finding_cues_of_the_rule_pack(text, source):
    sentence = RULES_ONLY.analyze(text, lang="en").sentences[0]
    assert sentence.label == "attributed" and named(sentence)[0][0] == source


@pytest.mark.parametrize("text", [
    "The mayor called a press conference for Monday morning.",
    "Neighbours called police to report a fire in the flat below.",
    "The scheme, called Fresh Start, gives each family a grant.",
    "Police found the stolen van abandoned near the port.",
])
def test_the_same_words_in_other_senses_are_no_cue(text):
    assert RULES_ONLY.analyze(text, lang="en").sentences[0].label == "unattributed"


@pytest.mark.parametrize("text, source", [
    ("Badan Pusat Statistik (BPS) mencatat inflasi Oktober sebesar 2,1 persen.", "Badan Pusat Statistik (BPS)"),
    ("Hasil survei itu menunjukkan 60 persen warga puas dengan layanan bus.", "Hasil survei"),
])
def test_indonesian_report_and_finding_cues(text, source):
    sentence = RULES_ONLY.analyze(text, lang="id").sentences[0]
    assert sentence.label == "attributed" and named(sentence)[0][0] == source


@pytest.mark.parametrize("text", [
    "Warga melaporkan kejadian itu ke polisi pada Senin malam.",
    "Polisi menunjukkan barang bukti kepada wartawan di Mapolres.",
    "Tim tamu yang mencatat kemenangan pertama musim ini pulang lebih awal.",
])
def test_indonesian_actions_with_the_same_words_are_no_cue(text):
    assert RULES_ONLY.analyze(text, lang="id").sentences[0].label == "unattributed"


def test_cue_options_are_validated(tmp_path):
    import shutil

    from attribution.rulepack import RuleError, load_rulepack, rules_dir

    shutil.copytree(rules_dir(), tmp_path / "rules")
    cues = tmp_path / "rules" / "id" / "cues.yaml"
    text = cues.read_text(encoding="utf-8")
    cues.write_text(text.replace("cue_free_threshold: 0.8", "cue_free_threshold: 1.5"), encoding="utf-8")
    with pytest.raises(RuleError, match="cue_free_threshold"):
        load_rulepack("id", str(tmp_path / "rules"))
    cues.write_text(text.replace("  - id: ID-MENCATAT\n", "  - id: ID-MENCATAT\n    needs_later: {words: [a]}\n"),
                    encoding="utf-8")
    with pytest.raises(RuleError, match="needs_later"):
        load_rulepack("id", str(tmp_path / "rules"))
