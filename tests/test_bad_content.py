"""Broken content cases: `build.py check` and `build.py build` report exactly the expected errors.

Each folder under tests/bad_content/ is one case, laid over a copy of tests/fixtures/minimal/:

    expected.txt   the exact error lines, in the order `check` prints them
    case.yaml      optional: what cannot be a plain file in the folder
                     delete:   [paths]              files of the minimal tree to remove
                     outside:  {name: text}         files created next to content/, in outside/
                     symlinks: {path: target}       symbolic links, target as for `ln -s`
                     pad:      {path: bytes}        grow a file with comment lines to this size
                     copies:   {path: source}       a copy of a file of the tree (for names
                                                    a checkout may not keep, such as NFD)
    anything else  a file that replaces or joins the minimal tree at the same path

Both commands run as subprocesses, all cases in parallel. The build runs against an existing site
folder and must fail in validation, before touching it: the folder stays byte for byte the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "tests" / "bad_content"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
NOW = "2025-01-01T00:00:00+00:00"
SPECIAL = {"expected.txt", "case.yaml"}


@dataclass
class Outcome:
    check: subprocess.CompletedProcess
    build: subprocess.CompletedProcess
    site_before: dict[str, bytes | None]
    site_after: dict[str, bytes | None]
    beside_before: list[str]
    beside_after: list[str]


def assemble(case: str, dest: Path, copy_minimal) -> Path:
    """Build the case's content tree in dest/content; return the content folder."""
    source = CASES_DIR / case
    content = copy_minimal(dest)
    spec_file = source / "case.yaml"
    spec = yaml.safe_load(spec_file.read_text(encoding="utf-8")) if spec_file.exists() else {}
    for rel in spec.get("delete", []):
        (content / rel).unlink()
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source).as_posix()
        if path.is_file() and rel not in SPECIAL:
            target = content / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    for name, text in spec.get("outside", {}).items():
        outside = dest / "outside" / name
        outside.parent.mkdir(parents=True, exist_ok=True)
        outside.write_text(text, encoding="utf-8")
    for rel, target in spec.get("symlinks", {}).items():
        link = content / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        link.unlink(missing_ok=True)
        os.symlink(target, link)
    for rel, source_rel in spec.get("copies", {}).items():
        (content / rel).write_bytes((content / source_rel).read_bytes())
    for rel, size in spec.get("pad", {}).items():
        path = content / rel
        with path.open("ab") as handle:
            while path.stat().st_size < size:
                handle.write(b"# padding to make the file too large to read\n" * 1000)
                handle.flush()
    return content


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `folder`, by relative path."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def build_py(content: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `python build.py --content <content> ... <args>` in `cwd` (not the repository)."""
    command = [sys.executable, str(ROOT / "build.py"), "--content", str(content), "--now", NOW]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def run_case(case: str, base: Path, copy_minimal) -> Outcome:
    work = base / case
    work.mkdir()
    content = assemble(case, work, copy_minimal)
    site = work / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>the site that is online now</p>\n", encoding="utf-8")
    (site / "en" / "marker.txt").write_bytes(b"must survive a failed build\n")
    site_before, beside_before = snapshot(site), sorted(os.listdir(work))
    check = build_py(content, "check", cwd=work)
    build = build_py(content, "build", "--site", str(site), cwd=work)
    return Outcome(
        check, build, site_before, snapshot(site), beside_before, sorted(os.listdir(work))
    )


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, copy_minimal) -> dict[str, Outcome]:
    """Every case, checked and built in parallel subprocesses (Python starts slowly)."""
    base = tmp_path_factory.mktemp("bad_content")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {case: pool.submit(run_case, case, base, copy_minimal) for case in CASES}
        return {case: future.result() for case, future in futures.items()}


def expected_lines(case: str) -> list[str]:
    text = (CASES_DIR / case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def test_there_are_enough_cases():
    assert len(CASES) >= 30
    for case in CASES:
        assert (CASES_DIR / case / "expected.txt").is_file(), case


@pytest.mark.parametrize("case", CASES)
def test_check_reports_exactly_the_expected_errors(outcomes, case):
    result = outcomes[case].check
    expected = expected_lines(case)
    count = len(expected)
    summary = f"{count} problem{'s' if count != 1 else ''} found; nothing was built."
    assert result.stderr.splitlines() == [*expected, summary]
    assert result.stdout == ""
    assert result.returncode == 1


@pytest.mark.parametrize("case", CASES)
def test_build_fails_in_validation_and_leaves_the_site_alone(outcomes, case):
    outcome = outcomes[case]
    assert outcome.build.returncode == 1
    assert outcome.build.stderr == outcome.check.stderr  # the same report, nothing else
    assert outcome.site_after == outcome.site_before
    assert outcome.beside_after == outcome.beside_before  # no half-built folder left over


def test_two_broken_files_are_both_reported():
    paths = {line.split(":", 1)[0] for line in expected_lines("two-broken-files")}
    assert paths == {"content/initiatives/groen-omstilling.yaml", "content/people/mette-lund.yaml"}


def test_the_minimal_tree_itself_passes_check(tmp_path, copy_minimal):
    content = copy_minimal(tmp_path)
    result = build_py(content, "check", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "content OK: 1 initiatives, 1 press releases, 1 certifications, "
        "1 organisations, 0 events, 1 people, 1 pages\n"
    )
