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


DRAFT = ("# Budget\n\nThe council approved the budget, the mayor said.\n\n"
         "The treasurer embezzled funds.\n")


def test_config_file_settings_and_command_line_precedence(tmp_path, monkeypatch, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.attribution]\nignore = ["ATR001"]\n', encoding="utf-8")
    assert main(["lint", "draft.md", "--mode", "rules"]) == 0          # pyproject ignores the error
    (tmp_path / ".attribution.toml").write_text('severity = { ATR001 = "warning" }\nfail-on = "warning"\n')
    assert main(["lint", "draft.md", "--mode", "rules"]) == 1          # nearest file wins: now a failing warning
    assert main(["lint", "draft.md", "--mode", "rules", "--fail-on", "never"]) == 0   # the flag wins
    capsys.readouterr()
    (tmp_path / ".attribution.toml").write_text('selekt = ["ATR001"]\n')
    assert main(["lint", "draft.md"]) == 2
    assert "unknown setting(s) selekt" in capsys.readouterr().err


def test_suppression_comments_and_unused_ones(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("# Budget\n\nThe council approved the budget, the mayor said.\n\n"
                     "<!-- attribution: ignore ATR001 -->\nThe treasurer embezzled funds.\n\n"
                     "<!-- attribution: disable ATR008 -->\nThe deal is reportedly done.\n"
                     "<!-- attribution: enable -->\n\n<!-- attribution: ignore ATR002 -->\nThe vote is on Monday, the clerk said.\n",
                     encoding="utf-8")
    assert main(["lint", str(draft), "--mode", "rules", "--format", "json"]) == 0
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "ATR001" not in codes and "ATR008" not in codes
    assert codes.count("ATR100") == 1                                 # the ATR002 comment silenced nothing


def test_baseline_lets_only_new_findings_fail(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("The council approved the budget, the mayor said. The treasurer embezzled funds.\n")
    baseline = tmp_path / "baseline.json"
    assert main(["lint", str(draft), "--mode", "rules", "--write-baseline", str(baseline)]) == 0
    assert main(["lint", str(draft), "--mode", "rules", "--baseline", str(baseline)]) == 0
    draft.write_text(draft.read_text() + "\nThe auditor also took bribes.\n")
    capsys.readouterr()
    assert main(["lint", str(draft), "--mode", "rules", "--baseline", str(baseline)]) == 1
    assert "took bribes" in draft.read_text() and "ATR001" in capsys.readouterr().out


def test_sarif_github_and_junit_outputs(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    main(["lint", str(draft), "--mode", "rules", "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "attribution"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    result = next(r for r in run["results"] if r["ruleId"] == "ATR001")
    assert ids[result["ruleIndex"]] == "ATR001" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 15)
    main(["lint", str(draft), "--mode", "rules", "--format", "github"])
    assert f"::error file={draft},line=5,col=15,title=ATR001::" in capsys.readouterr().out
    main(["lint", str(draft), "--mode", "rules", "--format", "junit"])
    import xml.etree.ElementTree as ET
    suite = ET.fromstring(capsys.readouterr().out.strip())
    assert suite.get("failures") == "1" and suite.find("testcase/failure").get("type") == "ATR001"


def test_pre_commit_runs_the_hook_in_a_repository(tmp_path):
    import os
    import shutil
    import subprocess
    import sys
    pre_commit = shutil.which("pre-commit") or os.path.join(os.path.dirname(sys.executable), "pre-commit")
    if not os.path.exists(pre_commit) or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    attribution_cmd = os.path.join(os.path.dirname(sys.executable), "attribution")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: attribution-lint\n        name: attribution lint\n"
        f"        entry: {attribution_cmd} lint --mode rules\n        language: system\n        types_or: [markdown]\n")
    (repo / "good.md").write_text("The council approved the budget, the mayor said on Monday.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    ok = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (repo / "bad.md").write_text("The treasurer embezzled funds from the council.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    bad = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True)
    assert bad.returncode == 1 and "ATR001" in bad.stdout


def test_docx_findings_point_at_paragraph_and_column(tmp_path, capsys):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Budget row")
    document.add_paragraph("The council approved the budget, the mayor said.")
    document.add_paragraph("The treasurer embezzled funds.")
    path = tmp_path / "draft.docx"
    document.save(path)
    assert main(["lint", str(path), "--mode", "rules", "--select", "ATR001"]) == 1
    assert f"{path}:3:15: ATR001 [error]" in capsys.readouterr().out
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK not really a zip")
    assert main(["lint", str(broken)]) == 2
    assert "not a Word document" in capsys.readouterr().err


def test_a_file_that_cannot_be_read_makes_the_run_fail_with_2(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The council approved the budget, the mayor said on Monday.\n")
    assert main(["lint", str(good), str(tmp_path / "missing.txt"), "--mode", "rules"]) == 2
    assert main(["lint", str(good), "--mode", "rules"]) == 0
