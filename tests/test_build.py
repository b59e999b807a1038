"""Whole-build tests on the bundled content: output paths, languages, formatting, EU block,
determinism, failed builds and embargoes."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-25T12:00:00+00:00"


def run_build(
    content: Path, site: Path, now: str = NOW, cache: Path | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"KLYNGE_CACHE": str(cache)} if cache else {})}
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(content),
            "--now",
            now,
            "--quiet",
            "build",
            "--site",
            str(site),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundled") / "site"
    result = run_build(ROOT / "content", out)
    assert result.returncode == 0, result.stderr
    return out


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class HeadLinks(HTMLParser):
    """Collects hreflang alternates, the html lang and the language switcher's links."""

    def __init__(self):
        super().__init__()
        self.alternates: dict[str, str] = {}
        self.switch: dict[str, str] = {}
        self.lang = None
        self.og_locale = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and "alternate" in (a.get("rel") or "").split() and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switch[a["hreflang"]] = a["href"]
        if tag == "meta" and a.get("property") == "og:locale":
            self.og_locale = a.get("content")


def head(path: Path) -> HeadLinks:
    parser = HeadLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def text_of(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&nbsp;", " ")


EXPECTED_PAGES = {
    "index.html",
    "404.html",
    "da/index.html",
    "en/index.html",
    "da/404.html",
    "en/404.html",
    "da/indsatser/index.html",
    "en/initiatives/index.html",
    "da/indsatser/sund-vaegt/index.html",
    "en/initiatives/healthy-weight/index.html",
    "da/presse/index.html",
    "en/press/index.html",
    "da/presse/2019/index.html",
    "en/press/2019/index.html",
    "da/presse/eu-guld-til-sund-erhvervsklynge/index.html",
    "en/press/eu-gold-for-health-cluster/index.html",
    "da/certificeringer/index.html",
    "en/certifications/index.html",
    "da/netvaerk/index.html",
    "en/network/index.html",
    "da/netvaerk/welfare-tech/index.html",
    "da/kontakt/index.html",
    "en/contact/index.html",
    "da/om/index.html",
    "en/about/index.html",
    "da/privatliv/index.html",
    "en/privacy/index.html",
    "da/tilgaengelighed/index.html",
    "en/accessibility/index.html",
}


def test_output_has_every_expected_page_and_file(site):
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert EXPECTED_PAGES <= pages, sorted(EXPECTED_PAGES - pages)
    # One page per record and language, plus listings: the exact count guards against strays.
    assert len([p for p in pages if p.startswith("da/")]) == len(
        [p for p in pages if p.startswith("en/")]
    )
    for extra in (
        "sitemap.xml",
        "robots.txt",
        "_redirects",
        "da/sitemap.xml",
        "en/sitemap.xml",
        "da/feed.xml",
        "en/feed.xml",
        "da/search/search_index.json",
        "en/search/search_index.json",
        "da/kontakt/christian-graversen.vcf",
        "en/contact/mette-thiel.vcf",
        "press-kits/media-kit.zip",
        "press-kits/2019-06-19-eu-gold-label.zip",
        "media/press/gold-label-illustration.png",
        "en/press/eu-gold-for-health-cluster/eu-gold-for-health-cluster.pdf",
    ):
        assert (site / extra).is_file(), extra


def test_every_file_of_the_site_has_exactly_one_claimed_owner(site):
    """Every file in site/ was claimed before the build wrote anything (MkDocs' assets, search
    index and 404 page included), and every claimed file was written."""
    from generator.clock import build_now
    from generator.content.model import load_content
    from generator.outputs import check_written, claim_site, path_key
    from generator.site.urls import build_url_map

    content = load_content(ROOT / "content", build_now(NOW))
    registry = claim_site(content, build_url_map(content))
    assert check_written(registry, site) == []
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert len({path_key(f) for f in files}) == len(files)  # no case or NFC/NFD twins either
    for mkdocs_own in (
        "da/404.html",
        "en/assets/stylesheets/klynge.css",
        "da/search/search_index.json",
    ):
        assert registry.owner_of(mkdocs_own) is not None, mkdocs_own


def test_html_lang_and_og_locale_match_the_language(site):
    for lang, locale in (("da", "da_DK"), ("en", "en_GB")):
        for page in sorted((site / lang).rglob("*.html")):
            parsed = head(page)
            assert parsed.lang == lang, page
            if page.name != "404.html":
                assert parsed.og_locale == locale, page


def test_hreflang_alternates_are_reciprocal_and_absolute(site):
    base = "https://www.lifescience-cluster.example/"
    checked = 0
    for page in site.glob("*/**/index.html"):
        alternates = head(page).alternates
        if not alternates:
            continue
        assert alternates["x-default"] == base
        own = {k: v for k, v in alternates.items() if k != "x-default"}
        for url in own.values():
            assert url.startswith(base), url
            other = site / url[len(base) :] / "index.html"
            assert other.is_file(), url
            assert head(other).alternates == alternates, (page, other)
        checked += 1
    assert checked >= 40


def test_switcher_leads_to_the_same_record_in_the_other_language(site):
    da_page = site / "da/indsatser/sund-vaegt/index.html"
    target = head(da_page).switch["en"]
    assert (da_page.parent / target / "index.html").resolve() == (
        site / "en/initiatives/healthy-weight/index.html"
    ).resolve()
    en_page = site / "en/press/eu-gold-for-health-cluster/index.html"
    target = head(en_page).switch["da"]
    assert (en_page.parent / target / "index.html").resolve() == (
        site / "da/presse/eu-guld-til-sund-erhvervsklynge/index.html"
    ).resolve()


def test_amounts_and_dates_are_formatted_per_language(site):
    da = text_of(site / "da/indsatser/sund-vaegt/index.html")
    en = text_of(site / "en/initiatives/healthy-weight/index.html")
    assert "92.524.800 kr." in da
    assert "76.580.181 kr." in da
    assert "23. november 2021" in da
    assert "DKK 92,524,800" in en
    assert "approx. EUR 12,402,788" in en
    assert "23 November 2021" in en
    assert "82,8 %" in da and "82.8%" in en


def test_eu_block_only_on_eu_funded_initiatives(site):
    eu = site / "en/initiatives/healthy-weight/index.html"
    html = eu.read_text(encoding="utf-8")
    assert 'class="eu-emblem"' in html
    assert "Co-funded by the European Union" in html
    assert "Medfinansieret af Den Europæiske Union" in (
        site / "da/indsatser/sund-vaegt/index.html"
    ).read_text(encoding="utf-8")
    for slug in ("klyngeindsats-life-science", "region-syddanmarks-partnerskab"):
        matches = list((site / "da/indsatser").glob(f"{slug}*/index.html"))
        for page in matches:
            text = page.read_text(encoding="utf-8")
            assert "eu-emblem" not in text and "Medfinansieret" not in text
    national = [
        p
        for p in (site / "da/indsatser").glob("*/index.html")
        if "Decentrale erhvervsfremmemidler" in p.read_text(encoding="utf-8")
        and "eu-emblem" not in p.read_text(encoding="utf-8")
    ]
    assert national, "the decentral initiative must carry no EU block"


def test_search_finds_an_initiative_summary_on_the_initiative_page_only(site):
    # Listings repeat every summary in a card; the index keeps it where the record is.
    record = yaml.safe_load((ROOT / "content/initiatives/sund-vaegt.yaml").read_text("utf-8"))
    for lang, path in (("da", "indsatser/sund-vaegt/"), ("en", "initiatives/healthy-weight/")):
        words = " ".join(record[lang]["summary"].split()[:8])
        index = json.loads((site / lang / "search/search_index.json").read_text(encoding="utf-8"))
        found = sorted(
            {
                doc["location"].split("#")[0]
                for doc in index["docs"]
                if words in " ".join(re.sub(r"<[^>]+>", "", doc["text"]).split())
            }
        )
        assert found == [path], f"{lang}: {words!r} indexed on {found}"
        overview = site / lang / path.split("/")[0] / "index.html"
        assert words in text_of(overview), f"{lang}: no card on the overview"


def test_every_page_footer_leads_to_privacy_accessibility_the_press_room_and_the_feed(site):
    wanted = {
        "da": {
            "privatliv/": "Privatlivspolitik",
            "tilgaengelighed/": "Tilgængelighedserklæring",
            "presse/": "Presserum",
            "feed.xml": "Pressemeddelelser (Atom-feed)",
        },
        "en": {
            "privacy/": "Privacy policy",
            "accessibility/": "Accessibility statement",
            "press/": "Press room",
            "feed.xml": "Press releases (Atom feed)",
        },
    }
    for lang, links in wanted.items():
        for page in sorted((site / lang).rglob("*.html")):
            footer = page.read_text(encoding="utf-8").split('<footer class="md-footer">', 1)[1]
            found = {}
            for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer):
                # The 404 page is served at any address, so its links start at the root.
                target = (
                    site / href.lstrip("/") if href.startswith("/") else page.parent / href
                ).resolve()
                found[
                    target.relative_to((site / lang).resolve()).as_posix()
                    + ("/" if target.is_dir() else "")
                ] = label
            for path, label in links.items():
                assert found.get(path) == label, f"{page}: footer has {found}"


