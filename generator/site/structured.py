"""Structured data: schema.org JSON-LD for the home page, initiatives, releases and contacts."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from generator.content.model import (
    Certification,
    Content,
    Event,
    Initiative,
    Organisation,
    Person,
    PressRelease,
    Source,
)
from generator.content.validate import PartialDate
from generator.site.urls import UrlMap


def to_script_json(data: dict) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict:
    """A page's visible breadcrumbs, (name, absolute URL) from the home page to the page itself,
    as schema.org BreadcrumbList."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url}
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }


def _asset(urls: UrlMap, lang: str, path: str) -> str:
    return f"{urls.base_url}{lang}/{path}"


def organization(content: Content, urls: UrlMap, lang: str) -> dict:
    site = content.site
    org = content.organisations.get(site.organisation)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": site.text(lang).name,
        "url": urls.url(("home",), lang),
        "logo": _asset(urls, lang, site.logo_png),
        "description": site.text(lang).about,
        "contactPoint": [
            contact_point(p, content, lang) for p in content.people.values() if p.press_contact
        ],
        "award": [
            c.text(lang).name
            for c in content.certifications.values()
            if c.holder == site.organisation
        ],
    }
    same_as = [link.url for link in site.social] + ([org.website] if org and org.website else [])
    if same_as:
        data["sameAs"] = same_as
    if site.phone:
        data["telephone"] = site.phone
    if site.email:
        data["email"] = site.email
    if site.text(lang).address:  # only an address the content states
        data["address"] = site.text(lang).address
    return data


def based_on(sources: tuple[Source, ...]) -> list[dict]:
    """The record's sources as schema.org CreativeWorks, for `isBasedOn`."""
    out = []
    for source in sources:
        work: dict = {"@type": "CreativeWork", "name": source.title}
        if source.publisher:
            work["publisher"] = {"@type": "Organization", "name": source.publisher}
        if source.date:
            work["datePublished"] = schema_date(source.date)
        if source.url:
            work["url"] = source.url
        if source.document:
            work["alternateName"] = source.document
        out.append(work)
    return out


def schema_date(value: PartialDate) -> str:
    """ISO 8601 as precise as the date is known (2020, 2020-07, 2020-07-01); a quarter is given
    as its year, which ISO dates cannot express more precisely."""
    return (
        value.value.isoformat()[:7]
        if value.precision == "month"
        else (value.value.isoformat() if value.has_day else f"{value.year:04d}")
    )


def _with_sources(data: dict, sources: tuple[Source, ...]) -> dict:
    if sources:
        data["isBasedOn"] = based_on(sources)
    return data


def contact_point(person: Person, content: Content, lang: str) -> dict:
    data = {
        "@type": "ContactPoint",
        "contactType": "press" if person.press_contact else "customer support",
        "name": person.name,
        "availableLanguage": list(person.languages or content.languages),
    }
    if person.email:
        data["email"] = person.email
    if person.phone:
        data["telephone"] = person.phone
    return data


def person(person: Person, content: Content, lang: str) -> dict:
    org = content.organisations.get(person.organisation) if person.organisation else None
    data = {
        "@type": "Person",
        "name": person.name,
        "jobTitle": person.text(lang).role,
        "contactPoint": contact_point(person, content, lang),
    }
    if org is not None:
        data["worksFor"] = {"@type": "Organization", "name": org.text(lang).name}
    if person.email:
        data["email"] = person.email
    if person.phone:
        data["telephone"] = person.phone
    return data


def contacts_page(content: Content, lang: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@graph": [person(p, content, lang) for p in content.people.values()],
    }


def project(initiative: Initiative, content: Content, urls: UrlMap, lang: str) -> dict:
    text = initiative.text(lang)
    beneficiary = content.organisations[initiative.beneficiary]
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": text.title,
        "description": text.summary,
        "url": urls.url(("initiative", initiative.id), lang),
        "areaServed": [region.label(lang) for region in initiative.regions],
        "member": {"@type": "Organization", "name": beneficiary.text(lang).name},
        # A proposed amount is no grant; only granted money is given as MonetaryGrant.
        "funding": [
            {
                "@type": "MonetaryGrant",
                "name": line.fund.label(lang),
                "amount": {"@type": "MonetaryAmount", "currency": "DKK", "value": line.amount},
                "funder": {"@type": "Organization", "name": line.fund.label(lang)},
            }
            for line in initiative.funding
            if not line.proposed
        ],
    }
    if initiative.start:
        data["startDate"] = schema_date(initiative.start)
    if initiative.end:
        data["endDate"] = schema_date(initiative.end)
    return _with_sources(data, initiative.sources)


