"""The generator's own folders: templates and theme are found wherever the repository lies."""

from __future__ import annotations

from generator import paths


def test_templates_and_theme_are_in_the_repository():
    assert (paths.REPO / "build.py").is_file()
    assert (paths.TEMPLATES / "release.md.j2").is_file()
    assert (paths.TEMPLATES / "presskit" / "release.md.j2").is_file()
    assert (paths.THEME / "main.html").is_file()
    assert (paths.THEME / "locales" / "da" / "LC_MESSAGES" / "messages.po").is_file()
