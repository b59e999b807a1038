"""Charts: funding figures drawn as static, accessible inline SVG, each with a data table.

Every chart is a <figure> holding an SVG with <title> and <desc> (in the page's language), the
figures as a real <table> in a <details> behind it, and the notes a reader needs (what is left
out and why). Amounts and shares are formatted by the functions the fact tables use, passed in
as `Formats`, so a chart never says a number differently from the page around it. Nothing runs
in the browser; colours come from the theme's custom properties (the "charts" block of
klynge.css).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from generator.content.model import Initiative, Term

# Width of every chart's drawing in SVG units; the CSS scales it to the column (width: 100%).
WIDTH = 360
# Nationwide: an initiative whose regions cover all five Danish regions (NUTS 2).
DANISH_REGIONS = ("DK01", "DK02", "DK03", "DK04", "DK05")


@dataclass(frozen=True)
class Formats:
    """The page's formatting and translation functions (those of the fact tables)."""

    lang: str
    money: Callable[[int], str]
    rate: Callable[[float], str]
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]


@dataclass(frozen=True)
class Segment:
    """One part of an initiative's total eligible cost."""

    label: str
    amount: int
    kind: str  # eu, national, proposed or rest (the CSS class of its bar)


@dataclass(frozen=True)
class Group:
    """One row of an overview chart: initiatives counted and their funding summed."""

    label: str
    count: int
    granted: int
    proposed: int
    href: str | None = None


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _initiatives_text(count: int, f: Formats) -> str:
    return f.ngettext("%(num)d initiative", "%(num)d initiatives", count) % {"num": count}


def _amount_text(granted: int, proposed: int, f: Formats) -> str:
    """Granted and proposed amounts in words; proposed money is never added to granted."""
    parts = []
    if granted or not proposed:
        parts.append(f.money(granted))
    if proposed:
        parts.append(f.gettext("proposed: %(amount)s") % {"amount": f.money(proposed)})
    return ", ".join(parts)


# --- the initiative page: shares of the total eligible cost ----------------------------------


def resolve_segments(initiative: Initiative, f: Formats) -> list[Segment]:
    """The funding lines in the fact table's order, then what the lines leave of the total.

    Empty when the total eligible cost is not known or the lines exceed it: a share of an
    unknown total is never drawn."""
    total = initiative.total_eligible_cost
    if not total or not initiative.funding:
        return []
    segments = []
    for line in initiative.funding:
        label = line.fund.label(f.lang)
        if line.proposed:
            kind, label = "proposed", label + " (" + f.gettext("proposed") + ")"
        elif line.eu:
            kind, label = "eu", label + " (" + f.gettext("EU support") + ")"
        else:
            kind = "national"
        segments.append(Segment(label, line.amount, kind))
    rest = total - sum(s.amount for s in segments)
    if rest < 0:
        return []
    if rest:
        segments.append(
            Segment(f.gettext("Rest of the eligible cost, source not stated"), rest, "rest")
        )
    return segments


def share_bar(initiative: Initiative, f: Formats) -> Markup:
    """The initiative page's bar: each funding line's share of the total eligible cost."""
    title_text = initiative.text(f.lang).title
    segments = resolve_segments(initiative, f)
    if not segments:
        if initiative.funding and not initiative.total_eligible_cost:
            note = f.gettext(
                "The total eligible cost is not known, so the funding is not shown as shares."
            )
            return Markup(f'<p class="chart-note">{_e(note)}</p>')
        return Markup("")
    total = initiative.total_eligible_cost
    cid = "chart-shares"
    title = f.gettext("Funding as shares of the total eligible cost")
    desc = f.gettext("%(title)s: total eligible cost %(total)s. %(parts)s.") % {
        "title": title_text,
        "total": f.money(total),
        "parts": "; ".join(
            f"{s.label}: {f.money(s.amount)} ({f.rate(s.amount / total)})" for s in segments
        ),
    }
    bar_h, legend_top, row_h = 28, 44, 38
    height = legend_top + row_h * len(segments)
    parts = [_svg_open(cid, height, title, desc)]
    x = 0.0
    for s in segments:
        w = WIDTH * s.amount / total
        parts.append(
            f'<rect class="chart__{s.kind}" x="{x:.1f}" y="4" width="{w:.1f}" height="{bar_h}"/>'
        )
        x += w
    for n, s in enumerate(segments):
        y = legend_top + n * row_h
        parts.append(f'<rect class="chart__{s.kind}" x="1" y="{y + 2}" width="12" height="12"/>')
        parts.append(f'<text x="20" y="{y + 12}">{_e(s.label)}</text>')
        parts.append(
            f'<text x="20" y="{y + 28}">{_e(f.money(s.amount))} '
            f"({_e(f.rate(s.amount / total))})</text>"
        )
    parts.append("</svg>")
    rows = [
        f'<tr><th scope="row">{_e(s.label)}</th><td>{_e(f.money(s.amount))}</td>'
        f"<td>{_e(f.rate(s.amount / total))}</td></tr>"
        for s in segments
    ]
    total_label = f.gettext("Total eligible cost")
    rows.append(
        f'<tr><th scope="row">{_e(total_label)}</th>'
        f"<td>{_e(f.money(total))}</td><td>{_e(f.rate(1))}</td></tr>"
    )
    table = _table(
        title,
        (f.gettext("Source"), f.gettext("Amount"), f.gettext("Share")),
        rows,
        f,
    )
    return _figure(cid, title, "".join(parts), table, [])


