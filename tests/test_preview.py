"""The live preview: every language at once, rebuilt on every save, errors shown in the page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

pytest.register_assert_rewrite("tests.quality_helpers")
from tests.quality_helpers import CHROMIUM, CHROMIUM_FLAGS, require_file, require_module  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RECORD = Path("initiatives") / "sund-vaegt.yaml"
DA_PAGE = "/da/indsatser/sund-vaegt/"
EN_PAGE = "/en/initiatives/healthy-weight/"
BROKEN_LINE = "start: 23.11.2021"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


class Preview:
    def __init__(self, content: Path, log: Path, port: int, process: subprocess.Popen):
        self.content, self.log, self.port, self.process = content, log, port, process
        self.source = content / RECORD
        self.original = self.source.read_text(encoding="utf-8")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def save(self, text: str) -> None:
        self.source.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`build.py serve` on a copy of the bundled content, started once for the module."""
    folder = tmp_path_factory.mktemp("preview")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    port = _free_port()
    log = folder / "serve.log"
    (folder / "tmp").mkdir()  # where the preview builds the site
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "build.py"), "--content", str(content), "serve"]
            + ["--lang", "en", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env={**os.environ, "TMPDIR": str(folder / "tmp")},
        )
    running = Preview(content, log, port, process)
    try:
        assert _wait_for(lambda: _get(running.url(EN_PAGE)), 120), running.output()
        yield running
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert "Traceback" not in running.output()


def test_both_languages_and_the_chooser_are_served_at_once(preview):
    assert f"Preview at http://127.0.0.1:{preview.port}/en/ (da, en;" in preview.output()
    assert '<html lang="da"' in _get(preview.url("/da/"))
    assert '<html lang="en"' in _get(preview.url("/en/"))
    chooser = _get(preview.url("/"))
    assert 'href="/da/"' in chooser and 'href="/en/"' in chooser


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.switch: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switch[attrs["hreflang"]] = attrs["href"]


def test_the_language_switcher_leads_to_the_served_page_in_the_other_language(preview):
    links = _Links()
    links.feed(_get(preview.url(DA_PAGE)))
    target = urljoin(preview.url(DA_PAGE), links.switch["en"])
    assert target == preview.url(EN_PAGE)
    assert "Healthy Weight" in _get(target)


def test_a_saved_title_appears_in_the_served_page(preview):
    preview.save(preview.original.replace("Healthy Weight", "Healthy Weight Preview"))
    try:
        shown = _wait_for(lambda: "Healthy Weight Preview" in (_get(preview.url(EN_PAGE)) or ""))
        assert shown, preview.output()
    finally:
        preview.save(preview.original)
    assert _wait_for(lambda: "Healthy Weight Preview" not in _get(preview.url(EN_PAGE)))


