"""Charts: the figures' SVG and tables say what the content says, in each language, and pass
the HTML and accessibility checkers on the pages that show them."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator import i18n, outputs
from generator.clock import build_now
from generator.content.model import FundingLine, Term, load_content
from generator.newsroom import images
from generator.newsroom.downloads import shared_downloads, shared_link
from generator.site import charts
from generator.site.render import render_pages
from generator.site.urls import build_url_map

pytest.register_assert_rewrite("tests.quality_helpers")
from tests.quality_helpers import (  # noqa: E402
    AXE_JS,
    VNU_JAR,
    BuiltSite,
    SiteServer,
    require_executable,
    require_file,
    run_tool,
)
from tests.test_browser import DESKTOP, PHONE, _run_axe, _settle, browser  # noqa: E402, F401

pytest_plugins = ["tests.quality_helpers"]

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "newsroom" / "content"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def pages():
    content = load_content(FIXTURE, build_now("2026-11-25T12:00:00+00:00"))
    urls = build_url_map(content)
    renditions = images.image_renditions(content)
    rendered = {}
    for lang in content.languages:
        sizes = {d.path: 1000 for d in outputs.downloads(content, urls, lang)}
        sizes.update({shared_link(d.path): 1000 for d in shared_downloads(content)})
        found = render_pages(content, urls, lang, sizes, renditions)
        rendered[lang] = {p.path: p.text for p in found}
    return rendered


def _yaml_initiatives(root: Path) -> list[dict]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((root / "initiatives").glob("*.yaml"))
    ]


def _figures(text: str) -> dict[str, ET.Element]:
    """Every chart figure of a page, parsed as XML (which fails on markup that is not)."""
    found = re.findall(r'<figure class="chart" id="[^"]+">.*?</figure>', text, re.S)
    return {(fig := ET.fromstring(x)).get("id"): fig for x in found}


def _table(figure: ET.Element) -> list[list[str]]:
    return [
        ["".join(cell.itertext()) for cell in row]
        for row in figure.iter("tr")
        if row.find("td") is not None
    ]


def _svg_text(figure: ET.Element, tag: str) -> str:
    return figure.find(f"{SVG}svg/{SVG}{tag}").text


# --- the initiative page -----------------------------------------------------------------------


def test_initiative_bar_shows_each_funding_line_and_the_rest_of_the_total(pages):
    page = pages["en"]["initiatives/green-hospitals/index.md"]
    figure = _figures(page)["chart-shares"]
    assert _svg_text(figure, "title") == "Funding as shares of the total eligible cost"
    rows = _table(figure)
    assert [r[0] for r in rows] == [
        "European Regional Development Fund (EU support)",
        "Decentralised business promotion funds",
        "Rest of the eligible cost, source not stated",
        "Total eligible cost",
    ]
    assert [r[2] for r in rows] == ["40.0%", "20.0%", "40.0%", "100.0%"]
    # The amounts are the fact table's, written the same way.
    for name, amount, _ in rows[:2]:
        assert f"| {name} | {amount} (" in page
    assert rows[2][1] == "DKK 4,000,000 (approx. EUR 536,193)"


def test_initiative_bar_amounts_add_up_to_the_total_in_the_content(pages):
    data = next(x for x in _yaml_initiatives(FIXTURE) if x["en"]["slug"] == "green-hospitals")
    figure = _figures(pages["da"]["indsatser/groenne-hospitaler/index.md"])["chart-shares"]
    rows = _table(figure)
    amounts = [int(re.sub(r"\D", "", r[1])) for r in rows]
    assert sum(amounts[:-1]) == amounts[-1] == data["total_eligible_cost"]
    assert amounts[:2] == [line["amount"] for line in data["funding"]]
    assert _svg_text(figure, "title") == (
        "Finansieringen som andele af de samlede støtteberettigede udgifter"
    )
    assert _svg_text(figure, "desc").startswith(
        "Grønne hospitaler: samlede støtteberettigede udgifter 10.000.000 kr. "
        "Regionalfonden (EU-støtte): 4.000.000 kr. (40,0 %)"
    )


def _initiative(total, *lines):
    """A fixture initiative with the given total eligible cost and funding lines."""
    content = load_content(FIXTURE, build_now("2026-11-25T12:00:00+00:00"))
    record = content.initiatives[next(iter(content.initiatives))]
    return dataclasses.replace(record, total_eligible_cost=total, funding=lines)


def _formats(lang="en"):
    gettext = i18n.translations(lang)
    return charts.Formats(
        lang,
        lambda n: i18n.format_dkk(n, lang),
        lambda x: i18n.format_rate(x, lang),
        gettext.gettext,
        gettext.ngettext,
    )


ERDF = Term("erdf", {"da": "Regionalfonden", "en": "ERDF"}, eu=True)
REGION = Term("region", {"da": "Regionen", "en": "The region"})


def test_without_a_total_the_funding_is_not_drawn_as_shares_and_the_page_says_so():
    initiative = _initiative(None, FundingLine(ERDF, 1000))
    assert charts.share_bar(initiative, _formats()) == (
        '<p class="chart-note">The total eligible cost is not known, so the funding is not '
        "shown as shares.</p>"
    )
    assert charts.share_bar(_initiative(None), _formats()) == ""


def test_lines_above_the_total_are_not_drawn_and_proposed_money_is_marked():
    assert charts.share_bar(_initiative(1000, FundingLine(ERDF, 2000)), _formats()) == ""
    segments = charts.resolve_segments(
        _initiative(4000, FundingLine(ERDF, 1000), FundingLine(REGION, 3000, "proposed")),
        _formats("da"),
    )
    assert [(s.label, s.amount, s.kind) for s in segments] == [
        ("Regionalfonden (EU-støtte)", 1000, "eu"),
        ("Regionen (foreslået)", 3000, "proposed"),
    ]


# --- the overview ------------------------------------------------------------------------------


def test_overview_chart_sums_per_fund_and_year_match_the_content(pages):
    page = pages["en"]["initiatives/index.md"]
    figures = _figures(page)
    data = _yaml_initiatives(FIXTURE)
    per_fund: dict[str, int] = {}
    for x in data:
        for line in x["funding"]:
            per_fund[line["fund"]] = per_fund.get(line["fund"], 0) + line["amount"]
    fund_rows = _table(figures["chart-funds"])
    assert [(r[0], r[1]) for r in fund_rows] == [
        ("Decentralised business promotion funds", "2"),
        ("European Regional Development Fund", "1"),
    ]
    assert [r[2].split(" (")[0] for r in fund_rows] == [
        i18n.format_dkk(per_fund["decentral"], "en"),
        i18n.format_dkk(per_fund["erdf"], "en"),
    ]
    year_rows = _table(figures["chart-years"])
    assert [(r[0], r[1]) for r in year_rows] == [("2024", "1"), ("2025", "1")]
    total = sum(int(re.sub(r"\D", "", r[2].split(" (")[0])) for r in year_rows)
    assert total == sum(per_fund.values())
    assert _svg_text(figures["chart-years"], "title") == "Initiatives and funding by start year"


def test_map_links_each_region_to_its_listing(pages):
    figure = _figures(pages["da"]["indsatser/index.md"])["chart-regions"]
    assert _svg_text(figure, "title") == "Indsatser og finansiering efter region"
    links = [a for a in figure.iter(f"{SVG}a")]
    # The fixture's taxonomy names one region; the other four are drawn without a link.
    assert [a.get("aria-label") for a in links] == ["Syddanmark 2 indsatser, 6.500.000 kr."]
    for a in links:
        target = posixpath.normpath(posixpath.join("indsatser/", a.get("href")))
        assert f"{target}/index.md" in pages["da"], target
    assert len(figure.findall(f"{SVG}svg/{SVG}g")) == 4


def test_regions_in_a_larger_region_count_there_and_nationwide_ones_apart():
    terms = {
        "hovedstaden": Term("hovedstaden", {"en": "Capital"}, nuts="DK01"),
        "syddanmark": Term("syddanmark", {"en": "South"}, nuts="DK03"),
    }
    fyn = Term("fyn", {"en": "Funen"}, nuts="DK031")
    bornholm = Term("bornholm", {"en": "Bornholm"}, nuts="DK014")
    every = tuple(Term(c, {"en": c}, nuts=c) for c in charts.DANISH_REGIONS)
    base = _initiative(None, FundingLine(REGION, 100))
    on_funen = dataclasses.replace(base, regions=(fyn,))
    both = dataclasses.replace(base, regions=(fyn, bornholm))
    national = dataclasses.replace(base, regions=every)
    groups, whole, shared = charts.resolve_by_region(
        [on_funen, both, national], terms, "en", lambda key: None
    )
    assert {k: (g.count, g.granted) for k, g in groups.items()} == {
        "DK01": (1, 100),
        "DK03": (2, 200),
    }
    assert (whole.count, whole.granted, shared) == (1, 100, True)


# --- the built site: well-formed SVG, both languages, links, checkers ------------------------

OVERVIEW = {"da": "da/indsatser/index.html", "en": "en/initiatives/index.html"}
INITIATIVE = {
    "da": "da/indsatser/sund-vaegt/index.html",
    "en": "en/initiatives/healthy-weight/index.html",
}
TITLES = {
    "da": ["Finansiering efter fond", "Indsatser og finansiering efter region"],
    "en": ["Funding by fund", "Initiatives and funding by region"],
}


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(x) for x in re.findall(r"<svg\b.*?</svg>", html, re.S)]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_built_charts_are_well_formed_titled_in_the_language_and_link_to_pages(
    built_site: BuiltSite, lang: str
) -> None:
    page = built_site.root / OVERVIEW[lang]
    html = page.read_text(encoding="utf-8")
    svgs = [s for s in _svgs(html) if s.get("aria-labelledby", "").startswith("chart-")]
    titles = [s.find(f"{SVG}title").text for s in svgs]
    assert titles[:2] == TITLES[lang]
    for svg in svgs:
        assert svg.find(f"{SVG}desc").text, svg.get("aria-labelledby")
        assert svg.get("aria-describedby") == svg.find(f"{SVG}desc").get("id")
    hrefs = [a.get("href") for s in svgs for a in s.iter(f"{SVG}a")]
    assert hrefs, "the map links no region"
    for href in hrefs:
        target = (page.parent / href / "index.html").resolve()
        assert target.is_file(), href
    share = _svgs((built_site.root / INITIATIVE[lang]).read_text(encoding="utf-8"))
    assert any(s.get("aria-labelledby") == "chart-shares-title" for s in share)


def test_built_year_chart_sums_match_the_bundled_content(built_site: BuiltSite) -> None:
    html = (built_site.root / OVERVIEW["en"]).read_text(encoding="utf-8")
    figure = re.search(r'<figure class="chart" id="chart-years">.*?</figure>', html, re.S)
    rows = re.findall(
        r'<th scope="row"><a href="[^"]+">(\d{4})</a></th><td>(\d+)</td><td>([^<]+)', figure.group()
    )
    data = _yaml_initiatives(REPO / "content")
    expected = {}
    for x in data:
        if x.get("start"):
            year = str(x["start"])[:4]
            count, amount = expected.get(year, (0, 0))
            granted = sum(f["amount"] for f in x["funding"] if f.get("status") != "proposed")
            expected[year] = (count + 1, amount + granted)
    assert {y: (int(c), int(re.sub(r"\D", "", a.split(" (")[0]))) for y, c, a in rows} == expected


def test_charted_pages_are_valid_html_nu_checker(built_site: BuiltSite) -> None:
    java = require_executable("java", "apt-get install default-jre-headless (Java 17+)")
    jar = require_file(VNU_JAR, "run `npm ci` (devDependency vnu-jar@26.9.27)")
    files = [str(built_site.root / p) for p in (*OVERVIEW.values(), *INITIATIVE.values())]
    result = run_tool([java, "-jar", str(jar), "--format", "json", "--stdout", *files])
    errors = [
        (m.get("url", "").rsplit("/site/", 1)[-1], m.get("message"))
        for m in json.loads(result.stdout)["messages"]
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_charted_pages_pass_axe_and_fit_375_px(browser, built_site: BuiltSite, lang: str) -> None:  # noqa: F811
    require_file(AXE_JS, "run `npm ci` (devDependency axe-core@4.14.1)")
    with SiteServer(built_site) as server:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        found = {}
        for path in (OVERVIEW[lang], INITIATIVE[lang]):
            page.set_viewport_size(DESKTOP)
            page.goto(server.url(path))
            page.add_script_tag(path=str(AXE_JS))
            found[(path, 1280)] = _run_axe(page)
            page.set_viewport_size(PHONE)
            _settle(page)
            found[(path, 375)] = _run_axe(page)
            widths = page.eval_on_selector_all(
                "figure.chart svg", "els => els.map(e => e.getBoundingClientRect().right)"
            )
            assert widths and max(widths) <= PHONE["width"], (path, widths)
            colours = page.evaluate(COLOURS_JS)
            assert len(colours["marks"]) > 5, colours
            for what, colour, least in colours["marks"]:
                ratio = _contrast(colour, colours["background"])
                assert ratio >= least, f"{path}: {what} {colour} has {ratio:.2f}:1"
        context.close()
    assert {k: v for k, v in found.items() if v} == {}


# What the charts draw, with the contrast each needs against the page: text 4.5:1, the bars
# and the outlines that carry meaning 3:1 (WCAG 1.4.3 and 1.4.11).
COLOURS_JS = """() => {
  const marks = [];
  const style = (el, prop) => getComputedStyle(el)[prop];
  for (const el of document.querySelectorAll(
      '.chart .chart__bar, .chart .chart__eu, .chart .chart__national'))
    marks.push([el.getAttribute('class') + ' fill', style(el, 'fill'), 3]);
  for (const el of document.querySelectorAll(
      '.chart .chart__proposed, .chart .chart__rest, .chart .chart__region, .chart .chart__inset'))
    marks.push([el.getAttribute('class') + ' stroke', style(el, 'stroke'), 3]);
  for (const el of document.querySelectorAll('.chart svg text'))
    marks.push(['text ' + el.textContent, style(el, 'fill'), 4.5]);
  return {marks, background: style(document.body, 'backgroundColor')};
}"""


def _rgb(css: str, under=(255, 255, 255)) -> tuple[float, ...]:
    """An rgb()/rgba() colour as sRGB 0..255, a translucent one laid over `under`."""
    values = [float(x) for x in re.findall(r"[\d.]+", css)]
    r, g, b, a = (*values[:3], values[3] if len(values) > 3 else 1.0)
    return tuple(a * c + (1 - a) * u for c, u in zip((r, g, b), under, strict=True))


def _contrast(colour: str, background: str) -> float:
    def luminance(rgb):
        lin = [
            (c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4)
            for c in rgb
        ]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    bg = _rgb(background)
    light, dark = sorted((luminance(_rgb(colour, bg)), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
