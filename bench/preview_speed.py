#!/usr/bin/env python3
"""Preview speed: from saving a record to the changed page being served, and the idle CPU.

    python3 bench/preview_speed.py                  # bundled content and 500 synthetic records
    python3 bench/preview_speed.py --edits 20 500   # other counts
    python3 bench/preview_speed.py --repo DIR       # time another checkout's build.py serve

For each site it starts `build.py serve`, waits for the first build, then saves the English title
of one initiative `--edits` times; each time it measures the seconds from the write to the new
title being served over HTTP. It prints the median and the worst, then the preview's CPU use
while idle for 10 seconds. The page is looked for under /en/ and, for a preview of one language
served at the root, without it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from build_speed import make_content  # noqa: E402

BUNDLED = ("initiatives/sund-vaegt.yaml", "initiatives/healthy-weight/")
SYNTHETIC = ("initiatives/synthetic-0.yaml", "initiatives/initiative-0/")
IDLE_SECONDS = 10


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its children that have ended."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _with_title(text: str, mark: str) -> str:
    """The record with its English title followed by `mark`."""
    lines = text.splitlines()
    english = lines.index("en:")
    for n in range(english, len(lines)):
        if lines[n].startswith("  title: "):
            lines[n] += f" {mark}"
            return "\n".join(lines) + "\n"
    raise ValueError("no English title")


def measure(repo: Path, content: Path, record: str, page: str, edits: int) -> None:
    port = _free_port()
    log = content.parent / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, str(repo / "build.py"), "--content", str(content), "serve"]
            + ["--lang", "en", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=repo,
        )
    try:
        started = time.perf_counter()
        url = ""
        while not url:
            if server.poll() is not None:
                sys.exit(f"the preview stopped:\n{log.read_text()}")
            for candidate in (
                f"http://127.0.0.1:{port}/en/{page}",
                f"http://127.0.0.1:{port}/{page}",
            ):
                if _get(candidate):
                    url = candidate
                    break
            time.sleep(0.2)
        print(f"  first build served after {time.perf_counter() - started:.1f}s", flush=True)
        time.sleep(5)  # let a preview that reads its pages into memory finish doing so
        source = content / record
        original = source.read_text(encoding="utf-8")
        times = []
        for n in range(edits):
            mark = f"Edit{n}x"
            text = _with_title(original, mark)
            start = time.perf_counter()
            source.write_text(text, encoding="utf-8")
            while mark not in _get(url):
                if time.perf_counter() - start > 120:
                    sys.exit(f"edit {n} never appeared:\n{log.read_text()}")
                time.sleep(0.01)
            times.append(time.perf_counter() - start)
            time.sleep(0.5)
        source.write_text(original, encoding="utf-8")
        time.sleep(3)
        before = _cpu_seconds(server.pid)
        time.sleep(IDLE_SECONDS)
        idle = (_cpu_seconds(server.pid) - before) / IDLE_SECONDS * 100
        print(
            f"  save to served, {edits} edits: median {statistics.median(times):.2f}s, "
            f"worst {max(times):.2f}s; idle CPU {idle:.1f}% of a core",
            flush=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[500])
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--repo", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="klynge-preview-bench-"))
    try:
        print("bundled content:", flush=True)
        shutil.copytree(ROOT / "content", folder / "bundled" / "content")
        measure(args.repo.resolve(), folder / "bundled" / "content", *BUNDLED, args.edits)
        for size in args.sizes:
            print(f"{size} synthetic records:", flush=True)
            make_content(folder / str(size) / "content", size)
            measure(args.repo.resolve(), folder / str(size) / "content", *SYNTHETIC, args.edits)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