def test_a_content_error_shows_over_the_page_and_goes_away_when_fixed(preview):
    require_module("playwright", "pip install -r requirements-dev.txt (playwright==1.65.2)")
    require_file(Path(CHROMIUM), "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.goto(preview.url(EN_PAGE))
            assert page.locator("#preview-errors").count() == 0
            preview.save(preview.original.replace("start: 2021-11-23", BROKEN_LINE))
            try:
                page.wait_for_selector("#preview-errors", timeout=60_000)
                shown = page.inner_text("#preview-errors")
                # The same lines as in the terminal, over the last good page.
                assert "sund-vaegt.yaml:" in shown and "'23.11.2021'" in shown
                assert shown.splitlines()[0] in preview.output()
                assert "Healthy Weight" in page.inner_text("h1")
            finally:
                preview.save(preview.original)
            page.wait_for_selector("#preview-errors", state="detached", timeout=60_000)
            assert "Healthy Weight" in page.inner_text("h1")
        finally:
            browser.close()
    assert "1 problem(s); still showing the last good version." in preview.output()


def test_the_preview_script_is_only_in_served_pages(preview):
    assert "/_preview/events" in _get(preview.url(EN_PAGE))
    built = list(
        (preview.content.parent / "tmp").glob("**/en/initiatives/healthy-weight/index.html")
    )
    assert built
    assert all("/_preview/events" not in p.read_text(encoding="utf-8") for p in built)


def test_a_new_page_is_served_in_both_languages_after_a_full_rebuild(preview):
    pages = [preview.content / "pages" / f"preview-test.{lang}.md" for lang in ("da", "en")]
    for page, title in zip(pages, ("Prøveside", "Preview test page"), strict=True):
        page.write_text(
            f"---\ntitle: {title}\nslug: preview-test\n"
            f"description: {title}.\n---\n\nIt is served at once.\n",
            encoding="utf-8",
        )
    try:
        for lang in ("da", "en"):
            served = _wait_for(
                lambda lang=lang: (
                    "It is served at once." in (_get(preview.url(f"/{lang}/preview-test/")) or "")
                ),
                120,
            )
            assert served, preview.output()
    finally:
        for page in reversed(pages):
            page.unlink()
    assert _wait_for(lambda: _get(preview.url("/en/preview-test/")) is None, 120)


def test_a_saved_name_appears_on_the_pages_of_the_records_that_name_it(preview):
    organisation = preview.content / "organisations" / "syddansk-universitet.yaml"
    original = organisation.read_text(encoding="utf-8")
    partnership = preview.url("/en/initiatives/region-of-southern-denmark-partnership/")
    assert "University of Southern Denmark" in _get(partnership)
    organisation.write_text(
        original.replace("University of Southern Denmark", "University of Southern Denmark UX"),
        encoding="utf-8",
    )
    try:
        shown = _wait_for(lambda: "University of Southern Denmark UX" in (_get(partnership) or ""))
        assert shown, preview.output()
    finally:
        organisation.write_text(original, encoding="utf-8")


def test_the_web_editor_is_served_and_a_save_in_it_shows_in_the_preview(preview):
    """`serve` mounts the web editor at /admin/, saving through the local backend into the
    working copy; the preview then rebuilds the page like after any other save."""
    require_module("playwright", "pip install -r requirements-dev.txt (playwright==1.65.2)")
    require_file(Path(CHROMIUM), "apt-get install chromium")
    require_file(
        ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js",
        "run `npm ci` (devDependency decap-cms@3.16.3)",
    )
    from playwright.sync_api import sync_playwright

    assert f"Also served: http://127.0.0.1:{preview.port}/admin/" in preview.output()
    record = preview.content / "initiatives" / "region-syddanmark-partnership.yaml"
    original = record.read_text(encoding="utf-8")
    partnership = preview.url("/en/initiatives/region-of-southern-denmark-partnership/")
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(locale="da-DK", viewport={"width": 1400, "height": 1000})
            # The editor and its local backend are both on this machine (two ports).
            page.on(
                "request",
                lambda r: (
                    None
                    if r.url.startswith(("http://127.0.0.1:", "blob:", "data:"))
                    else outside.append(r.url)
                ),
            )
            page.goto(preview.url("/admin/"))
            page.get_by_role("button", name="Log ind").click()
            page.goto(
                preview.url(
                    "/admin/#/collections/initiatives/entries/region-syddanmark-partnership"
                )
            )
            amount = page.locator('[id^="amount-field-"]').first
            assert amount.input_value() == "3000000"
            amount.fill("3500000")
            page.get_by_role("button", name="Publicer", exact=True).click()
            page.get_by_text("Publicer nu", exact=True).click()
            page.get_by_text("Dokumentet er gemt").wait_for(timeout=15000)
        finally:
            browser.close()
    try:
        assert record.read_text(encoding="utf-8") == original.replace(
            "    amount: 3000000\n", "    amount: 3500000\n"
        )
        shown = _wait_for(lambda: "DKK 3,500,000" in (_get(partnership) or ""))
        assert shown, preview.output()
        assert outside == []
    finally:
        record.write_text(original, encoding="utf-8")


def test_a_save_refreshes_the_search_index_as_a_full_build_writes_it(tmp_path):
    from generator.editor.preview import LiveSite

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (tmp_path / "builds").mkdir()
    site = LiveSite(content, ROOT, "2026-12-11", tmp_path / "builds")
    site.full()
    site.prepare()
    path = content / RECORD
    path.write_text(
        path.read_text(encoding="utf-8").replace("Healthy Weight", "Healthy Weight Indexed"),
        encoding="utf-8",
    )
    quick = site.update({path}, structural=False)
    assert site.builds == 1  # the quick path, not a full rebuild
    index_en = (quick / "en" / "search" / "search_index.json").read_bytes()
    index_da = (quick / "da" / "search" / "search_index.json").read_bytes()
    assert rb'Science \u2013 Healthy Weight Indexed","text"' in index_en  # the page's title
    assert b"Healthy Weight Indexed" not in index_da
    full = site.full()  # the same content, built whole
    assert (full / "en" / "search" / "search_index.json").read_bytes() == index_en
    assert (full / "da" / "search" / "search_index.json").read_bytes() == index_da
