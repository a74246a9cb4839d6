"""Batch reports: archives in, tables and dashboard out, errors logged, resume, Dask."""
import csv
import json

import pandas as pd
import pytest

from attribution.batch import Columns, run_batch
from attribution.cli import main

ARTICLES = [
    {"uid": "a1", "body": "Harga beras naik lima persen pekan ini, kata Kepala Dinas Perdagangan Budi Santoso. "
                          "Stok di gudang Bulog masih aman.", "published": "2024-01-05", "media": "Kompas",
     "desk": "ekonomi"},
    {"uid": "a2", "body": "The council will vote on the budget on Monday, a city official said. "
                          "Officials, who asked not to be named because talks are private, said it would pass.",
     "published": "2024-02-11", "media": "Reuters", "desk": "politics"},
    {"uid": "a3", "body": "Banjir merendam tiga desa di Bekasi dan jalan tol ditutup sementara. "
                          "Air yang tinggi juga masuk ke rumah warga.", "published": "2024-02-20",
     "media": "Kompas", "desk": "bencana"},
    {"uid": "bad", "body": "Le conseil municipal votera lundi sur le budget de la ville.", "published": "",
     "media": "", "desk": ""},
]
COLUMNS = Columns(id="uid", text="body", date="published", outlet="media", section="desk")


def archive(tmp_path, rows=ARTICLES):
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "not json\n", encoding="utf-8")
    return path


def test_archive_batch_writes_every_table_and_logs_bad_articles(tmp_path):
    out = tmp_path / "out"
    result = run_batch([str(archive(tmp_path))], out, COLUMNS, workers=1, mode="rules")
    assert sorted(result.articles.id) == ["a1", "a2", "a3"]
    assert {p.name for p in out.iterdir()} >= {"articles.csv", "articles.parquet", "sentences.parquet",
                                              "sources.csv", "errors.csv", "index.html", "articles"}
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == 2 and any("cannot tell the language" in e for e in errors.error)
    stored = pd.read_parquet(out / "articles.parquet")
    assert set(stored.columns) >= {"score", "band", "attribution_density", "anonymous_share", "outlet", "report"}
    assert stored.set_index("id").loc["a3", "attribution_density"] == 0
    assert pd.read_parquet(out / "sentences.parquet").key.nunique() == 3
    sources = pd.read_csv(out / "sources.csv")
    assert "Kepala Dinas Perdagangan Budi Santoso" in set(sources.name)
    page = (out / result.articles.set_index("id").loc["a1", "report"]).read_text()
    assert "Budi Santoso" in page
    dashboard = (out / "index.html").read_text()
    assert "Worst-sourced articles" in dashboard and "Anonymous share by outlet" in dashboard


def test_csv_archive_and_resume_skip_finished_articles(tmp_path):
    path = tmp_path / "archive.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ARTICLES[0]))
        writer.writeheader()
        writer.writerows(ARTICLES[:2])
    out = tmp_path / "out"
    first = run_batch([str(path)], out, COLUMNS, workers=1, mode="rules")
    assert len(first.articles) == 2
    again = run_batch([str(path)], out, COLUMNS, workers=1, mode="rules", resume=True)
    assert again.skipped == 2 and len(again.articles) == 2


def test_parallel_local_run_matches_a_single_process(tmp_path):
    rows = [dict(ARTICLES[i % 3], uid=f"x{i}", body=ARTICLES[i % 3]["body"] + f" Nomor {i}.") for i in range(12)]
    one = run_batch([str(archive(tmp_path, rows))], tmp_path / "one", COLUMNS, workers=1, mode="rules", chunk_size=3)
    two = run_batch([str(archive(tmp_path, rows))], tmp_path / "two", COLUMNS, workers=2, mode="rules", chunk_size=3)
    pd.testing.assert_frame_equal(one.articles.drop(columns=["report"]), two.articles.drop(columns=["report"]))


def test_dask_local_cluster(tmp_path):
    pytest.importorskip("dask.distributed")
    result = run_batch([str(archive(tmp_path))], tmp_path / "dask", COLUMNS, engine="dask", workers=2,
                       mode="rules", chunk_size=1)
    assert sorted(result.articles.id) == ["a1", "a2", "a3"] and len(result.errors) == 2


def test_report_command_for_a_batch(tmp_path, capsys):
    code = main(["report", str(archive(tmp_path)), "--out", f"{tmp_path}/cli/", "--id-column", "uid",
                 "--text-column", "body", "--outlet-column", "media", "--mode", "rules", "--workers", "1"])
    assert code == 1  # two bad rows, three articles done
    assert "3 articles, 2 errors" in capsys.readouterr().out
    assert main(["report", str(archive(tmp_path))]) == 2
