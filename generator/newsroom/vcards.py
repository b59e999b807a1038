"""Contacts as vCard 3.0 files (`.vcf`), one per person and language, for journalists' address
books."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from generator.content.model import Content, Person
from generator.site.urls import UrlMap

if TYPE_CHECKING:
    from generator.outputs import Download


def vcard(person: Person, content: Content, lang: str) -> bytes:
    """One person's vCard 3.0 in `lang`: UTF-8, CRLF line endings."""
    import vobject  # here, not above: `check` lists the vCards without making them

    card = vobject.vCard()
    card.add("fn").value = person.name
    # Danish names often carry a middle name; keep the first as given, the last as family name.
    parts = person.name.split()
    card.add("n").value = vobject.vcard.Name(
        family=parts[-1] if len(parts) > 1 else "",
        given=parts[0] if parts else "",
        additional=" ".join(parts[1:-1]),
    )
    organisation = content.organisations.get(person.organisation)
    if organisation is not None:
        card.add("org").value = [organisation.text(lang).name]
    card.add("title").value = person.text(lang).role
    if person.email:
        email = card.add("email")
        email.value = person.email
        email.type_param = "INTERNET"
    if person.phone:
        # The loader stores phone numbers in E.164 already (+4521288419).
        tel = card.add("tel")
        tel.value = person.phone
        tel.type_param = "CELL"
    # LANG is a vCard 4.0 property; 3.0 readers that do not know it simply skip it.
    for spoken in person.languages or (lang,):
        card.add("lang").value = spoken
    card.add("url").value = f"{content.site.base_url}{lang}/"
    # vobject writes CRLF line endings and folds long lines, as RFC 2426 asks.
    return card.serialize().encode("utf-8")


def vcard_path(person: Person, urls: UrlMap, lang: str) -> str:
    """Where a person's vCard is published: kontakt/<id>.vcf (da), contact/<id>.vcf (en)."""
    return f"{urls.path(('section', 'contacts'), lang)}{person.id}.vcf"


def vcard_downloads(content: Content, urls: UrlMap, lang: str) -> list[Download]:
    """Every person's vCard as an `outputs.Download`, named after the person's file."""
    from generator.outputs import Download, FromRecord

    return [
        Download(
            vcard_path(person, urls, lang),
            FromRecord("the vCard", person.path, 1, "file", "rename one of the two files"),
            partial(vcard, person, content, lang),
        )
        for person in content.people.values()
    ]
