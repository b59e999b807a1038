"""What sanitising removes from an editor's Markdown, and the warning `check` prints for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.content.sanitise import clean_markdown, markdown_text
from tests.test_hostile import BODY_PAYLOAD, TEXT_PAYLOAD

ROOT = Path(__file__).resolve().parent.parent


def test_markdown_keeps_its_syntax_and_loses_scripts_handlers_and_script_links():
    text = (
        "## Heading\n\nText > quote & <b>bold</b>, <https://example.org> and *em*.\n\n"
        "> A blockquote\n\n- a [link](https://example.org)\n"
        + BODY_PAYLOAD
        + '\n<iframe src="https://elsewhere.example/">frame</iframe>\n'
    )
    cleaned, removed = clean_markdown(text)
    assert cleaned.startswith(
        "## Heading\n\nText > quote & <b>bold</b>, <https://example.org> "
        "and *em*.\n\n> A blockquote\n\n- a [link](https://example.org)\n"
    )
    assert '<img src="x">' in cleaned
    assert "<a>a link</a> and click and <b>bold</b>" in cleaned
    for gone in ("script", "iframe", "on", "javascript", "frame</"):
        assert gone not in cleaned.replace("https://example.org", "")
    assert removed == [
        "<script> element",
        "onerror= attribute",
        "javascript: link",
        "onmouseover= attribute",
        "<iframe> element",
    ]


def test_plain_text_is_inert_in_markdown():
    assert markdown_text(TEXT_PAYLOAD) == (
        "Tom & Jerry \"quoted\" 'single' \\<script\\>window.__pwned='text'\\</script\\>"
        "\\<img src=x onerror=\"window.__pwned='img'\"\\> \\[x\\](javascript:window.__pwned=1) "
        "\\{ onclick=\"window.__pwned='attr'\" \\} *star* _under_ \\`tick\\` | pipe"
    )


def test_check_warns_with_path_and_line_and_still_succeeds(minimal_content):
    release = minimal_content / "press" / "2024-03-01-eu-stoette.yaml"
    text = release.read_text(encoding="utf-8")
    release.write_text(
        text.replace(
            "  body: Klyngen får støtte fra Regionalfonden.",
            "  body: |\n    Klyngen får støtte fra Regionalfonden.<script>alert(1)</script>\n\n"
            '    <iframe src="https://x.example/"></iframe> [Se her](javascript:alert(1)) og '
            '<b onclick="alert(1)">fed</b>',
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(minimal_content),
            "--now",
            "2025-01-01T00:00:00+00:00",
            "check",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    hint = "write the text without HTML, or link to the page instead"
    assert result.stderr.splitlines() == [
        f"warning: content/press/2024-03-01-eu-stoette.yaml:21: da.body: removed {what}; {hint}"
        for what in (
            "<iframe> element",
            "<script> element",
            "javascript: link",
            "onclick= attribute",
        )
    ]
    assert result.returncode == 0
    assert result.stdout.startswith("content OK:")


def test_the_model_holds_the_cleaned_body(minimal_content):
    from generator.clock import build_now
    from generator.content.model import load_content

    release = minimal_content / "press" / "2024-03-01-eu-stoette.yaml"
    text = release.read_text(encoding="utf-8")
    release.write_text(
        text.replace(
            "Klyngen får støtte fra Regionalfonden.", "Klyngen får <script>alert(1)</script>støtte."
        ),
        encoding="utf-8",
    )
    content = load_content(minimal_content, build_now("2025-01-01T00:00:00+00:00"))
    body = content.press_releases["2024-03-01-eu-stoette"].text("da").body
    assert body == "Klyngen får støtte.\n"
    assert [str(w) for w in content.warnings] == [
        "content/press/2024-03-01-eu-stoette.yaml:21: da.body: removed <script> element; "
        "write the text without HTML, or link to the page instead"
    ]
