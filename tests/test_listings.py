"""Listings as visitors see them: numbered pages with localised addresses, certification cards,
the organisations' logo wall, pages without side navigation, breadcrumbs on record pages, and every
record of a large site within three clicks of the home page."""

from __future__ import annotations

import posixpath
import re
import shutil
import sys
from collections import deque
from datetime import datetime
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.quality_helpers")
from tests.quality_helpers import (  # noqa: E402
    BUILD_NOW,
    ROOT,
    BuiltSite,
    parse_html,
    run_tool,
)

pytest_plugins = ["tests.quality_helpers"]


def _html(site: BuiltSite, path: str) -> str:
    return (site.root / path / "index.html").read_text(encoding="utf-8")


def _pager(html: str) -> str:
    found = re.search(r'<nav class="pager".*?</nav>', html, re.S)
    assert found, "no numbered page navigation"
    return found.group()


# --- numbered pages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "label", "title"),
    [
        ("da/indsatser/", "da/indsatser/side/2/", "Sider i denne oversigt", "Indsatser, side 2"),
        (
            "en/initiatives/",
            "en/initiatives/page/2/",
            "Pages of this listing",
            "Initiatives, page 2",
        ),
    ],
)
def test_page_two_of_the_initiatives_has_a_localised_address_and_rel_links(
    paged_site: BuiltSite, first: str, second: str, label: str, title: str
) -> None:
    page_one, page_two = _html(paged_site, first), _html(paged_site, second)
    # Three initiatives, two a page: the second page holds the third.
    assert page_one.count('<h3 class="klynge-card__title">') == 2
    assert page_two.count('<h3 class="klynge-card__title">') == 1
    assert f"<title>{title} –" in page_two
    assert f'<link rel="next" href="{second.removeprefix(first)}">' in page_one
    assert '<link rel="prev"' not in page_one
    assert '<link rel="prev" href="../../">' in page_two
    assert '<link rel="next"' not in page_two
    nav = _pager(page_two)
    assert f'aria-label="{label}"' in nav
    assert '<a href="./" aria-current="page">2</a>' in nav
    assert 'href="../../" rel="prev"' in nav
    assert 'href="../../" aria-current' not in nav


def test_the_language_switcher_and_alternates_map_page_two_to_page_two(
    paged_site: BuiltSite,
) -> None:
    danish = _html(paged_site, "da/indsatser/side/2/")
    assert 'href="../../../../en/initiatives/page/2/" hreflang="en"' in danish
    assert (
        '<link rel=" alternate" hreflang="en" '
        'href="https://www.klynge.example/en/initiatives/page/2/">'
        in danish
        or 'hreflang="en" href="' + paged_site.base_url + 'en/initiatives/page/2/"' in danish
    )


def test_the_sitemaps_list_the_numbered_pages(paged_site: BuiltSite) -> None:
    english = (paged_site.root / "en" / "sitemap.xml").read_text(encoding="utf-8")
    danish = (paged_site.root / "da" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{paged_site.base_url}en/initiatives/page/2/</loc>" in english
    assert f"<loc>{paged_site.base_url}da/indsatser/side/2/</loc>" in danish
    assert f'hreflang="da" href="{paged_site.base_url}da/indsatser/side/2/"' in english


def test_the_network_runs_over_numbered_pages_and_each_has_every_number(
    paged_site: BuiltSite,
) -> None:
    pages = sorted((paged_site.root / "en" / "network" / "page").iterdir())
    count = len(pages) + 1
    assert count == -(-len(list((ROOT / "content" / "organisations").glob("*.yaml"))) // 2)
    nav = _pager(_html(paged_site, "en/network/page/3/"))
    numbers = re.findall(r">(\d+)</a>", nav)
    assert numbers == [str(n) for n in range(1, count + 1)]
    assert '<a href="./" aria-current="page">3</a>' in nav


def test_a_listing_that_fits_one_page_has_no_page_navigation(paged_site: BuiltSite) -> None:
    # The bundled content has one press release: the press room is one page.
    assert 'class="pager"' not in _html(paged_site, "en/press/")
    assert not (paged_site.root / "en" / "press" / "page").exists()


# --- the bundled site: cards, chrome, breadcrumbs -----------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "en/certifications/",
            [
                "<dt>Holder</dt><dd>Welfare Tech</dd>",
                "<dt>Level</dt><dd>Gold</dd>",
                "<dt>Held on</dt><dd>19 June 2019</dd>",
                "<dt>Validity</dt><dd>No end date given</dd>",
                '<span class="status status--valid">Valid</span>',
                "<dt>Awarded</dt><dd>December 2016</dd>",
            ],
        ),
        (
            "da/certificeringer/",
            [
                "<dt>Indehaver</dt><dd>Welfare Tech</dd>",
                "<dt>Niveau</dt><dd>Guld</dd>",
                "<dt>Gyldighed</dt><dd>Ingen slutdato oplyst</dd>",
                '<span class="status status--valid">Gyldig</span>',
            ],
        ),
    ],
)
def test_certifications_are_cards_with_holder_level_validity_and_status(
    built_site: BuiltSite, path: str, expected: list[str]
) -> None:
    page = _html(built_site, path)
    assert page.count('<li class="cert-card">') == 4
    for text in expected:
        assert text in page