def news_article(
    release: PressRelease, content: Content, urls: UrlMap, lang: str, images: list[dict]
) -> dict:
    text = release.text(lang)
    site = content.site
    stamp = release.published_at.isoformat()
    # A release written in one language is shown on the other language's site too, in its own
    # language; its page there names the original as canonical, and so does the article.
    written_in = release.text_language(lang)
    name, _about = content.boilerplate(release, lang)
    logo = _logo_png(release, content)
    publisher = {"@type": "Organization", "name": name}
    if logo:
        publisher["logo"] = {"@type": "ImageObject", "url": _asset(urls, lang, logo)}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": text.title,
        "description": text.lead,
        "datePublished": stamp,
        "dateModified": stamp,
        "inLanguage": written_in,
        "mainEntityOfPage": urls.url(("press_release", release.id), written_in),
        "author": publisher,
        "publisher": publisher,
        "image": images or [_asset(urls, lang, logo or site.logo_png)],
    }
    return _with_sources(data, release.sources)


def _logo_png(release: PressRelease, content: Content) -> str | None:
    """A PNG logo of the issuing organisation (search engines want a raster logo), if any."""
    if release.issued_by == content.site.organisation:
        return content.site.logo_png
    logo = content.organisations[release.issued_by].logo
    if not logo:
        return None
    png = posixpath.splitext(logo)[0] + ".png"
    return png if (Path(content.root) / png).is_file() else None


def image_object(url: str, caption: str, credit: str, licence: str) -> dict:
    return {
        "@type": "ImageObject",
        "contentUrl": url,
        "url": url,
        "caption": caption,
        "creditText": credit,
        "license": licence,
    }


def certification(cert: Certification, content: Content, urls: UrlMap, lang: str) -> dict:
    """A certification's page: about its holder, based on its sources."""
    holder = content.organisations[cert.holder]
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": cert.text(lang).name,
        "url": urls.url(("certification", cert.id), lang),
        "about": {
            "@type": "Organization",
            "name": holder.text(lang).name,
            "award": cert.text(lang).name,
        },
    }
    return _with_sources(data, cert.sources)


def organisation_page(org: Organisation, content: Content, urls: UrlMap, lang: str) -> dict:
    """An organisation's page in the network: about the organisation, based on its sources."""
    text = org.text(lang)
    about = {"@type": "Organization", "name": text.name, "description": text.description}
    if org.website:
        about["sameAs"] = [org.website]
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": text.name,
        "url": urls.url(("organisation", org.id), lang),
        "about": about,
    }
    return _with_sources(data, org.sources)


def event(item: Event, content: Content, urls: UrlMap, lang: str) -> dict:
    """An event: when, where (a place with its address, or online), what it costs, who holds it."""
    text = item.text(lang)
    url = urls.url(("event", item.id), lang)
    organiser = content.organisations[item.organiser]
    online = item.online
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": text.title,
        "description": text.summary,
        "url": url,
        "startDate": item.start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "inLanguage": list(item.languages),
        "organizer": _organisation_ref(organiser, content, lang),
        "offers": {
            "@type": "Offer",
            "price": 0 if item.free or not item.price else item.price,
            "priceCurrency": "DKK",
            "url": item.registration_url or url,
        },
    }
    if item.end is not None:
        data["endDate"] = item.end.isoformat()
    if online:
        data["location"] = {"@type": "VirtualLocation", "url": item.online_url or url}
    elif item.venue is not None:
        address = {
            "@type": "PostalAddress",
            "addressLocality": item.venue.city,
        }
        if item.venue.address:
            address["streetAddress"] = item.venue.address
        if item.venue.postal_code:
            address["postalCode"] = item.venue.postal_code
        data["location"] = {"@type": "Place", "name": item.venue.name, "address": address}
    if item.registration_deadline is not None:
        data["offers"]["validThrough"] = item.registration_deadline.isoformat()
    if item.partners:
        data["sponsor"] = [
            _organisation_ref(content.organisations[o], content, lang) for o in item.partners
        ]
    if item.image is not None:
        data["image"] = [urls.base_url + item.image.file]
    return _with_sources(data, item.sources)


def _organisation_ref(org: Organisation, content: Content, lang: str) -> dict:
    data = {"@type": "Organization", "name": org.text(lang).name}
    if org.website:
        data["url"] = org.website
    return data