# --- the overview: funding by fund, by start year and by region -----------------------------


def _funding(initiative: Initiative, fund: str | None = None) -> tuple[int, int]:
    """Granted and proposed amounts of an initiative's funding lines (of one fund, if given)."""
    lines = [x for x in initiative.funding if fund is None or x.fund.code == fund]
    return (
        sum(x.amount for x in lines if not x.proposed),
        sum(x.amount for x in lines if x.proposed),
    )


def _group(label: str, items: list[Initiative], href: str | None = None, fund=None) -> Group:
    amounts = [_funding(i, fund) for i in items]
    return Group(label, len(items), sum(a for a, _ in amounts), sum(p for _, p in amounts), href)


def resolve_by_fund(
    initiatives: list[Initiative], funds: dict[str, Term], lang: str, href
) -> list[Group]:
    """One group per fund that funds an initiative, in the taxonomy's order."""
    groups = []
    for code, term in funds.items():
        items = [i for i in initiatives if any(x.fund.code == code for x in i.funding)]
        if items:
            groups.append(_group(term.label(lang), items, href(("facet", "funds", code)), code))
    return groups


def resolve_by_year(initiatives: list[Initiative], href) -> tuple[list[Group], int]:
    """One group per start year, oldest first, and how many initiatives have no known start."""
    years = sorted({i.start.year for i in initiatives if i.start})
    groups = [
        _group(
            str(y),
            [i for i in initiatives if i.start and i.start.year == y],
            href(("start_year", y)),
        )
        for y in years
    ]
    return groups, sum(1 for i in initiatives if not i.start)


def region_of(term: Term) -> str | None:
    """The NUTS 2 region a region term lies in (Fyn, DK031, lies in Syddanmark, DK03)."""
    if not term.nuts or not term.nuts.startswith("DK") or len(term.nuts) < 4:
        return None
    return term.nuts[:4]


def resolve_by_region(
    initiatives: list[Initiative], regions: dict[str, Term], lang: str, href
) -> tuple[dict[str, Group], Group | None, bool]:
    """Per NUTS 2 region (those the taxonomy names) the initiatives in it, and the nationwide
    ones apart: an initiative in all five regions is not counted five times on the map.

    An initiative in some regions counts in each of them, with its whole funding; the note
    under the map says so, as the funding is not split between regions."""
    terms = {t.nuts: (code, t) for code, t in regions.items() if t.nuts in DANISH_REGIONS}
    nationwide, local = [], []
    for i in initiatives:
        places = {region_of(t) for t in i.regions} - {None}
        (nationwide if places >= set(DANISH_REGIONS) else local).append((i, places))
    groups = {}
    for nuts, (code, term) in sorted(terms.items()):
        items = [i for i, places in local if nuts in places]
        groups[nuts] = _group(term.label(lang), items, href(("facet", "regions", code)))
    whole = _group("", [i for i, _ in nationwide]) if nationwide else None
    shared = any(len(places & terms.keys()) > 1 for _, places in local)
    return groups, whole, shared


