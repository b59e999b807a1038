"""Where the generator's own files are: its templates, and the theme beside it."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "generator" / "templates"
THEME = REPO / "theme"
