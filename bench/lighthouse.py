#!/usr/bin/env python3
"""Lighthouse scores for the built bundled site: a benchmark to read, not a CI gate.

Builds the bundled content (as of the same fixed moment as the tests), serves it on 127.0.0.1, and
runs Lighthouse 12 in Debian's Chromium on the home page, an initiative and a press release of each
language. Prints the four category scores per page, the key performance metrics, and every audit
that failed. Chromium may resolve no host but 127.0.0.1, so nothing leaves the machine.

    python3 bench/lighthouse.py                  # mobile (Lighthouse's default, throttled)
    python3 bench/lighthouse.py --desktop        # Lighthouse's desktop preset
    python3 bench/lighthouse.py --site site      # score an already built folder
    python3 bench/lighthouse.py --json out.json  # also write the scores as JSON

Lighthouse (npm lighthouse@12.8.2; 13 needs a newer Node) is installed on demand with
`npm install --no-save`, so package.json and the lock file stay as they are.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.quality_helpers import (  # noqa: E402
    BUILD_NOW,
    CHROMIUM,
    CHROMIUM_FLAGS,
    BuiltSite,
    SiteServer,
    parse_html,
    site_settings,
)

LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
# Only the local server may be resolved: no request can leave the machine.
CHROME_FLAGS = CHROMIUM_FLAGS + ['--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"']


def lighthouse_binary() -> Path:
    """node_modules/.bin/lighthouse, installed (without saving) when missing."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print(f"installing {LIGHTHOUSE} (npm install --no-save) ...", file=sys.stderr, flush=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                LIGHTHOUSE,
            ],
            cwd=ROOT,
            check=True,
        )
    return binary


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
    return pages


def run_lighthouse(binary: Path, url: str, out: Path, desktop: bool) -> dict:
    args = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    if desktop:
        args.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", CHROMIUM))
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(
            f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}"
        )
    return json.loads(out.read_text(encoding="utf-8"))


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
    args = parser.parse_args(argv)
    if not Path(os.environ.get("CHROME_PATH", CHROMIUM)).is_file():
        parser.error(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROME_PATH)")
    if not shutil.which("npm"):
        parser.error("npm is needed to install Lighthouse")
    binary = lighthouse_binary()
    base_url, languages = site_settings()
    with tempfile.TemporaryDirectory(prefix="klynge-lighthouse-") as tmp:
        folder = args.site.resolve() if args.site else Path(tmp) / "site"
        if not args.site:
            build(folder)
        site = BuiltSite(folder, base_url, languages)
        results = {}
        with SiteServer(site) as server:
            for label, page in pages_to_score(site):
                url = server.url(page)
                started = time.perf_counter()
                report = run_lighthouse(binary, url, Path(tmp) / "report.json", args.desktop)
                results[label] = dict(
                    summarise(report),
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
    print(f"\nLighthouse {version}, {mode}, Chromium at 127.0.0.1 (scores 0-100)\n")
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
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