def bar_chart(
    cid: str, title: str, desc: str, groups: list[Group], head: str, f: Formats, notes=()
) -> Markup:
    """Horizontal bars of funding per group (granted solid, proposed outlined), with the
    number of initiatives beside each label."""
    most = max((g.granted + g.proposed for g in groups), default=0) or 1
    row_h = 60
    parts = [_svg_open(cid, row_h * len(groups), title, desc)]
    for n, g in enumerate(groups):
        y = n * row_h
        parts.append(
            f'<text x="0" y="{y + 13}"><tspan class="chart__strong">{_e(g.label)}</tspan>'
            f" · {_e(_initiatives_text(g.count, f))}</text>"
        )
        granted_w = (WIDTH - 2) * g.granted / most
        proposed_w = (WIDTH - 2) * g.proposed / most
        if g.granted:
            parts.append(
                f'<rect class="chart__bar" x="1" y="{y + 20}" width="{granted_w:.1f}" height="18"/>'
            )
        if g.proposed:
            parts.append(
                f'<rect class="chart__proposed" x="{1 + granted_w:.1f}" y="{y + 21}" '
                f'width="{max(proposed_w - 1, 1):.1f}" height="16"/>'
            )
        parts.append(
            f'<text x="0" y="{y + 52}">{_e(_amount_text(g.granted, g.proposed, f))}</text>'
        )
    parts.append("</svg>")
    rows = [
        f'<tr><th scope="row">{_link(g.label, g.href)}</th><td>{g.count}</td>'
        f"<td>{_e(_amount_text(g.granted, g.proposed, f))}</td></tr>"
        for g in groups
    ]
    table = _table(title, (head, f.gettext("Initiatives"), f.gettext("Funding")), rows, f)
    return _figure(cid, title, "".join(parts), table, notes)


def overview_charts(
    initiatives: list[Initiative], taxonomies: dict, f: Formats, href
) -> list[Markup]:
    """The initiatives overview's charts: by fund, by region (the map) and by start year.

    `href(page key)` is the page's link to a listing, or None where there is no such page."""
    _, lang = f.gettext, f.lang
    if not initiatives:
        return []
    note_proposed = _("Proposed amounts are not yet granted; they are shown apart, outlined.")
    charts = []
    by_fund = resolve_by_fund(initiatives, taxonomies["funds"], lang, href)
    if by_fund:
        title = _("Funding by fund")
        charts.append(
            bar_chart(
                "chart-funds",
                title,
                _("Funding of the initiatives summed per fund: %(parts)s.")
                % {"parts": _describe(by_fund, f)},
                by_fund,
                _("Fund"),
                f,
                [note_proposed] if any(g.proposed for g in by_fund) else [],
            )
        )
    groups, whole, shared = resolve_by_region(initiatives, taxonomies["regions"], lang, href)
    if groups:
        charts.append(region_map(groups, whole, shared, f))
    by_year, unknown = resolve_by_year(initiatives, href)
    if by_year:
        notes = []
        if unknown:
            notes.append(
                f.ngettext(
                    "%(num)d initiative has no known start date and is not shown.",
                    "%(num)d initiatives have no known start date and are not shown.",
                    unknown,
                )
                % {"num": unknown}
            )
        if any(g.proposed for g in by_year):
            notes.append(note_proposed)
        charts.append(
            bar_chart(
                "chart-years",
                _("Initiatives and funding by start year"),
                _("Number of initiatives and their funding per start year: %(parts)s.")
                % {"parts": _describe(by_year, f)},
                by_year,
                _("Start year"),
                f,
                notes,
            )
        )
    return charts


def _describe(groups: Iterable[Group], f: Formats) -> str:
    return "; ".join(
        f"{g.label}: {_initiatives_text(g.count, f)}, {_amount_text(g.granted, g.proposed, f)}"
        for g in groups
    )


# --- markup shared by every chart ------------------------------------------------------------


def _one_stop(text: str) -> str:
    """One full stop where an amount ending in one ("13.000.000 kr.") ends a sentence."""
    return re.sub(r"\.\.(?=\s|$)", ".", text)


def _svg_open(cid: str, height: float, title: str, desc: str, role: str = "img") -> str:
    desc = _one_stop(desc)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="{role}" aria-labelledby="{cid}-title" aria-describedby="{cid}-desc">'
        f'<title id="{cid}-title">{_e(title)}</title><desc id="{cid}-desc">{_e(desc)}</desc>'
    )


def _link(label: str, href: str | None) -> str:
    return f'<a href="{_e(href)}">{_e(label)}</a>' if href else _e(label)


