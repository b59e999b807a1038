#!/usr/bin/env python3
"""Build speed and memory: generate N synthetic records in both languages, build, print figures.

    python3 bench/build_speed.py            # 500 and 2000 records
    python3 bench/build_speed.py 100 1000   # other sizes

For each size it prints records, pages, wall seconds, pages per second and CPU seconds (user +
system, steadier than wall time on a busy machine) of a cold build (empty PDF cache) and of a warm
one (PDFs cached by the cold build, as on an editor's machine or a CI with a cache), the peak memory
(the largest resident set among the build's processes), then the ratio of the largest to the
smallest cold build time, which stays near the ratio of the sizes when time is linear.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS_DA = (
    "sundhed velfærd innovation samarbejde virksomheder region klynge teknologi borgere "
    "hospital kommune forskning viden udvikling løsninger eksport patienter data pleje "
    "digital netværk partnerskab vækst"
).split()
WORDS_EN = (
    "health welfare innovation collaboration companies region cluster technology citizens "
    "hospital municipality research knowledge development solutions export patients "
    "data care digital network partnership growth"
).split()
# Share of each record type among the synthetic records.
MIX = (
    ("initiative", 0.55),
    ("organisation", 0.2),
    ("press", 0.1),
    ("person", 0.1),
    ("certification", 0.05),
)


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: list[str], sentences: int) -> str:
    return " ".join(sentence(rng, words, rng.randint(8, 18)) for _ in range(sentences))


def block(value: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line for line in value.splitlines())


def make_content(target: Path, records: int, seed: int = 1) -> None:
    """Copy the bundled site settings and write `records` synthetic records."""
    rng = random.Random(seed)
    shutil.copytree(ROOT / "content", target)
    for folder in ("initiatives", "press", "certifications", "organisations", "people"):
        for path in (target / folder).glob("*.yaml"):
            if folder != "organisations" and folder != "people":
                path.unlink()
    counts = {kind: int(records * share) for kind, share in MIX}
    counts["initiative"] += records - sum(counts.values())
    orgs = [p.stem for p in (target / "organisations").glob("*.yaml")]
    people = [p.stem for p in (target / "people").glob("*.yaml")]
    for n in range(counts["organisation"]):
        org_id = f"synthetic-org-{n}"
        orgs.append(org_id)
        (target / "organisations" / f"{org_id}.yaml").write_text(
            f"kind: cluster\nmember_count: {rng.randint(5, 400)}\n"
            f"da:\n  name: Organisation {n}\n  slug: organisation-{n}\n"
            f"  description: {paragraph(rng, WORDS_DA, 3)}\n"
            f"en:\n  name: Organisation {n}\n  slug: organisation-{n}\n"
            f"  description: {paragraph(rng, WORDS_EN, 3)}\n",
            encoding="utf-8",
        )
    for n in range(counts["person"]):
        person_id = f"synthetic-person-{n}"
        people.append(person_id)
        (target / "people" / f"{person_id}.yaml").write_text(
            f"name: Person Nummer {n}\norganisation: {rng.choice(orgs)}\n"
            f"email: person{n}@example.org\nphone: {rng.randint(20000000, 99999999)}\n"
            f"press_contact: {str(n % 3 == 0).lower()}\n"
            f"da:\n  role: Konsulent\nen:\n  role: Consultant\n",
            encoding="utf-8",
        )
    for n in range(counts["initiative"]):
        start_year = rng.randint(2015, 2027)
        total = rng.randint(1_000_000, 90_000_000)
        eu = n % 2 == 0
        fund = "erdf" if eu else "decentral"
        amount = int(total * rng.uniform(0.3, 0.8))
        region = rng.choice(
            ["hovedstaden", "syddanmark", "sjaelland", "midtjylland", "nordjylland"]
        )
        text = {
            lang: (sentence(rng, words, 6), paragraph(rng, words, 3), paragraph(rng, words, 12))
            for lang, words in (("da", WORDS_DA), ("en", WORDS_EN))
        }
        (target / "initiatives" / f"synthetic-{n}.yaml").write_text(
            f"start: {start_year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n"
            f"end: {start_year + rng.randint(1, 4)}-12-31\n"
            f"total_eligible_cost: {total}\nfunding:\n  - fund: {fund}\n    amount: {amount}\n"
            f"regions: [{region}]\nfocus_area: innovation\nbeneficiary: {rng.choice(orgs)}\n"
            f"partners: [{rng.choice(orgs)}]\ncontacts: [{rng.choice(people)}]\n"
            + "".join(
                f"{lang}:\n  title: {t[0]}\n  slug: {'indsats' if lang == 'da' else 'initiative'}"
                f"-{n}\n  summary: {t[1]}\n  aims: [{sentence(rng, WORDS_EN, 6)}]\n"
                f"  results: [{sentence(rng, WORDS_EN, 6)}]\n  body: {block(t[2], 4)}\n"
                for lang, t in text.items()
            ),
            encoding="utf-8",
        )
    for n in range(counts["press"]):
        (target / "press" / f"synthetic-release-{n}.yaml").write_text(
            f"date: {rng.randint(2015, 2026)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n"
            f"contacts: [{rng.choice(people)}]\n"
            f"quotes:\n  - speaker: {rng.choice(people)}\n"
            f"    da: {{text: {sentence(rng, WORDS_DA, 14)}}}\n"
            f"    en: {{text: {sentence(rng, WORDS_EN, 14)}}}\n"
            + "".join(
                f"{lang}:\n  title: {sentence(rng, words, 7)}\n  slug: release-{n}\n"
                f"  lead: {paragraph(rng, words, 2)}\n"
                f"  body: {block(paragraph(rng, words, 10), 4)}\n"
                f"  facts: [{sentence(rng, words, 6)}]\n"
                for lang, words in (("da", WORDS_DA), ("en", WORDS_EN))
            ),
            encoding="utf-8",
        )
    for n in range(counts["certification"]):
        (target / "certifications" / f"synthetic-cert-{n}.yaml").write_text(
            f"holder: {rng.choice(orgs)}\nissuer: Synthetic Label Programme\n"
            f"awarded: 20{rng.randint(10, 25)}-0{rng.randint(1, 9)}\n"
            + "".join(
                f"{lang}:\n  name: Label {n}\n  slug: label-{n}\n"
                f"  description: {paragraph(rng, words, 2)}\n"
                for lang, words in (("da", WORDS_DA), ("en", WORDS_EN))
            ),
            encoding="utf-8",
        )


def build(
    content: Path, site: Path, cache: Path, now: str = "2026-11-25T12:00:00+00:00"
) -> tuple[float, float, float, int]:
    """One build at `now`: wall seconds, CPU seconds (user + system, of the build's processes), peak
    memory in MB (largest process) and HTML pages."""
    env = {**os.environ, "KLYNGE_CACHE": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(content),
            "--now",
            now,
            "--quiet",
            "build",
            "--site",
            str(site),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        print(result.stderr[-3000:], file=sys.stderr)
        raise SystemExit("build failed")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    peak_mb = after.ru_maxrss / 1024
    return wall, cpu, peak_mb, sum(1 for _ in site.rglob("*.html"))


def run(records: int) -> float:
    """Build `records` synthetic records twice: with an empty PDF cache, then with it filled."""
    with tempfile.TemporaryDirectory(prefix="klynge-bench-") as tmp:
        content = Path(tmp) / "content"
        make_content(content, records)
        cache = Path(tmp) / "cache"
        cold, cold_cpu, peak, pages = build(content, Path(tmp) / "site", cache)
        warm, warm_cpu, peak_warm, _ = build(content, Path(tmp) / "site2", cache)
        print(
            f"{records:6d} records  {pages:6d} pages  cold {cold:6.1f} s "
            f"({pages / cold:5.1f} pages/s, CPU {cold_cpu:6.1f} s)  warm {warm:6.1f} s "
            f"({pages / warm:5.1f} pages/s, CPU {warm_cpu:6.1f} s)"
            f"  peak {max(peak, peak_warm):5.0f} MB",
            flush=True,
        )
        return cold


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [500, 2000]
    print(f"{os.cpu_count()} cores; cold = empty PDF cache, warm = PDFs cached from the cold build")
    times = [run(n) for n in sizes]
    if len(times) > 1:
        print(
            f"time ratio {sizes[-1]}/{sizes[0]} records: {times[-1] / times[0]:.2f} "
            f"(size ratio {sizes[-1] / sizes[0]:.1f})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
