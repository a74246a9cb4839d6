"""Wall time of `attribution lint` on one 800-word draft, cold process start included.

    .venv/bin/python bench/lint_latency.py [--runs 10]

Runs the installed `attribution lint` command on drafts written for this benchmark (about 800
words of English wire copy, and of Indonesian portal copy) --runs times each and prints the
median and the spread, beside the start-up time of `python -c pass` and of `import spacy` alone
(which is about three times slower when torch is installed in the same environment, as it is
with the `stanza` extra). Target: ≤ 1.0 s on a 2-core machine, in the default install.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PARAGRAPHS = [
    "JAKARTA, March 4 (Reuters) - Indonesia will raise subsidised fuel prices by 12 percent from next "
    "month, Finance Minister Dewi Hartono said on Tuesday, as the government tries to rein in a budget "
    "deficit that has widened with the fall in commodity prices.",
    "\"We cannot keep spending a fifth of the budget on fuel,\" Hartono told reporters after a cabinet "
    "meeting. \"The money is better spent on schools and clinics.\"",
    "The increase will add about 0.4 percentage points to inflation this year, according to economists "
    "polled by Reuters. Bank Indonesia has signalled it could raise interest rates if price pressures grow.",
    "Two officials, who spoke on condition of anonymity because the plan has not been announced, said the "
    "government was also considering cash handouts for 10 million poor households.",
    "The price of diesel will rise to 7,500 rupiah a litre. Petrol will cost 11,000 rupiah.",
    "Labour unions have threatened to strike. The confederation of trade unions said it would hold "
    "protests in 20 cities next week.",
    "Analysts said the move was overdue. \"The subsidy bill has been the single biggest drag on "
    "infrastructure spending,\" said Arif Santoso, an economist at Bank Mandiri.",
    "The last increase, in 2022, sparked protests in several cities and the government later "
    "reversed part of it. Fuel subsidies cost the state about 500 trillion rupiah last year.",
    "Parliament must approve the revised budget. Lawmakers from the ruling coalition said they expected "
    "the bill to pass by the end of the month, while opposition members reportedly plan to vote against it.",
]


PARAGRAPHS_ID = [
    "JAKARTA - Pemerintah akan menaikkan harga bahan bakar bersubsidi sebesar 12 persen mulai bulan "
    "depan, kata Menteri Keuangan Dewi Hartono di Jakarta, Selasa, untuk menekan defisit anggaran.",
    "\"Kita tidak bisa terus menghabiskan seperlima anggaran untuk subsidi,\" ujar Dewi kepada wartawan "
    "usai rapat kabinet. Menurut dia, dana itu lebih baik dipakai untuk sekolah dan puskesmas.",
    "Kenaikan itu diperkirakan menambah inflasi sekitar 0,4 poin persentase tahun ini. Bank Indonesia "
    "sebelumnya memberi sinyal akan menaikkan suku bunga jika tekanan harga meningkat.",
    "Dua pejabat yang enggan disebutkan namanya karena rencana itu belum diumumkan mengatakan pemerintah "
    "juga menimbang bantuan tunai bagi 10 juta keluarga miskin.",
    "Harga solar akan naik menjadi Rp7.500 per liter. Bensin akan dijual Rp11.000 per liter.",
    "Serikat buruh mengancam mogok. Konfederasi serikat pekerja menyatakan akan menggelar unjuk rasa di "
    "20 kota pekan depan.",
    "Ekonom Bank Mandiri Arif Santoso menilai langkah itu terlambat. \"Subsidi menjadi beban terbesar "
    "bagi belanja infrastruktur,\" katanya.",
    "Kenaikan terakhir pada 2022 memicu protes di sejumlah kota dan pemerintah kemudian membatalkan "
    "sebagiannya. Subsidi energi menelan sekitar Rp500 triliun tahun lalu.",
    "DPR harus menyetujui perubahan anggaran. Anggota fraksi koalisi mengatakan RUU itu diperkirakan "
    "lolos akhir bulan, sementara fraksi oposisi kabarnya akan menolak.",
]


def draft(paragraphs=PARAGRAPHS) -> str:
    text, words = [], 0
    while words < 800:
        for p in paragraphs:
            text.append(p)
            words += len(p.split())
            if words >= 800:
                break
    return "\n\n".join(text) + "\n"


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args(argv)
    command = os.path.join(os.path.dirname(sys.executable), "attribution")
    for name, paragraphs in (("English", PARAGRAPHS), ("Indonesian", PARAGRAPHS_ID)):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
            handle.write(draft(paragraphs))
            path = handle.name
        try:
            words = len(open(path, encoding="utf-8").read().split())
            timed([command, "lint", path])  # warm the disk cache, not timed
            lint = [timed([command, "lint", path]) for _ in range(args.runs)]
        finally:
            os.unlink(path)
        print(f"attribution lint on one {words}-word {name} draft, cold process each run ({args.runs} runs)")
        print(f"  median {statistics.median(lint):.2f} s  (min {min(lint):.2f}, max {max(lint):.2f})")
    bare = [timed([sys.executable, "-c", "pass"]) for _ in range(args.runs)]
    spacy = [timed([sys.executable, "-c", "import spacy"]) for _ in range(args.runs)]
    torch = subprocess.run([sys.executable, "-c", "import importlib.util as u; print(bool(u.find_spec('torch')))"],
                           capture_output=True, text=True).stdout.strip()
    print(f"python -c pass: median {statistics.median(bare):.3f} s")
    print(f"python -c 'import spacy': median {statistics.median(spacy):.2f} s (torch installed: {torch})")
    print("target ≤ 1.0 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
