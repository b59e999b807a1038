"""The tests mirror the generator: every module has a test file of its own."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_generator_module_has_its_own_test_file():
    modules = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "generator").rglob("*.py")
        if path.name != "__init__.py"
    )
    missing = [m for m in modules if not (ROOT / "tests" / f"test_{Path(m).stem}.py").is_file()]
    assert missing == [], "write tests/test_<module>.py for: " + ", ".join(missing)


def test_module_names_are_unique_so_test_files_cannot_clash():
    stems = [p.stem for p in (ROOT / "generator").rglob("*.py") if p.name != "__init__.py"]
    assert len(stems) == len(set(stems))
