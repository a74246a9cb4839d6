"""Shared articles and helpers for the tests, and a headless Chromium for the browser tests."""
from __future__ import annotations

import io
import os
import shutil
import sys

import pytest

from attribution import cli

EN_ARTICLE = (
    "JAKARTA — The government will raise fuel prices next month, Finance Minister "
    "Sri Mulyani Indrawati said on Tuesday.\n\n"
    "\"We have no other choice,\" she told reporters at the ministry in Jakarta.\n\n"
    "The increase is the first since 2022, according to data from the energy ministry.\n\n"
    "Prices of rice and cooking oil have also risen sharply this year.\n"
)

ID_ARTICLE = (
    "JAKARTA — Pemerintah akan menaikkan harga bahan bakar minyak bulan depan, kata Menteri "
    "Keuangan Sri Mulyani Indrawati pada hari Selasa.\n\n"
    "\"Kami tidak punya pilihan lain,\" ujarnya kepada wartawan di kantor kementerian.\n\n"
    "Menurut data Kementerian Energi, kenaikan ini adalah yang pertama sejak tahun 2022.\n\n"
    "Harga beras dan minyak goreng juga naik tajam tahun ini.\n"
)

ID_MARKDOWN = (
    "# Harga BBM naik bulan depan\n\n"
    "Menurut **Menteri Keuangan** Sri Mulyani, harga bahan bakar _akan_ naik bulan depan.\n\n"
    "\"Kami tidak punya pilihan lain,\" kata [Sri Mulyani](https://example.com/sri-mulyani) "
    "kepada wartawan di Jakarta.\n\n"
    "Harga beras dan minyak goreng juga naik tajam tahun ini.\n"
)

FR_ARTICLE = (
    "Le ministre des Finances a déclaré mardi que le gouvernement augmenterait les prix du "
    "carburant le mois prochain. « Nous n'avons pas le choix », a-t-elle dit aux journalistes.\n"
)

PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
             b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00")


@pytest.fixture
def en_article() -> str:
    return EN_ARTICLE


@pytest.fixture
def id_article() -> str:
    return ID_ARTICLE


@pytest.fixture
def id_markdown() -> str:
    return ID_MARKDOWN


@pytest.fixture
def fr_article() -> str:
    return FR_ARTICLE


@pytest.fixture
def png_bytes() -> bytes:
    return PNG_BYTES


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    @property
    def out_lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line.strip()]


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run ``attribution.cli.main`` in-process; returns a CliResult. Never a traceback on stderr."""

    def run(*argv: str, stdin: bytes | None = None) -> CliResult:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        capsys.readouterr()  # drop anything printed before
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        assert "Traceback" not in out
        return CliResult(code, out, err)

    return run


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (``playwright install`` cannot download one here)."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        yield b
        b.close()
