"""build.py's command line: commands, exit status and one-line messages without tracebacks."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from generator.editor import cli

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str) -> int:
    return cli.main(list(argv), ROOT, argparse.ArgumentParser(prog="build.py"))


def test_check_reports_counts_and_exits_0(minimal_content, capsys):
    assert run("--content", str(minimal_content), "--now", "2026-12-03 09:00", "check") == 0
    assert capsys.readouterr().out == (
        "content OK: 1 initiatives, 1 press releases, 1 certifications, 1 organisations, "
        "0 events, 1 people, 1 pages\n"
    )


def test_check_lists_every_problem_and_exits_1(minimal_content, capsys):
    site = minimal_content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    assert run("--content", str(minimal_content), "check") == 1
    err = capsys.readouterr().err
    assert "content/site.yaml:" in err and "colour" in err
    assert err.rstrip().endswith("1 problem found; nothing was built.")
    assert "Traceback" not in err


def test_a_missing_content_folder_is_one_line(tmp_path, capsys):
    assert run("--content", str(tmp_path / "nowhere"), "check") == 1
    assert capsys.readouterr().err == (
        f"error: content folder {tmp_path / 'nowhere'} not found; "
        "run the command from the site's repository, or give --content DIR\n"
    )


def test_a_now_that_is_no_time_is_a_usage_error(minimal_content, capsys):
    with pytest.raises(SystemExit) as exited:
        run("--content", str(minimal_content), "--now", "tomorrow", "check")
    assert exited.value.code == 2
    assert "Invalid isoformat string: 'tomorrow'" in capsys.readouterr().err


def test_new_writes_a_scaffold_and_prints_its_path(minimal_content, capsys):
    assert run("--content", str(minimal_content), "new", "page", "Job og karriere") == 0
    printed = capsys.readouterr().out.strip()
    assert printed.endswith("job-og-karriere.da.md")
    assert (minimal_content / "pages" / "job-og-karriere.en.md").is_file()