def test_every_page_has_a_title_and_a_description_for_search_engines(site):
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]+)</title>", html)
        description = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert title and title.group(1).strip(), f"{page}: no <title>"
        assert description and description.group(1).strip(), f"{page}: no meta description"


def test_text_fields_are_escaped_not_run(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    person = content / "people" / "mette-thiel.yaml"
    text = person.read_text(encoding="utf-8")
    text = re.sub(
        r"(\n  role: ).*", r"\1'<script>alert(1)</script> & <b onerror=x>'", text, count=1
    )
    person.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(content, site)
    assert result.returncode == 0, result.stderr
    html = (site / "da/kontakt/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<b onerror" not in html
    assert "alert(1)" in text_of(site / "da/kontakt/index.html")


def test_a_failed_build_leaves_the_site_untouched(tmp_path, site):
    existing = tmp_path / "site"
    shutil.copytree(site, existing)
    before = tree_digest(existing)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    broken = content / "initiatives" / "sund-vaegt.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("start: 2021-11-23", "start: 23.11.2021"),
        encoding="utf-8",
    )
    result = run_build(content, existing)
    assert result.returncode == 1
    assert "content/initiatives/sund-vaegt.yaml:" in result.stderr
    assert "start: '23.11.2021' is not a date; write 2021-11-23" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(existing) == before


def test_two_builds_are_byte_identical(tmp_path, site):
    # Another checkout in another folder, with an empty PDF cache: every PDF is rendered anew.
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "content", checkout / "content")
    again = tmp_path / "again"
    result = run_build(checkout / "content", again, cache=tmp_path / "fresh-cache")
    assert result.returncode == 0, result.stderr
    assert tree_digest(again) == tree_digest(site)


