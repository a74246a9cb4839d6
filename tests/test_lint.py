"""Lint rules: each fires on a faulty sentence and stays quiet on a sound one, in both languages."""
import json

import pytest

from attribution.cli import main
from attribution.lint import fails, lint_analysis, load_lint_rules
from attribution.pipeline import Checker

RULES = Checker(mode="rules")
SOUND_EN = "Prices rose 2 percent in March, the statistics office said on Tuesday."
SOUND_ID = "Harga beras naik 2 persen pada Maret, kata Kepala Badan Pusat Statistik Amalia Widyasanti."

CASES = [
    # code, lang, firing text, quiet text
    ("ATR001", "en", "The mayor took bribes from the contractor.",
     "The mayor took bribes from the contractor, prosecutors said."),
    ("ATR001", "id", "Bupati itu menerima suap dari kontraktor.",
     "Bupati itu menerima suap dari kontraktor, kata jaksa penuntut umum."),
    ("ATR002", "en", "The market closed early.\n\n“We will not give up.”",
     "The union leader spoke after the vote.\n\n“We will not give up,” said union leader Ana Ruiz."),
    ("ATR002", "id", "Pasar tutup lebih awal.\n\n“Kami tidak akan menyerah.”",
     "Pasar tutup lebih awal.\n\n“Kami tidak akan menyerah,” kata Ketua Serikat Pekerja Budi Santoso."),
    ("ATR003", "en", "Sources said the deal was close.",
     "Two diplomats involved in the talks said the deal was close."),
    ("ATR003", "id", "Menurut sumber, kesepakatan sudah dekat.",
     "Menurut dua diplomat yang terlibat dalam perundingan, kesepakatan sudah dekat."),
    ("ATR004", "en", "Two officials said the plan would be delayed.",
     "Two officials, who spoke on condition of anonymity because the plan is not public, said it would be delayed."),
    ("ATR004", "id", "Seorang pejabat mengatakan rencana itu ditunda.",
     "Seorang pejabat yang enggan disebut namanya karena tidak berwenang mengatakan rencana itu ditunda."),
    ("ATR005", "en", "An official who was not authorized to speak publicly said the plan was off.",
     "An official who asked not to be named because the talks are private said the plan was off."),
    ("ATR005", "id", "Sumber yang tidak berwenang berbicara mengatakan rencana batal.",
     "Sumber yang meminta namanya tidak disebutkan karena perundingan tertutup mengatakan rencana batal."),
    ("ATR006", "en", "A party official said the minister was incompetent.",
     "A party official said the minister would travel on Monday."),
    ("ATR006", "id", "Seorang pejabat partai mengatakan menteri itu tidak becus.",
     "Seorang pejabat partai mengatakan menteri itu berangkat Senin."),
    ("ATR007", "en", "Local media reported that the bridge collapsed.",
     "The Jakarta Post reported that the bridge collapsed."),
    ("ATR007", "id", "Menurut media lokal, jembatan itu runtuh.",
     "Menurut Kompas, jembatan itu runtuh."),
    ("ATR008", "en", "The company is reportedly weighing a sale.",
     "The company is weighing a sale, two people familiar with the matter said."),
    ("ATR008", "id", "Perusahaan itu dikabarkan akan dijual.",
     "Perusahaan itu akan dijual, kata Direktur Utama Rina Wulandari."),
    ("ATR009", "en", "Fuel prices will rise next month. " + SOUND_EN, SOUND_EN + " Fuel prices will rise next month."),
    ("ATR009", "id", "Harga BBM naik bulan depan. " + SOUND_ID, SOUND_ID + " Harga BBM naik bulan depan."),
]


def codes(text, lang, **kwargs):
    analysis = RULES.analyze(text, lang=lang)
    return [f.code for f in lint_analysis(analysis, "draft.txt", **kwargs)]


@pytest.mark.parametrize("code, lang, firing, quiet", CASES)
def test_rule_fires_and_stays_quiet(code, lang, firing, quiet):
    assert code in codes(firing, lang)
    assert code not in codes(quiet, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The coach said the team was ready. He said training went well. He added that fans would be pleased."),
    ("id", "Pelatih mengatakan tim sudah siap. Ia menyebut latihan berjalan baik. Ia menambahkan suporter akan senang."),
])
def test_single_source_story(lang, text):
    assert "ATR010" in codes(text, lang)
    assert "ATR010" not in codes(text + (" Analysts said the squad looked tired." if lang == "en"
                                         else " Pengamat menilai tim terlihat lelah."), lang)


def test_low_score_follows_the_threshold():
    text = "Harga cabai naik tajam. Banjir merendam tiga desa di Bekasi. Jalan tol ditutup sementara."
    assert "ATR011" in codes(text, "id")
    assert "ATR011" not in codes(text, "id", min_score=0)


def test_select_ignore_and_fail_on():
    text = "The company is reportedly weighing a sale. The mayor took bribes."
    assert set(codes(text, "en", select=["ATR008"])) == {"ATR008"}
    assert "ATR008" not in codes(text, "en", ignore=["ATR00"])
    findings = lint_analysis(RULES.analyze(text, lang="en"), "d.txt", select=["ATR008"])
    assert not fails(findings, "error") and fails(findings, "warning")


def test_every_rule_is_documented():
    rules = load_lint_rules()
    assert len(rules) >= 11
    for rule in rules.values():
        assert rule.why and rule.example and rule.fix and rule.severity in ("error", "warning", "info")


def test_lint_command_positions_json_and_exit_codes(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("# Budget\n\nThe council approved the budget, the mayor said.\n\n"
                     "The treasurer embezzled funds.\n", encoding="utf-8")
    assert main(["lint", str(draft), "--mode", "rules"]) == 1
    out = capsys.readouterr().out
    assert f"{draft}:5:15: ATR001 [error]" in out  # the claim word itself
    assert main(["lint", str(draft), "--mode", "rules", "--format", "json", "--ignore", "ATR001"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "attribution.lint/1.0" and all(f["code"] != "ATR001" for f in report["findings"])
    assert main(["lint", str(draft), "--select", "XYZ9"]) == 2
    assert main(["rule", "ATR002"]) == 0 and "Why:" in capsys.readouterr().out
