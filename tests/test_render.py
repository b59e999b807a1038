"""Page rendering: Markdown page bodies per language, without loading the PDF renderer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_rendering_pages_does_not_load_weasyprint():
    # Pages only label the PDFs' sizes; the build renders PDFs once and hands them over, so the
    # preview and `check` start without WeasyPrint's seconds of import time.
    script = "import sys, generator.site.render; print('weasyprint' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"
