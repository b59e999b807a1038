#!/usr/bin/env python3
"""What the hourly rebuild costs: a cold build, then a build where only "now" moved, then one
where "now" lifts an embargo, for the bundled content and for synthetic records.

    python3 bench/rebuild_speed.py            # bundled content and 500 records
    python3 bench/rebuild_speed.py 100 1000   # bundled content and other sizes

Each site gets one release under embargo until 2026-12-01 08:00 Danish time. The first build
(05:00 UTC, empty PDF cache, no site) is cold; the second (06:00 UTC) publishes nothing new, so it
finds site/ up to date; the third (07:00 UTC) publishes the release and rebuilds the site, with
the PDFs the cold build cached. Wall seconds and CPU seconds (user + system of the build's
processes, steadier on a busy machine) are printed for each.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import ROOT, build, make_content  # noqa: E402

EMBARGOED_RELEASE = """\
date: 2026-12-01
embargo: 2026-12-01 08:00
contacts: [mette-thiel]
da:
  title: Ny udgivelse under embargo
  slug: ny-udgivelse-under-embargo
  lead: En udgivelse der venter på sin embargo.
  body: Teksten til udgivelsen.
en:
  title: A new release under embargo
  slug: a-new-release-under-embargo
  lead: A release waiting for its embargo.
  body: The text of the release.
"""
COLD, ONLY_NOW, LIFTED = (
    "2026-12-01T05:00:00+00:00",
    "2026-12-01T06:00:00+00:00",
    "2026-12-01T07:00:00+00:00",
)


def run(label: str, content: Path, tmp: Path) -> None:
    (content / "press" / "2026-12-01-embargoed.yaml").write_text(
        EMBARGOED_RELEASE, encoding="utf-8"
    )
    site, cache = tmp / "site", tmp / "cache"
    figures = []
    for now in (COLD, ONLY_NOW, LIFTED):
        wall, cpu, _, pages = build(content, site, cache, now)
        figures.append((wall, cpu, pages))
    published = (site / "en" / "press" / "a-new-release-under-embargo" / "index.html").is_file()
    (cold, cold_cpu, pages), (same, same_cpu, _), (lift, lift_cpu, _) = figures
    print(
        f"{label:>16}  {pages:5d} pages  cold {cold:6.1f} s (CPU {cold_cpu:6.1f} s)  "
        f"only now changed {same:5.1f} s (CPU {same_cpu:4.1f} s, {cold / same:4.0f}x)  "
        f"one embargo lifted {lift:6.1f} s (CPU {lift_cpu:6.1f} s)"
        + ("" if published else "  RELEASE MISSING"),
        flush=True,
    )


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [500]
    with tempfile.TemporaryDirectory(prefix="klynge-rebuild-") as tmp:
        content = Path(tmp) / "bundled" / "content"
        shutil.copytree(ROOT / "content", content)
        run("bundled content", content, Path(tmp) / "bundled")
    for records in sizes:
        with tempfile.TemporaryDirectory(prefix="klynge-rebuild-") as tmp:
            content = Path(tmp) / "content"
            make_content(content, records)
            run(f"{records} records", content, Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
