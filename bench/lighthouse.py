#!/usr/bin/env python3
"""Lighthouse scores for the built bundled site: a benchmark to read, not a CI gate.

Builds the bundled content (as of the same fixed moment as the tests), serves it on 127.0.0.1, and
runs Lighthouse 12 in Debian's Chromium on the home page, an initiative, a press release, the press
room and the certifications page of each language, three times each. Prints the median of the four
category scores per page, the key performance metrics, every audit that failed, and the home page's
first-load transfer: every file the first visit fetches, gzip-compressed as a web server would send
it, with photos counted apart. Chromium may resolve no host but 127.0.0.1, so nothing leaves the
machine.

    python3 bench/lighthouse.py                  # mobile (Lighthouse's default, throttled)
    python3 bench/lighthouse.py --desktop        # Lighthouse's desktop preset
    python3 bench/lighthouse.py --site site      # score an already built folder
    python3 bench/lighthouse.py --json out.json  # also write the scores as JSON
    python3 bench/lighthouse.py --runs 1         # one run per page instead of three

Lighthouse (npm lighthouse@12.8.2; 13 needs a newer Node) is installed with the other tools by
`npm ci`; tests/test_lighthouse.py holds the pages to the same scores in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.site.urls import section_slug  # noqa: E402
from tests.quality_helpers import (  # noqa: E402
    BUILD_NOW,
    CHROMIUM,
    LIGHTHOUSE,
    LIGHTHOUSE_CATEGORIES,
    BuiltSite,
    SiteServer,
    first_load_transfer,
    parse_html,
    run_lighthouse,
    site_settings,
)

CATEGORIES = LIGHTHOUSE_CATEGORIES
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def build(site: Path) -> None:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "build.py", "--now", BUILD_NOW, "--quiet", "build", "--site", str(site)],
        cwd=ROOT,
        check=True,
    )
    print(
        f"built the bundled site in {time.perf_counter() - started:.1f}s: {site}", file=sys.stderr
    )


def first_page_with(site: BuiltSite, lang: str, schema_type: str) -> Path | None:
    """The first page of ``lang`` whose JSON-LD is of ``schema_type`` (Project, NewsArticle)."""
    for page in site.html_pages(lang):
        for attrs, text, _line in parse_html(page).scripts:
            if attrs.get("type") == "application/ld+json":
                try:
                    data = json.loads(text)
                except ValueError:
                    continue
                if isinstance(data, dict) and data.get("@type") == schema_type:
                    return page
    return None


def pages_to_score(site: BuiltSite) -> list[tuple[str, Path]]:
    pages = []
    for lang in site.languages:
        pages.append((f"{lang} home", site.root / lang / "index.html"))
        for label, schema_type in (("initiative", "Project"), ("release", "NewsArticle")):
            page = first_page_with(site, lang, schema_type)
            if page is None:
                print(f"warning: no {lang} page with {schema_type} JSON-LD", file=sys.stderr)
            else:
                pages.append((f"{lang} {label}", page))
        for label, section in (("press room", "press"), ("certificates", "certifications")):
            page = site.root / lang / section_slug(section, lang) / "index.html"
            if page.is_file():
                pages.append((f"{lang} {label}", page))
    return pages


def median_summary(runs: list[dict]) -> dict:
    """The median score per category and the metrics and failed audits of the median run."""
    scores = {
        k: median(r["scores"][k] for r in runs if r["scores"][k] is not None)
        if any(r["scores"][k] is not None for r in runs)
        else None
        for k in CATEGORIES
    }
    by_performance = sorted(runs, key=lambda r: r["scores"]["performance"] or 0)
    middle = by_performance[len(runs) // 2]
    return {
        "scores": scores,
        "runs": [r["scores"] for r in runs],
        "metrics": middle["metrics"],
        "failed": middle["failed"],
    }


def summarise(report: dict) -> dict:
    scores = {k: report["categories"][k]["score"] for k in CATEGORIES}
    metrics = {
        k: report["audits"][k].get("displayValue", "") for k in METRICS if k in report["audits"]
    }
    failed = {}
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"].get(ref["id"], {})
            scored = audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
            if (
                ref.get("weight", 0) > 0
                and scored
                and audit.get("score") is not None
                and audit["score"] < 1
            ):
                shown = f": {audit['displayValue']}" if audit.get("displayValue") else ""
                failed.setdefault(key, []).append(f"{ref['id']} ({audit['score']:.2f}){shown}")
    return {"scores": scores, "metrics": metrics, "failed": failed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build)")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median; default 3)")
    args = parser.parse_args(argv)
    if not Path(os.environ.get("CHROME_PATH", CHROMIUM)).is_file():
        parser.error(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROME_PATH)")
    if not LIGHTHOUSE.exists():
        parser.error(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run npm ci")
    base_url, languages = site_settings()
    with tempfile.TemporaryDirectory(prefix="klynge-lighthouse-") as tmp:
        folder = args.site.resolve() if args.site else Path(tmp) / "site"
        if not args.site:
            build(folder)
        site = BuiltSite(folder, base_url, languages)
        results = {}
        transfers = {}
        with SiteServer(site) as server:
            for label, page in pages_to_score(site):
                url = server.url(page)
                started = time.perf_counter()
                runs = []
                for _ in range(max(1, args.runs)):
                    report = run_lighthouse(url, Path(tmp) / "report.json", args.desktop)
                    runs.append(summarise(report))
                if label.endswith(" home"):
                    transfers[label] = first_load_transfer(report, site)
                results[label] = dict(
                    median_summary(runs),
                    url=site.url_path(page),
                    seconds=round(time.perf_counter() - started, 1),
                    lighthouse=report.get("lighthouseVersion"),
                )
                print(
                    f"  scored {label} ({site.url_path(page)}) in {results[label]['seconds']}s",
                    file=sys.stderr,
                    flush=True,
                )
    mode = "desktop" if args.desktop else "mobile"
    version = next(iter(results.values()), {}).get("lighthouse", "?")
    runs = max(1, args.runs)
    print(
        f"\nLighthouse {version}, {mode}, Chromium at 127.0.0.1 "
        f"(scores 0-100, median of {runs} run{'s' if runs > 1 else ''})\n"
    )
    print(f"{'page':<16} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5}  path")
    for label, r in results.items():
        s = r["scores"]
        cells = " ".join(f"{round(s[k] * 100) if s[k] is not None else '-':>5}" for k in CATEGORIES)
        print(f"{label:<16} {cells}  {r['url']}")
    print()
    for label, r in results.items():
        metrics = ", ".join(f"{k.replace('-', ' ')} {v}" for k, v in r["metrics"].items())
        print(f"{label}: {metrics}")
        for category, audits in r["failed"].items():
            print(f"    {category}: {'; '.join(audits)}")
    print()
    for label, t in transfers.items():
        print(
            f"{label} first load: {t['compressed'] / 1000:.1f} kB compressed in {t['requests']} "
            f"files, photos apart ({t['photos'] / 1000:.1f} kB of photos)"
        )
    if args.json:
        args.json.write_text(
            json.dumps({"pages": results, "first_load": transfers}, indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