MARKER = "Zyxwortembargo"


def all_text(site: Path) -> str:
    """Every output file as text, with ZIP members and PDF text expanded."""
    chunks = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        chunks.append(data.decode("utf-8", "ignore"))
        if path.suffix == ".zip":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    member = archive.read(name)
                    chunks.append(name + member.decode("utf-8", "ignore"))
                    if name.endswith(".pdf"):
                        chunks.append(pdf_text(member))
        if path.suffix == ".pdf":
            chunks.append(pdf_text(data))
    return "\n".join(chunks)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def embargo_content(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("embargo") / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "press" / "2026-12-01-embargoed.yaml").write_text(
        f"""\
date: 2026-12-01
embargo: 2026-12-01 08:00  # Danish time: 07:00 UTC
contacts: [mette-thiel]
initiatives: [sund-vaegt]
da:
  title: Nyhed {MARKER}
  slug: nyhed-{MARKER.lower()}
  lead: Hemmelig indtil embargoen udløber {MARKER}.
  body: Teksten nævner {MARKER}.
en:
  title: News {MARKER}
  slug: news-{MARKER.lower()}
  lead: Secret until the embargo lifts {MARKER}.
  body: The text mentions {MARKER}.
""",
        encoding="utf-8",
    )
    (content / "press" / "2026-11-01-draft.yaml").write_text(
        f"""\
date: 2026-11-01
draft: true
da: {{title: Kladde {MARKER}, slug: kladde, lead: Kladde {MARKER}., body: Kladde.}}
en: {{title: Draft {MARKER}, slug: draft, lead: Draft {MARKER}., body: Draft.}}
""",
        encoding="utf-8",
    )
    return content


def test_embargoed_and_draft_releases_leak_nowhere(tmp_path, embargo_content):
    site = tmp_path / "site"
    result = run_build(embargo_content, site, now="2026-12-01T06:59:59+00:00")
    assert result.returncode == 0, result.stderr
    assert MARKER.lower() not in all_text(site).lower()


def test_embargoed_release_appears_everywhere_after_the_embargo(tmp_path, embargo_content):
    site = tmp_path / "site"
    result = run_build(embargo_content, site, now="2026-12-01T07:00:00+00:00")
    assert result.returncode == 0, result.stderr
    page = site / f"en/press/news-{MARKER.lower()}/index.html"
    # It is about an EU-funded initiative, so it carries the emblem and the statement.
    assert 'class="eu-emblem"' in page.read_text(encoding="utf-8")
    assert "Co-funded by the European Union" in page.read_text(encoding="utf-8")
    assert (site / f"da/presse/nyhed-{MARKER.lower()}/index.html").is_file()
    assert MARKER in (site / "en/feed.xml").read_text(encoding="utf-8")
    assert MARKER in (site / "en/search/search_index.json").read_text(encoding="utf-8")
    assert f"news-{MARKER.lower()}" in (site / "en/sitemap.xml").read_text(encoding="utf-8")
    assert MARKER in (site / "da/index.html").read_text(encoding="utf-8")
    # The draft stays out even after the embargo of the other release has lifted.
    assert "Kladde" not in all_text(site)


def test_a_broken_link_in_a_page_fails_the_build_naming_the_content_file(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page = content / "pages" / "about.en.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nSee [this page](missing.md).\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "marker.txt").write_text("previous build")
    result = run_build(content, site)
    assert result.returncode == 1
    assert (
        "Doc file 'about/index.md' (from content/pages/about.en.md) contains a link 'missing.md'"
    ) in result.stderr
    assert "The build failed; site/ was left as it was." in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["marker.txt"]
