"""`new` scaffolds: a record to fill in, whose empty fields `check` names."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_py(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True, cwd=cwd
    )


def test_new_press_release_scaffold_names_what_to_fill_in(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    result = build_py(
        "--content",
        str(content),
        "--now",
        "2026-03-02T10:00:00+01:00",
        "new",
        "press",
        "Ny rapport om sundhedsøkonomi",
    )
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.name == "2026-03-02-ny-rapport-om-sundhedsoekonomi.yaml"
    text = path.read_text(encoding="utf-8")
    assert "date: 2026-03-02" in text
    assert 'title: "Ny rapport om sundhedsøkonomi"' in text
    assert "\nen:\n" in text and "\nda:\n" in text
    check = build_py("--content", str(content), "check")
    assert check.returncode == 1
    rel = f"content/press/{path.name}"
    assert f"{rel}:20: da.lead: required field is empty" in check.stderr
    assert f"{rel}:24: en.title: required field is empty" in check.stderr
    assert "Traceback" not in check.stderr


def test_new_initiative_and_page_scaffolds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    result = build_py("--content", str(content), "new", "initiative", "Grøn Ældrepleje")
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).name == "groen-aeldrepleje.yaml"
    result = build_py("--content", str(content), "new", "page", "Job og karriere")
    assert result.returncode == 0, result.stderr
    assert (content / "pages" / "job-og-karriere.da.md").is_file()
    assert (content / "pages" / "job-og-karriere.en.md").is_file()
