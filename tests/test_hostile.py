"""Hostile but valid content: script and HTML payloads in every text field and Markdown body build,
and are inert everywhere: pages (in a real browser), feeds, JSON-LD, search index, PDFs, vCards."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import vobject
import yaml
from pypdf import PdfReader

from generator import languages
from generator.content import schema as s
from tests.quality_helpers import CHROMIUM, CHROMIUM_FLAGS, require, require_module

ROOT = Path(__file__).resolve().parent.parent
TEXT_PAYLOAD = (
    "Tom & Jerry \"quoted\" 'single' <script>window.__pwned='text'</script>"
    "<img src=x onerror=\"window.__pwned='img'\"> [x](javascript:window.__pwned=1) "
    "{ onclick=\"window.__pwned='attr'\" } *star* _under_ `tick` | pipe"
)
BODY_PAYLOAD = (
    "\n\n<script>window.__pwned='body'</script>\n\n"
    "<img src=x onerror=\"window.__pwned='body-img'\">\n\n"
    "<a href=\"javascript:window.__pwned='body-a'\">a link</a> and "
    "[click](javascript:window.__pwned='md-link') and "
    "<b onmouseover=\"window.__pwned='hover'\">bold</b>\n"
)
TEXT_KINDS = {s.TEXT, s.PARAGRAPH}


def poison(value, shape: s.Shape):
    """Append the payloads to every text field of a record (facts and both languages)."""
    if not isinstance(value, dict):
        return value
    for spec in shape.facts:
        value[spec.name] = _poison_field(value.get(spec.name), spec)
    for lang in languages.codes():
        block = value.get(lang)
        if isinstance(block, dict):
            for spec in shape.texts:
                block[spec.name] = _poison_field(block.get(spec.name), spec)
    return value


def _poison_field(value, spec: s.Field):
    if value is None:
        return None
    if spec.kind in TEXT_KINDS:
        return f"{value} {TEXT_PAYLOAD}"
    if spec.kind == s.MARKDOWN:
        return f"{value}{BODY_PAYLOAD}"
    if spec.kind == s.LIST and isinstance(value, list):
        return [_poison_field(item, spec.item) for item in value]
    if spec.kind == s.OBJECT and isinstance(value, dict):
        return poison(value, spec.shape)
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    for record_type in (s.SITE, *s.RECORD_TYPES):
        paths = (
            [content / "site.yaml"]
            if record_type is s.SITE
            else sorted((content / record_type.folder).glob("*.yaml"))
        )
        for path in paths:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            poisoned = poison(data, record_type.shape)
            path.write_text(
                yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    for page in (content / "pages").glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8") + BODY_PAYLOAD, encoding="utf-8")
    site = tmp / "site"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(content),
            "--now",
            "2026-11-25T12:00:00+00:00",
            "--quiet",
            "build",
            "--site",
            str(site),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return site


def test_payloads_are_text_in_pages(hostile_site):
    page = (hostile_site / "en/initiatives").glob("*/index.html")
    html = next(iter(page)).read_text(encoding="utf-8")
    assert "window.__pwned" in html  # the payload is there, as text
    for path in hostile_site.rglob("*.html"):
        parser = _Markup()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.problems == [], path


class _Markup(HTMLParser):
    """Finds event-handler attributes, javascript: URLs and scripts that mention the payload."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "__pwned" in data and "\\u003c" not in data:
            self.problems.append(f"script runs: {data[:80]}")


def test_json_ld_and_search_index_stay_data(hostile_site):
    for path in hostile_site.rglob("*.html"):
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>',
            path.read_text(encoding="utf-8"),
            re.S,
        ):
            assert "<" not in block, path
            json.loads(block)
    for index in hostile_site.glob("*/search/search_index.json"):
        data = json.loads(index.read_text(encoding="utf-8"))
        assert any("__pwned" in doc["text"] for doc in data["docs"])


def test_feeds_vcards_and_pdfs_stay_text(hostile_site):
    import feedparser

    for feed in hostile_site.glob("*/*/feed.xml"):
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, feed
        assert "<script>" not in feed.read_text(encoding="utf-8")
    for card in hostile_site.rglob("*.vcf"):
        parsed = vobject.readOne(card.read_text(encoding="utf-8"))
        assert "window.__pwned" in parsed.title.value or "window.__pwned" not in card.read_text()
    pdfs = list(hostile_site.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = "\n".join(
            p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages
        )
        assert "window.__pwned" in text  # shown as text, not dropped or run
    for kit in hostile_site.rglob("*.zip"):
        with zipfile.ZipFile(kit) as archive:
            assert archive.testzip() is None


def test_press_kit_texts_stay_text_when_rendered(hostile_site):
    """Journalists open the kits' texts in editors that render Markdown or HTML: rendered, they
    hold no script, frame, event handler or javascript: link."""
    import markdown

    kits = sorted(hostile_site.glob("press-kits/*.zip"))
    assert len(kits) >= 2
    texts = 0
    for kit in kits:
        with zipfile.ZipFile(kit) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                if not name.endswith((".md", ".txt")):
                    continue
                texts += 1
                text = data.decode("utf-8")
                assert "window.__pwned" in text, (kit.name, name)  # text fields shown as typed
                html = markdown.markdown(text, extensions=["extra", "attr_list"])
                parser = _Markup()
                parser.feed(html)
                assert parser.problems == [], (kit.name, name)
                assert not re.search(r"<(script|iframe)\b", html), (kit.name, name)
                if name.endswith(".txt"):
                    assert not re.search(r"(?<!\\)<(script|iframe)\b", text)
    assert texts > 5


def test_no_payload_runs_in_a_browser(hostile_site):
    require_module("playwright", "pip install playwright==1.65.2")
    from playwright import sync_api

    require(Path(CHROMIUM).exists(), f"Chromium at {CHROMIUM} (apt-get install chromium)")
    handler = partial(_Quiet, directory=str(hostile_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = sorted(
        p.relative_to(hostile_site).as_posix().removesuffix("index.html")
        for p in hostile_site.glob("*/**/index.html")
    )
    ran = []
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
            for path in pages:
                page.goto(base + path, wait_until="load")
                for link in page.query_selector_all("a[href^='javascript']"):
                    ran.append(f"{path}: javascript link {link.get_attribute('href')}")
                page.mouse.move(10, 10)
                value = page.evaluate("window.__pwned")
                if value is not None:
                    ran.append(f"{path}: {value}")
            browser.close()
    finally:
        server.shutdown()
    assert len(pages) > 40
    assert ran == []


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass
