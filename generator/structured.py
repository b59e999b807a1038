"""Structured data: schema.org JSON-LD for the home page, initiatives, releases and contacts."""

from __future__ import annotations

import json

from .model import Certification, Content, Initiative, Person, PressRelease
from .urls import UrlMap


def to_script_json(data: dict) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


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
        "email": site.email,
        "address": site.text(lang).address,
        "contactPoint": [contact_point(p, content, lang) for p in content.people.values()
                         if p.press_contact],
        "award": [c.text(lang).name for c in content.certifications.values()
                  if c.holder == site.organisation],
    }
    same_as = [link.url for link in site.social] + ([org.website] if org and org.website else [])
    if same_as:
        data["sameAs"] = same_as
    if site.phone:
        data["telephone"] = site.phone
    return data


def contact_point(person: Person, content: Content, lang: str) -> dict:
    data = {"@type": "ContactPoint", "contactType": "press" if person.press_contact else
            "customer support", "name": person.name,
            "availableLanguage": list(person.languages or content.languages)}
    if person.email:
        data["email"] = person.email
    if person.phone:
        data["telephone"] = person.phone
    return data


def person(person: Person, content: Content, lang: str) -> dict:
    org = content.organisations[person.organisation]
    data = {"@type": "Person", "name": person.name, "jobTitle": person.text(lang).role,
            "worksFor": {"@type": "Organization", "name": org.text(lang).name},
            "contactPoint": contact_point(person, content, lang)}
    if person.email:
        data["email"] = person.email
    if person.phone:
        data["telephone"] = person.phone
    return data


def contacts_page(content: Content, lang: str) -> dict:
    return {"@context": "https://schema.org", "@graph": [
        person(p, content, lang) for p in content.people.values()]}


def project(initiative: Initiative, content: Content, urls: UrlMap, lang: str) -> dict:
    text = initiative.text(lang)
    beneficiary = content.organisations[initiative.beneficiary]
    return {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": text.title,
        "description": text.summary,
        "url": urls.url(("initiative", initiative.id), lang),
        "startDate": initiative.start.isoformat(),
        "endDate": initiative.end.isoformat(),
        "areaServed": [region.label(lang) for region in initiative.regions],
        "member": {"@type": "Organization", "name": beneficiary.text(lang).name},
        "funding": [{
            "@type": "MonetaryGrant",
            "name": line.fund.label(lang),
            "amount": {"@type": "MonetaryAmount", "currency": "DKK", "value": line.amount},
            "funder": {"@type": "Organization", "name": line.fund.label(lang)},
        } for line in initiative.funding],
    }


def news_article(release: PressRelease, content: Content, urls: UrlMap, lang: str,
                 images: list[dict]) -> dict:
    text = release.text(lang)
    site = content.site
    stamp = release.published_at.isoformat()
    publisher = {"@type": "Organization", "name": site.text(lang).name,
                 "logo": {"@type": "ImageObject", "url": _asset(urls, lang, site.logo_png)}}
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": text.title,
        "description": text.lead,
        "datePublished": stamp,
        "dateModified": stamp,
        "inLanguage": lang if not release.is_fallback(lang) else release.only_in,
        "mainEntityOfPage": urls.url(("press_release", release.id), lang),
        "author": publisher,
        "publisher": publisher,
        "image": images or [_asset(urls, lang, site.logo_png)],
    }


def image_object(url: str, caption: str, credit: str, licence: str) -> dict:
    return {"@type": "ImageObject", "contentUrl": url, "url": url, "caption": caption,
            "creditText": credit, "license": licence}


def certification(cert: Certification, content: Content, lang: str) -> dict:
    holder = content.organisations[cert.holder]
    return {"@context": "https://schema.org", "@type": "Organization",
            "name": holder.text(lang).name, "award": cert.text(lang).name}