def test_organisations_are_a_logo_wall_grouped_by_kind_the_sites_own_first(
    built_site: BuiltSite,
) -> None:
    page = _html(built_site, "en/network/")
    headings = re.findall(r'<h2 id="[^"]*">([^<]+)<', page)
    assert headings[0] == "Cluster organisation"
    assert headings[1:] == sorted(headings[1:], key=str.lower)
    wall = page.split('<h2 id="cluster-organisation">', 1)[1].split("<h2", 1)[0]
    assert (
        '<img src="../media/logos/welfare-tech.svg" width="600" height="160" alt="" loading="lazy">'
    ) in wall
    assert '<span class="logo-wall__name">Welfare Tech</span>' in wall


@pytest.mark.parametrize(
    "path", ["en/initiatives/", "da/netvaerk/", "en/certifications/", "en/press/", "en/about/"]
)
def test_listings_and_short_pages_have_no_side_navigation_or_table_of_contents(
    built_site: BuiltSite, path: str
) -> None:
    page = _html(built_site, path)
    assert 'data-md-type="navigation" hidden>' in page
    assert 'data-md-type="toc" hidden>' in page


def test_a_record_page_keeps_its_table_of_contents(built_site: BuiltSite) -> None:
    assert 'data-md-type="toc" >' in _html(built_site, "en/initiatives/healthy-weight/")


@pytest.mark.parametrize(
    ("path", "label", "trail"),
    [
        (
            "en/initiatives/healthy-weight/",
            "Breadcrumb",
            [("../../", "Danish Life Science Cluster"), ("../", "Initiatives")],
        ),
        (
            "da/indsatser/sund-vaegt/",
            "Brødkrummesti",
            [("../../", "Danish Life Science Cluster"), ("../", "Indsatser")],
        ),
    ],
)
def test_a_record_page_has_breadcrumbs_back_to_its_section_and_home(
    built_site: BuiltSite, path: str, label: str, trail: list
) -> None:
    page = _html(built_site, path)
    found = re.search(r'<nav class="breadcrumbs" aria-label="([^"]+)">(.*?)</nav>', page, re.S)
    assert found, "no breadcrumbs"
    assert found.group(1) == label
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', found.group(2))
    assert links == trail
    assert '<li><span aria-current="page">' in found.group(2)


def test_a_certification_not_yet_awarded_is_upcoming_and_one_past_its_date_expired(
    tmp_path: Path,
) -> None:
    from generator.content.model import load_content

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    reference = content / "certifications" / "region-syddanmark-reference-site.yaml"
    gold = content / "certifications" / "welfare-tech-gold-label.yaml"
    gold.write_text(gold.read_text(encoding="utf-8") + "valid_until: 2021-06\n", encoding="utf-8")
    early = load_content(content, datetime(2016, 1, 4, 12, 0))
    assert early.certifications[reference.stem].status == "upcoming"
    late = load_content(content, datetime(2026, 11, 25, 12, 0))
    assert late.certifications[gold.stem].status == "expired"
    assert late.certifications[reference.stem].status == "valid"


# --- a large site: every record within three clicks of the home page ---------------------------


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 synthetic records (bench/build_speed.py's generator), built once."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import build_speed
    finally:
        sys.path.remove(str(ROOT / "bench"))
    folder = tmp_path_factory.mktemp("large")
    build_speed.make_content(folder / "content", 2000)
    site = folder / "site"
    result = run_tool(
        [sys.executable, "build.py", "--content", str(folder / "content"), "--now", BUILD_NOW]
        + ["--quiet", "build", "--site", str(site)],
        timeout=1500,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def _links(site: Path, url: str) -> list[str]:
    """The pages of the site a page's body links to (its head's links are not clicks)."""
    page = parse_html(site / url.lstrip("/") / "index.html")
    out = []
    for href in (a["href"] for tag, a, _ in page.tags if tag == "a" and "href" in a):
        if not href or href.startswith(("#", "http:", "https:", "mailto:", "tel:", "//")):
            continue
        href = href.split("#", 1)[0]
        target = posixpath.normpath(posixpath.join(url, href))
        if (site / target.lstrip("/") / "index.html").is_file():
            out.append(target.rstrip("/") + "/")
    return out


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_page_of_a_2000_record_site_is_within_three_clicks_of_home(
    large_site: Path, lang: str
) -> None:
    home = f"/{lang}/"
    depth = {home: 0}
    queue = deque([home])
    while queue:
        url = queue.popleft()
        if depth[url] == 3:
            continue
        for target in _links(large_site, url):
            if target not in depth:
                depth[target] = depth[url] + 1
                queue.append(target)
    pages = {
        "/" + path.parent.relative_to(large_site).as_posix() + "/"
        for path in (large_site / lang).rglob("index.html")
    }
    assert len(pages) > 1900
    far = sorted(pages - set(depth))
    assert not far, f"{len(far)} pages more than three clicks from {home}: {far[:10]}"
