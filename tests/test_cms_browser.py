"""The web editor in Chromium: the real Decap CMS under /admin/, on a copy of the bundled content,
saving through the local backend (generator/editor/cms_backend.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.editor.cms_backend import local_editor
from tests.quality_helpers import CHROMIUM, CHROMIUM_FLAGS, require_file, require_module

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "cms"


@pytest.fixture(scope="module")
def browser():
    require_module("playwright", "pip install -r requirements-dev.txt (playwright==1.65.2)")
    require_file(Path(CHROMIUM), "apt-get install chromium")
    require_file(
        ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js",
        "run `npm ci` (devDependency decap-cms@3.16.3)",
    )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the bundled content to edit."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def _open(browser, base: str, hash_path: str, outside: list[str]):
    page = browser.new_page(
        timezone_id="Europe/Copenhagen", locale="da-DK", viewport={"width": 1400, "height": 1000}
    )
    # blob: and data: URLs are the page's own memory; any other address must be the test server.
    page.on(
        "request",
        lambda r: None if r.url.startswith((base, "blob:", "data:")) else outside.append(r.url),
    )
    page.goto(base + "admin/")
    page.get_by_role("button", name="Log ind").click()
    page.goto(base + "admin/#" + hash_path)
    return page


def _field(page, name: str, nth: int = 0):
    return page.locator(f'[id^="{name}-field-"]').nth(nth)


def _publish(page) -> None:
    page.get_by_role("button", name="Publicer", exact=True).click()
    page.get_by_text("Publicer nu", exact=True).click()
    page.get_by_text("Dokumentet er gemt").wait_for(timeout=15000)


def _check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "build.py", "--content", str(content), "--now", "2026-12-11", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_a_release_made_in_the_editor_is_the_file_an_editor_would_write(browser, content, tmp_path):
    outside: list[str] = []
    photo = tmp_path / "Havn i Ærø.JPG"  # a camera's name: capitals, a space, æ and ø
    shutil.copy(EXPECTED / "havn.jpg", photo)
    with local_editor(content) as base:
        page = _open(browser, base, "/collections/press_releases/new", outside)
        _field(page, "date").fill("2026-12-10")
        _field(page, "time").fill("10:00")
        _field(page, "embargo").fill("2026-12-10T08:00")
        page.get_by_role("button", name="Tilføj citater").click()
        _field(page, "speaker").fill("Christian")
        page.get_by_text("Christian Graversen", exact=True).click()
        _field(page, "text", 0).fill("Vi glæder os over den nye havn.")
        _field(page, "text", 1).fill("We are pleased with the new harbour.")
        page.get_by_role("button", name="Tilføj billeder").click()
        page.get_by_role("button", name="Vælg et billede").click()
        # The library lists the press photos in content/media/press/, not the top of media/.
        page.get_by_text("gold-label-illustration.png", exact=True).wait_for()
        assert page.get_by_text("danish-life-science-cluster.svg").count() == 0
        page.locator('input[type="file"]').set_input_files(photo)
        # An upload is selected as it arrives, under a plain file name.
        page.get_by_text("havn-i-aero.jpg", exact=True).wait_for()
        page.get_by_role("button", name="Anvend valgte").click()
        _field(page, "credit").fill("Klynge / foto")
        _field(page, "licence").fill("CC BY 4.0")
        _field(page, "alt", 0).fill("Havnen i morgenlys")
        _field(page, "caption", 0).fill("Den nye havn")
        _field(page, "alt", 1).fill("The harbour at dawn")
        _field(page, "caption", 1).fill("The new harbour")
        for nth, (title, slug, lead, body) in enumerate(
            [
                ("Ny havn åbner", "ny-havn-aabner", "Klyngen åbner en ny havn.", "Mere om havnen."),
                ("New harbour opens", "new-harbour-opens", "The cluster opens a harbour.", "More."),
            ]
        ):
            _field(page, "title", nth).fill(title)
            _field(page, "slug", nth).fill(slug)
            _field(page, "lead", nth).fill(lead)
            page.locator('[data-slate-editor="true"]').nth(nth).click()
            page.keyboard.type(body)
        _publish(page)
        page.close()
    today = datetime.now(ZoneInfo("Europe/Copenhagen")).date().isoformat()
    written = content / "press" / f"{today}-ny-havn-aabner.yaml"  # as `build.py new` names it
    assert sorted(p.name for p in (content / "press").iterdir()) == [
        "2019-06-19-eu-gold-label.yaml",
        written.name,
    ]
    assert written.read_text(encoding="utf-8") == (EXPECTED / "release.yaml").read_text(
        encoding="utf-8"
    )
    assert (content / "media" / "press" / "havn-i-aero.jpg").read_bytes() == photo.read_bytes()
    assert not (content / "media" / "havn-i-aero.jpg").exists()
    result = _check(content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert outside == []  # the editor loads nothing from another host
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "build.py", "--quiet", "--content", str(content), "--now", "2026-12-11"]
        + ["build", "--site", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    page_da = (site / "da" / "presse" / "ny-havn-aabner" / "index.html").read_text("utf-8")
    page_en = (site / "en" / "press" / "new-harbour-opens" / "index.html").read_text("utf-8")
    assert "Ny havn åbner" in page_da and "Vi glæder os over den nye havn." in page_da
    assert "New harbour opens" in page_en and "The new harbour" in page_en


def test_changing_an_amount_in_the_editor_changes_only_that_line(browser, content):
    outside: list[str] = []
    path = content / "initiatives" / "region-syddanmark-partnership.yaml"
    before = path.read_text(encoding="utf-8")
    with local_editor(content) as base:
        page = _open(
            browser, base, "/collections/initiatives/entries/region-syddanmark-partnership", outside
        )
        amount = _field(page, "amount")
        assert amount.input_value() == "3000000"
        amount.fill("3500000")
        _publish(page)
        page.close()
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("    amount: 3000000\n", "    amount: 3500000\n")
    assert after != before
    result = _check(content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert outside == []


def test_the_public_editor_loads_nothing_from_another_host(browser, content):
    """/admin/ as the build writes it for GitHub: the sign-in page, every file from the site."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from generator.editor.cms import admin_files

    with (content / "site.yaml").open("a", encoding="utf-8") as out:
        out.write("editor:\n  backend: github\n  repo: klynge/website\n")
    files = admin_files(content)
    types = {"yml": "text/yaml", "js": "text/javascript", "html": "text/html"}

    class Static(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            path = self.path.split("?")[0].lstrip("/")
            path = path + "index.html" if path.endswith("/") else path
            data = files.get(path)
            self.send_response(200 if data else 404)
            self.send_header("Content-Type", types.get(path.rsplit(".", 1)[-1], "text/plain"))
            self.end_headers()
            self.wfile.write(data or b"")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Static)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    outside: list[str] = []
    try:
        page = browser.new_page(locale="da-DK")
        page.on(
            "request",
            lambda r: None if r.url.startswith((base, "blob:", "data:")) else outside.append(r.url),
        )
        page.goto(base + "admin/")
        page.get_by_role("button", name="Log ind med GitHub").wait_for()
        page.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert outside == []