def _table(caption: str, heads: tuple[str, ...], rows: list[str], f: Formats) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
    summary = f.gettext("The figures as a table")
    return (
        f'<details class="chart__data"><summary>{_e(summary)}'
        f"</summary><table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def _figure(cid: str, title: str, svg: str, table: str, notes: Iterable[str]) -> Markup:
    """The figure, its title shown above it, as one raw HTML block: no blank line or indent,
    which Markdown would read."""
    text = "".join(f'<p class="chart-note">{_e(n)}</p>' for n in notes)
    return Markup(
        f'<figure class="chart" id="{cid}"><figcaption>{_e(title)}</figcaption>'
        f"{svg}{table}{text}</figure>"
    )


# --- the map of the five regions ------------------------------------------------------------

# Simplified outlines drawn for this site (longitude, latitude), one list per land mass; coarse
# on purpose: the map says where a region is, not where its border runs.
OUTLINES: dict[str, tuple[tuple[tuple[float, float], ...], ...]] = {
    "DK05": (  # Nordjylland: Vendsyssel, Thy and Himmerland
        (
            (8.2, 56.7),
            (8.6, 57.12),
            (9.5, 57.15),
            (9.95, 57.58),
            (10.6, 57.74),
            (10.52, 57.3),
            (10.3, 56.98),
            (10.3, 56.65),
            (9.2, 56.62),
            (8.2, 56.65),
        ),
    ),
    "DK04": (  # Midtjylland, with Djursland
        (
            (8.2, 56.65),
            (9.2, 56.62),
            (10.3, 56.65),
            (10.35, 56.6),
            (10.95, 56.45),
            (10.65, 56.2),
            (10.25, 56.15),
            (10.2, 55.95),
            (9.95, 55.85),
            (9.4, 55.85),
            (8.15, 55.8),
            (8.1, 56.1),
            (8.15, 56.5),
        ),
    ),
    "DK03": (  # Syddanmark: South Jutland, then Funen and Langeland
        (
            (8.15, 55.8),
            (9.4, 55.85),
            (9.95, 55.85),
            (9.7, 55.5),
            (9.6, 55.2),
            (9.7, 54.9),
            (9.4, 54.82),
            (8.65, 54.91),
            (8.6, 55.1),
            (8.1, 55.55),
        ),
        (
            (9.75, 55.5),
            (10.2, 55.6),
            (10.6, 55.5),
            (10.85, 55.3),
            (10.7, 55.05),
            (10.5, 55.03),
            (10.2, 55.05),
            (9.75, 55.25),
        ),
        ((10.8, 55.1), (10.95, 55.05), (10.85, 54.75), (10.72, 54.85)),
    ),
    "DK02": (  # Sjælland: Zealand but its north-east, then Lolland-Falster and Møn
        (
            (11.08, 55.68),
            (11.3, 55.97),
            (11.9, 55.97),
            (12.05, 55.85),
            (12.2, 55.7),
            (12.32, 55.58),
            (12.2, 55.45),
            (12.45, 55.3),
            (12.1, 55.15),
            (11.9, 55.0),
            (11.7, 55.17),
            (11.25, 55.2),
            (11.13, 55.33),
            (11.2, 55.5),
        ),
        (
            (11.0, 54.78),
            (11.3, 54.88),
            (11.6, 54.85),
            (11.85, 54.97),
            (12.1, 54.9),
            (11.95, 54.57),
            (11.65, 54.65),
            (11.2, 54.65),
        ),
        ((12.2, 55.0), (12.55, 55.0), (12.4, 54.93)),
    ),
    "DK01": (  # Hovedstaden: north-east Zealand (Bornholm is drawn in the inset)
        (
            (11.9, 55.97),
            (12.3, 56.12),
            (12.62, 56.04),
            (12.58, 55.8),
            (12.68, 55.6),
            (12.55, 55.55),
            (12.32, 55.58),
            (12.2, 55.7),
            (12.05, 55.85),
        ),
    ),
}
BORNHOLM = ((14.7, 55.18), (14.9, 55.3), (15.15, 55.13), (15.07, 55.0), (14.75, 55.05))
# Where each region's label stands (longitude, latitude, text-anchor).
LABELS = {
    "DK05": (9.55, 57.08, "middle"),
    "DK04": (9.2, 56.28, "middle"),
    "DK03": (9.0, 55.42, "middle"),
    "DK02": (11.55, 55.45, "middle"),
    "DK01": (12.72, 55.92, "start"),
}
MAP_WIDTH, MAP_HEIGHT = 410, 380
INSET = (310, 8, 96, 100)  # x, y, width, height of Bornholm's box


def _xy(lon: float, lat: float) -> tuple[float, float]:
    # An equirectangular projection with longitude shortened by cos(56°), Denmark's middle.
    return (lon - 7.9) * 61.5 + 4, (57.85 - lat) * 110 + 4


def _inset_xy(lon: float, lat: float) -> tuple[float, float]:
    x, y = INSET[0], INSET[1]
    return x + 20 + (lon - 14.7) * 61.5 * 1.6, y + 12 + (55.3 - lat) * 110 * 1.6


def _points(outline, project=_xy) -> str:
    return " ".join("{:.1f},{:.1f}".format(*project(lon, lat)) for lon, lat in outline)


def _wrap(label: str, width: int = 14) -> list[str]:
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def region_map(groups: dict[str, Group], whole: Group | None, shared: bool, f: Formats) -> Markup:
    """Denmark's five regions, each with its number of initiatives, linking to its listing;
    Bornholm in an inset box, as Danish maps place it."""
    _ = f.gettext
    cid = "chart-regions"
    title = _("Initiatives and funding by region")
    desc = _("Map of Denmark's five regions with the number of initiatives in each: %(parts)s.") % {
        "parts": _describe(groups.values(), f)
    }
    if whole:
        desc += " " + _nationwide_text(whole, f)
    desc = _one_stop(desc)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" '
        f'role="group" aria-labelledby="{cid}-title" aria-describedby="{cid}-desc">'
        f'<title id="{cid}-title">{_e(title)}</title><desc id="{cid}-desc">{_e(desc)}</desc>'
    ]
    x, y, w, h = INSET
    parts.append(f'<rect class="chart__inset" x="{x}" y="{y}" width="{w}" height="{h}"/>')
    for nuts in DANISH_REGIONS:
        group = groups.get(nuts)
        shapes = [
            f'<polygon class="chart__region" points="{_points(outline)}"/>'
            for outline in OUTLINES[nuts]
        ]
        if nuts == "DK01":
            shapes.append(
                f'<polygon class="chart__region" points="{_points(BORNHOLM, _inset_xy)}"/>'
            )
        if group is None:  # a region the site's taxonomy does not name: its shape only
            parts.append(f'<g class="chart__unnamed">{"".join(shapes)}</g>')
            continue
        lon, lat, anchor = LABELS[nuts]
        lx, ly = _xy(lon, lat)
        lines = [*_wrap(group.label), _initiatives_text(group.count, f)]
        # A space between the lines, so the text reads as words where it is one string
        # (the link's name must begin with the text that is seen: WCAG 2.5.3).
        text = " ".join(
            f'<tspan x="{lx:.1f}" dy="{0 if n == 0 else 15}"'
            f"{' class=' + chr(34) + 'chart__strong' + chr(34) if n < len(lines) - 1 else ''}>"
            f"{_e(line)}</tspan>"
            for n, line in enumerate(lines)
        )
        label = (
            f'<text class="chart__label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">'
            f"{text}</text>"
        )
        name = " ".join(lines) + ", " + _amount_text(group.granted, group.proposed, f)
        if group.href:
            parts.append(
                f'<a href="{_e(group.href)}" aria-label="{_e(name)}">{"".join(shapes)}{label}</a>'
            )
        else:
            parts.append(f"<g>{''.join(shapes)}{label}</g>")
    parts.append(
        f'<text class="chart__label" x="{x + w / 2:.0f}" y="{y + h - 6}" '
        f'text-anchor="middle">Bornholm</text>'
    )
    parts.append("</svg>")
    rows = [
        f'<tr><th scope="row">{_link(g.label, g.href)}</th><td>{g.count}</td>'
        f"<td>{_e(_amount_text(g.granted, g.proposed, f))}</td></tr>"
        for g in groups.values()
    ]
    if whole:
        nationwide = _("Nationwide")
        rows.append(
            f'<tr><th scope="row">{_e(nationwide)}</th><td>{whole.count}</td>'
            f"<td>{_e(_amount_text(whole.granted, whole.proposed, f))}</td></tr>"
        )
    table = _table(
        title, (f.ngettext("Region", "Regions", 1), _("Initiatives"), _("Funding")), rows, f
    )
    notes = []
    if whole:
        notes.append(_nationwide_text(whole, f))
    if shared:
        notes.append(
            _(
                "An initiative in several regions counts in each of them with its whole "
                "funding; the funding is not split between regions."
            )
        )
    return _figure(cid, title, "".join(parts), table, notes)


def _nationwide_text(whole: Group, f: Formats) -> str:
    return f.ngettext(
        "%(num)d initiative covers all five regions (%(amount)s); it is not shown on the map.",
        "%(num)d initiatives cover all five regions (%(amount)s); they are not shown on the map.",
        whole.count,
    ) % {"num": whole.count, "amount": _amount_text(whole.granted, whole.proposed, f)}
