"""Each language stays in its language: the 404 pages as static hosts serve them, and text shown in
a language it was not written in (`only_in:`), marked with its own language.

The site is the minimal fixture with one Danish-only initiative, published under a sub-path
(https://www.klynge.example/klynge/, as a GitHub or GitLab project site is), and served by a small
server that answers a missing address as Cloudflare Pages does: with the nearest 404.html up the
tree and status 404.
"""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.quality_helpers")
from tests.quality_helpers import CHROMIUM, CHROMIUM_FLAGS, require_file, require_module  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-25T12:00:00+00:00"
BASE_PATH = "/klynge/"

DANISH_ONLY = """\
start: 2022-01-01
end: 2027-12-31
total_eligible_cost: 1000000
funding:
  - fund: national
    amount: 500000
regions: [fyn]
focus_area: innovation
beneficiary: klynge
only_in: da
da:
  title: Sundt hjerte
  slug: sundt-hjerte
  summary: Et lokalt projekt om hjertesundhed på Fyn.
  aims: [Flere raske hjerter]
  results: [Tre nye tilbud]
  body: |
    Projektet samarbejder med lokale foreninger om motion og kost.
"""

DANISH_ONLY_RELEASE = """\
date: 2024-06-01
time: "14:00"
only_in: da
contacts: [mette-lund]
da:
  title: Nyt kontor i Ærøskøbing
  slug: nyt-kontor-i-aeroeskoebing
  lead: Klyngen åbner et lille kontor på Ærø.
  body: |
    Kontoret ligger ved havnen.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, copy_minimal) -> Path:
    folder = tmp_path_factory.mktemp("languages")
    content = copy_minimal(folder)
    settings = content / "site.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "base_url: https://www.klynge.example/", "base_url: https://www.klynge.example/klynge/"
        ),
        encoding="utf-8",
    )
    (content / "initiatives" / "sundt-hjerte.yaml").write_text(DANISH_ONLY, encoding="utf-8")
    (content / "press" / "2024-06-01-nyt-kontor.yaml").write_text(
        DANISH_ONLY_RELEASE, encoding="utf-8"
    )
    out = folder / "site"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(content),
            "--now",
            NOW,
            "--quiet",
            "build",
            "--site",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return out


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """The site under BASE_PATH; a missing address gets the nearest 404.html up the tree, with
    status 404 (Cloudflare Pages' rule; GitHub and GitLab Pages use the root one only)."""

    def log_message(self, format, *args):
        pass

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(BASE_PATH):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path[len(BASE_PATH) :])

    def do_GET(self):
        target = Path(self.translate_path(self.path))
        if target.is_file() or (target.is_dir() and (target / "index.html").is_file()):
            return super().do_GET()
        root = Path(self.directory)
        folder = target if target.is_dir() else target.parent
        while not (folder / "404.html").is_file() and folder != root and root in folder.parents:
            folder = folder.parent
        if not folder.is_relative_to(root):
            folder = root
        body = (folder / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def host(site: Path):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def article(html: str) -> str:
    """The page's own content, whitespace collapsed."""
    inner = html.split('<article class="md-content__inner md-typeset">', 1)[1]
    return " ".join(inner.split("</article>", 1)[0].split())


NOT_FOUND = {
    "da": (
        "<h1>Siden blev ikke fundet</h1> <p>Siden, du ledte efter, findes ikke, eller den er "
        'flyttet.</p> <ul class="not-found__links"> <li><a href="/klynge/da/">Gå til forsiden'
        '</a></li><li><a href="/klynge/da/?q=">Søg på sitet</a></li> </ul>',
        "<title>Siden blev ikke fundet – Klyngen</title>",
    ),
    "en": (
        "<h1>Page not found</h1> <p>The page you were looking for does not exist, or it has "
        'moved.</p> <ul class="not-found__links"> <li><a href="/klynge/en/">Go to the home '
        'page</a></li><li><a href="/klynge/en/?q=">Search the site</a></li> </ul>',
        "<title>Page not found – The Cluster</title>",
    ),
}


@pytest.mark.parametrize(
    "lang, missing",
    [
        ("da", "da/a/b/c/"),
        ("da", "da/indsatser/x"),
        ("en", "en/a/b/c/d.html"),
        ("en", "en/missing/"),
    ],
)
def test_a_missing_address_in_a_language_gets_that_languages_404_page(host, lang, missing):
    status, html = fetch(f"{host}{BASE_PATH}{missing}")
    assert status == 404
    assert f'<html lang="{lang}" class="no-js">' in html
    text, title = NOT_FOUND[lang]
    assert article(html).startswith(text)
    assert title in html
    assert "404 - Not found" not in html and ("Page not found" in html) == (lang == "en")


def test_the_language_404_page_loads_its_assets_from_any_depth(host):
    status, html = fetch(f"{host}{BASE_PATH}da/a/b/c/")
    assert status == 404
    # MkDocs builds error pages with URLs from site_url's path, sub-path included.
    urls = set(re.findall(r'(?:href|src)="([^"#]+)"', html)) - {"/klynge/da/?q="}
    local = sorted(u for u in urls if not u.startswith(("mailto:", "tel:")))
    assert local and all(u.startswith("/klynge/") for u in local), local
    for url in local:
        assert fetch(f"{host}{url}")[0] == 200, url
    assert '<a href="/klynge/en/" hreflang="en" lang="en" class="md-select__link">' in html


def test_an_address_outside_the_languages_gets_the_bilingual_root_404_page(host, site):
    status, html = fetch(f"{host}{BASE_PATH}nothing/here/")
    assert status == 404
    assert html == (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="da">' in html
    assert "<title>Siden blev ikke fundet / Page not found</title>" in html
    body = " ".join(html.split("<main>", 1)[1].split())
    assert body == (
        '<section lang="da"> <h1>Siden blev ikke fundet</h1> <p>Siden, du ledte efter, findes '
        'ikke, eller den er flyttet.</p> <p><a href="/klynge/da/" hreflang="da">Gå til forsiden '
        '– Klyngen</a> <a href="/klynge/da/?q=" hreflang="da">Søg på sitet</a></p> </section> '
        '<section lang="en"> <h1>Page not found</h1> <p>The page you were looking for does not '
        'exist, or it has moved.</p> <p><a href="/klynge/en/" hreflang="en">Go to the home page '
        '– The Cluster</a> <a href="/klynge/en/?q=" hreflang="en">Search the site</a></p> '
        "</section> </main> </body> </html>"
    )
    assert '<link rel="icon" href="/klynge/da/assets/images/favicon.png"' in html
    assert fetch(f"{host}/klynge/da/assets/images/favicon.png")[0] == 200


def test_netlify_redirects_send_each_language_to_its_404_page(site):
    assert (site / "_redirects").read_text(encoding="utf-8") == (
        "# Netlify: each language's own 404 page for a missing address in that language.\n"
        "/klynge/da/*  /klynge/da/404.html  404\n"
        "/klynge/en/*  /klynge/en/404.html  404\n"
    )


# --- text in its own language ---------------------------------------------------------------


def test_a_page_shown_in_its_only_language_marks_that_text_danish(site):
    html = (site / "en" / "initiatives" / "sundt-hjerte" / "index.html").read_text("utf-8")
    assert '<html lang="en"' in html
    page = article(html)
    assert '<h1 id="sundt-hjerte" lang="da">Sundt hjerte' in page
    assert (
        '<p class="admonition-title">Only available in Danish</p> <p>This page has not been '
        'translated. It is shown in Danish. <a href="../../../da/indsatser/sundt-hjerte/" '
        'hreflang="da">See the original page in Danish</a></p>'
    ) in page
    original = (
        site / "en" / "initiatives" / "sundt-hjerte" / "../../../da/indsatser/"
        "sundt-hjerte" / "index.html"
    ).resolve()
    assert original == (site / "da" / "indsatser" / "sundt-hjerte" / "index.html").resolve()
    assert original.is_file()
    for text in (
        '<div lang="da"> <p>Et lokalt projekt om hjertesundhed på Fyn.</p> </div>',
        '<div lang="da"> <ul> <li>Flere raske hjerter</li> </ul> </div>',
        '<div lang="da"> <ul> <li>Tre nye tilbud</li> </ul> </div>',
        '<div lang="da"> <p>Projektet samarbejder med lokale foreninger om motion og '
        "kost.</p> </div>",
    ):
        assert text in page
    # The page's own words stay English, outside the Danish parts.
    assert '<h2 id="facts">Facts' in page


def test_listing_cards_of_a_borrowed_record_carry_its_language(site):
    listing = article((site / "en" / "initiatives" / "index.html").read_text("utf-8"))
    assert '<a class="klynge-card__link" href="sundt-hjerte/" lang="da">Sundt hjerte</a>' in listing
    assert (
        '<p class="klynge-card__text" lang="da">Et lokalt projekt om hjertesundhed på Fyn.</p>'
    ) in listing
    translated = '<a class="klynge-card__link" href="green-transition/">Green transition</a>'
    assert translated in listing  # a translated record's card has no lang of its own


def test_a_borrowed_press_release_and_its_listing_entry_are_marked_danish(site):
    page = article(
        (site / "en" / "press" / "nyt-kontor-i-aeroeskoebing" / "index.html").read_text("utf-8")
    )
    assert '<h1 id="nyt-kontor-i-rskbing" lang="da">Nyt kontor i Ærøskøbing' in page
    assert (
        '<a href="../../../da/presse/nyt-kontor-i-aeroeskoebing/" hreflang="da">See the '
        "original page in Danish</a>"
    ) in page
    assert '<p class="lead" lang="da">Klyngen åbner et lille kontor på Ærø.</p>' in page
    assert '<div lang="da"> <p>Kontoret ligger ved havnen.</p> </div>' in page
    listing = article((site / "en" / "press" / "index.html").read_text("utf-8"))
    assert (
        '<a class="klynge-card__link" href="nyt-kontor-i-aeroeskoebing/" lang="da">Nyt kontor i '
        "Ærøskøbing</a>"
    ) in listing
    assert '<p class="klynge-card__text" lang="da">Klyngen åbner et lille kontor på Ærø.</p>' in (
        listing
    )


def test_the_original_language_page_has_no_extra_lang_marks(site):
    html = (site / "da" / "indsatser" / "sundt-hjerte" / "index.html").read_text("utf-8")
    assert '<h1 id="sundt-hjerte">Sundt hjerte' in html
    assert 'lang="da"' not in article(html)
    assert "Kun på" not in html


# --- in Chromium ----------------------------------------------------------------------------


def test_404_pages_in_chromium_are_styled_and_in_their_language(host):
    require_module("playwright", "pip install -r requirements-dev.txt (playwright==1.65.2)")
    require_file(Path(CHROMIUM), "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            failed = []
            page.on(
                "response",
                lambda r: (
                    failed.append((r.url, r.status))
                    if r.status != 200 and r.request.resource_type != "document"
                    else None
                ),
            )
            page.route(
                "**/*",
                lambda route: (
                    route.fallback() if route.request.url.startswith(host) else route.abort()
                ),
            )
            for lang, path, heading in (
                ("da", "da/a/b/c/", "Siden blev ikke fundet"),
                ("en", "en/x/y/z/", "Page not found"),
            ):
                response = page.goto(f"{host}{BASE_PATH}{path}", wait_until="load")
                assert response.status == 404
                assert page.evaluate("document.documentElement.lang") == lang
                assert page.inner_text("article h1") == heading
                # Material's stylesheet applied: its sticky header and the custom palette.
                assert (
                    page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
                    == "sticky"
                )
                assert page.evaluate("[...document.styleSheets].every(s => s.cssRules.length)")
            response = page.goto(f"{host}{BASE_PATH}nowhere/at/all", wait_until="load")
            assert response.status == 404
            langs = page.evaluate(
                "[...document.querySelectorAll('section')]"
                ".map(s => [s.lang, s.querySelector('h1').innerText])"
            )
            assert langs == [["da", "Siden blev ikke fundet"], ["en", "Page not found"]]
            assert failed == []
        finally:
            browser.close()
