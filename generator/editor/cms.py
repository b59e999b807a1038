"""The web editor under /admin/: Decap CMS, configured from the schema.

Every content type becomes a collection in content/<folder>/, every field of schema.py a widget
with its Danish label and Danish help text (schema.py Field.da). Facts are widgets at the top of
the form; the texts of each site language are a group named by the language code, so the file
the editor saves has the layout `check` reads: facts once, then `da:` and `en:`. Nested texts
(image captions, quotes) are groups inside their list item, written the same way.
Each image field lists, and uploads into, its own folder under content/media/ (MEDIA_SUBFOLDERS),
and the file it stores is that folder's path, e.g. media/press/havn.jpg.

The CMS itself (JavaScript from the npm package decap-cms, pinned in package.json) is copied into
the site, so the editor makes no request to another host.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator import languages as language_table
from generator import paths
from generator.content import schema as s
from generator.content.types import CONTENT_TYPES
from generator.content.validate import site_languages

DECAP_DIST = paths.REPO / "node_modules" / "decap-cms" / "dist"
ADMIN = "admin"  # the folder of the site the editor is served from
LOCAL_API = "/api/v1"  # where the local backend answers, beside /admin/ (cms_backend.py)
BACKENDS = ("github", "gitlab")

# The field's name as the Danish editor UI labels it; the field's Danish description (schema.py
# Field.da) is the help text.
DANISH_LABELS = {
    "title": "Titel",
    "slug": "Adresse (slug)",
    "summary": "Resumé",
    "lead": "Indledning",
    "body": "Brødtekst",
    "date": "Dato",
    "time": "Klokkeslæt",
    "embargo": "Embargo",
    "draft": "Kladde",
    "issued_by": "Udsendt af",
    "quotes": "Citater",
    "speaker": "Citeret person",
    "name": "Navn",
    "role": "Rolle",
    "text": "Tekst",
    "images": "Billeder",
    "image": "Billede",
    "photo": "Portræt",
    "hero_image": "Forsidebillede",
    "file": "Fil",
    "credit": "Kreditering",
    "licence": "Licens",
    "alt": "Alternativ tekst",
    "caption": "Billedtekst",
    "contacts": "Kontaktpersoner",
    "initiatives": "Indsatser",
    "certifications": "Certificeringer",
    "organisations": "Organisationer",
    "sources": "Kilder",
    "publisher": "Udgiver",
    "url": "Adresse (URL)",
    "document": "Dokument",
    "only_in": "Kun på sprog",
    "translated": "Oversat fra",
    "facts": "Fakta",
    "status": "Status",
    "decisions": "Beslutninger",
    "by": "Besluttes af",
    "due": "Forventet",
    "subject": "Emne",
    "start": "Start",
    "end": "Slut",
    "total_eligible_cost": "Samlede støtteberettigede udgifter (kr.)",
    "funding": "Finansiering",
    "fund": "Fond",
    "amount": "Beløb (kr.)",
    "regions": "Regioner",
    "focus_area": "Fokusområde",
    "beneficiary": "Støttemodtager",
    "partners": "Partnere",
    "results_status": "Resultaternes status",
    "operation_code": "Operationskode",
    "links": "Links",
    "label": "Linktekst",
    "programme": "Program",
    "aims": "Mål",
    "results": "Resultater",
    "holder": "Indehaver",
    "issuer": "Udsteder",
    "awarded": "Tildelt",
    "held_on": "Holdt pr.",
    "stated_in": "Nævnt i",
    "valid_until": "Gyldig til",
    "times_awarded": "Antal tildelinger",
    "featured": "Fremhævet",
    "badge": "Mærke",
    "level": "Niveau",
    "domain": "Område",
    "description": "Beskrivelse",
    "kind": "Type",
    "website": "Websted",
    "member_count": "Antal medlemmer",
    "relations": "Relationer",
    "type": "Relation",
    "organisation": "Organisation",
    "logo": "Logo",
    "offices": "Kontorer",
    "offers": "Tilbud",
    "email": "E-mail",
    "phone": "Telefon",
    "press_contact": "Pressekontakt",
    "languages": "Sprog",
    "department": "Afdeling",
    "topics": "Emner",
    "online": "Online",
    "venue": "Sted",
    "address": "Adresse",
    "postal_code": "Postnummer",
    "city": "By",
    "online_url": "Adresse for online deltagelse",
    "registration_url": "Tilmelding",
    "registration_deadline": "Tilmeldingsfrist",
    "price": "Pris (kr.)",
    "free": "Gratis",
    "organiser": "Arrangør",
    "item": "Punkt",
}
DANISH_COLLECTIONS = {
    "initiative": ("Indsatser", "Indsats"),
    "press_release": ("Pressemeddelelser", "Pressemeddelelse"),
    "certification": ("Certificeringer", "Certificering"),
    "organisation": ("Organisationer", "Organisation"),
    "event": ("Arrangementer", "Arrangement"),
    "person": ("Personer", "Person"),
}
# How a value of each kind is written, in Danish: the first part of each field's help text, the
# field's Danish description (Field.da) the second.
DANISH_HOW = {
    s.TEXT: "Én linje tekst.",
    s.PARAGRAPH: "Almindelig tekst, gerne flere linjer.",
    s.MARKDOWN: "Markdown: ## mellemrubrik, **fed**, [link](https://…).",
    s.DATE: "Dato.",
    s.MONTH: "Dato, eller år og måned, når dagen ikke kendes.",
    s.PARTIAL_DATE: "Så præcist som kendt: dato, år og måned, år og kvartal eller år.",
    s.DATETIME_TZ: "Dato og klokkeslæt i sitets tidszone.",
    s.TIME: "Klokkeslæt, 24-timers ur.",
    s.DATE_OR_DATETIME: "En dato, eller dato og klokkeslæt i sitets tidszone.",
    s.AMOUNT: "Hele kroner, kun cifre.",
    s.COUNT: "Helt tal.",
    s.NUMBER: "Decimaltal med punktum.",
    s.BOOL: "Til eller fra.",
    s.EMAIL: "E-mailadresse.",
    s.PHONE: "Telefonnummer.",
    s.URL: "Adresse, der begynder med https://.",
    s.SLUG: "Kun a-z, 0-9 og bindestreg.",
    s.LANGUAGE: "Et af sitets sprog.",
    s.LANGUAGE_CODE: "En sprogkode fra sprogtabellen.",
    s.LANGUAGE_SET: "Et eller flere af sitets sprog.",
    s.REF: "Vælg fra listen.",
    s.TERM: "Vælg fra listen.",
    s.MEDIA: "En fil i content/media/.",
    s.IMAGE: "Et billede (PNG, JPEG eller SVG) i content/media/.",
    s.LIST: "En liste.",
    s.OBJECT: "En gruppe af felter.",
    s.CHOICE: "Vælg en af mulighederne.",
    s.TIMEZONE: "Tidszone, fx Europe/Copenhagen.",
    s.COLOUR: "Farve som #rrggbb.",
    s.FINGERPRINTS: "Skrives af `build.py translations --import`; lad det være.",
}
# Where an image field's files live under content/media/: logos and badges by kind, every other
# image (photos and illustrations) in the folder named like the records' folder, so press photos are
# in media/press/ as the editors' guide says. The media library lists that folder and uploads to it.
MEDIA_SUBFOLDERS = {"logo": "logos", "badge": "badges"}
# Uploaded files get a plain file name: lower case (Decap's own rule), letters without accents,
# anything else a hyphen.
SAFE_FILE_NAMES = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
# Field kinds the editor checks as text against the same rule `check` applies.
PATTERNS = {
    s.PARTIAL_DATE: (
        r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4])?$",
        "fx 2020, 2020-07 eller 2020-Q3",
    ),
    s.MONTH: (r"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$", "fx 2019-06 eller 2019-06-19"),
    s.DATE_OR_DATETIME: (
        r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$",
        "fx 2026-12-10 eller 2026-12-10 09:30",
    ),
    s.TIME: (r"^([01]\d|2[0-3]):[0-5]\d$", "fx 10:00"),
    s.COLOUR: (r"^#[0-9a-fA-F]{6}$", "fx #0b3d5c"),
    s.SLUG: (r"^[a-z0-9]+(-[a-z0-9]+)*$", "kun a-z, 0-9 og bindestreg"),
    s.URL: (r"^https?://\S+$", "begynder med https://"),
    s.EMAIL: (r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "en e-mailadresse"),
}


def editor_settings(site: dict) -> dict | None:
    """The `editor:` block of site.yaml with its defaults, or None when the editor is off."""
    editor = site.get("editor") if isinstance(site, dict) else None
    if not isinstance(editor, dict):
        return None
    return {
        "backend": editor.get("backend", "github"),
        "repo": editor.get("repo", ""),
        "branch": editor.get("branch") or "main",
        "auth_url": editor.get("auth_url"),
        "app_id": editor.get("app_id"),
        "editorial_workflow": bool(editor.get("editorial_workflow", False)),
    }


def backend_config(settings: dict) -> dict:
    """Decap's `backend:` for GitHub or GitLab, from site.yaml `editor:`."""
    backend = {"name": settings["backend"], "repo": settings["repo"], "branch": settings["branch"]}
    if settings["backend"] == "gitlab":
        if settings.get("app_id"):  # sign-in with the team's GitLab application, no secret
            backend.update(auth_type="pkce", app_id=settings["app_id"])
        if settings.get("auth_url"):
            backend.update(base_url=settings["auth_url"].rstrip("/"))
            backend["api_root"] = settings["auth_url"].rstrip("/") + "/api/v4"
    elif settings.get("auth_url"):  # GitHub signs in through the team's OAuth service
        backend["base_url"] = settings["auth_url"].rstrip("/")
    return backend


def cms_config(content_dir: Path, local_backend: str | None = None) -> dict:
    """The Decap CMS configuration for the content in content_dir (its folder name is kept);
    with local_backend (the address of cms_backend's API) it edits the working copy."""
    content_dir = Path(content_dir)
    site = _read(content_dir / "site.yaml")
    taxonomies = _read(content_dir / "taxonomies.yaml")
    langs = site_languages(site)
    settings = editor_settings(site) or editor_settings({"editor": {"repo": "owner/name"}})
    prefix = content_dir.name
    config: dict = {
        "locale": "da",
        "backend": backend_config(settings),
        "media_folder": f"{prefix}/media",
        "public_folder": "media",
        "slug": dict(SAFE_FILE_NAMES),
        "collections": [
            _collection(t, prefix, langs, taxonomies, site)
            for t in CONTENT_TYPES
            if not t.per_language_files
        ],
    }
    if settings["editorial_workflow"] and not local_backend:
        config["publish_mode"] = "editorial_workflow"
    if local_backend:
        config["local_backend"] = {"url": local_backend, "allowed_hosts": ["127.0.0.1"]}
    return config


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _collection(content_type, prefix: str, langs, taxonomies: dict, site: dict) -> dict:
    record = content_type.schema
    plural, singular = DANISH_COLLECTIONS.get(record.name, (record.title, record.title))
    source = langs[0]
    title_field = "name" if record.shape.fact("name") else f"{source}.{_title_name(record)}"
    slug = "{{fields." + title_field + "}}"
    if content_type.dated_ids:
        slug = "{{year}}-{{month}}-{{day}}-" + slug
    return {
        "name": content_type.collection,
        "label": plural,
        "label_singular": singular,
        "description": record.da,  # the Danish description: the editor is in Danish
        "folder": f"{prefix}/{record.folder}",
        "extension": "yaml",
        "format": "yml",
        "create": True,
        "slug": slug,
        "identifier_field": title_field,
        "summary": slug.split("-")[-1] if content_type.dated_ids else slug,
        "fields": _shape_fields(record.shape, langs, taxonomies, site, f"{prefix}/{record.folder}"),
    }


def _title_name(record: s.RecordType) -> str:
    names = [f.name for f in record.shape.texts]
    return "title" if "title" in names else "name"


def media_subfolder(folder: str, field_name: str) -> str:
    """The folder under content/media/ for the files of image field `field_name` of the records in
    content/<folder>/."""
    return MEDIA_SUBFOLDERS.get(field_name, folder)


def _shape_fields(shape: s.Shape, langs, taxonomies: dict, site: dict, folder: str) -> list[dict]:
    fields = [_widget(f, langs, taxonomies, site, folder) for f in shape.facts]
    for lang in langs if shape.texts else ():
        fields.append(
            {
                "name": lang,
                "label": language_table.name(lang, "da").capitalize(),
                "widget": "object",
                "collapsed": False,
                "fields": [_widget(f, langs, taxonomies, site, folder) for f in shape.texts],
            }
        )
    return fields


def _widget(spec: s.Field, langs, taxonomies: dict, site: dict, folder: str) -> dict:
    """The widget of one field of the records in `folder` (content/<type's folder>)."""
    out: dict = {
        "name": spec.name,
        "label": DANISH_LABELS.get(spec.name, spec.name),
        "hint": f"{DANISH_HOW[spec.kind]} {spec.da}",
        "required": spec.required,
    }
    kind = spec.kind
    if kind == s.TEXT or kind in (s.PHONE, s.TIMEZONE):
        out["widget"] = "string"
    elif kind == s.PARAGRAPH:
        out["widget"] = "text"
    elif kind == s.MARKDOWN:
        # Markdown as written, first: what the editors' guide teaches and what `check` reads.
        out.update(widget="markdown", modes=["raw", "rich_text"])
    elif kind == s.DATE:
        out.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD")
        out["time_format"] = False
    elif kind == s.DATETIME_TZ:
        zone = site.get("timezone") or "Europe/Copenhagen"
        out.update(
            widget="datetime",
            format="YYYY-MM-DD HH:mm",
            date_format="YYYY-MM-DD",
            time_format="HH:mm",
            picker_utc=False,
        )
        out["hint"] = f"{DANISH_HOW[spec.kind][:-1]} ({zone}). {spec.da}"
    elif kind in PATTERNS:
        out["widget"] = "string"
        out["pattern"] = list(PATTERNS[kind])
    elif kind in (s.AMOUNT, s.COUNT):
        out.update(widget="number", value_type="int", min=0)
    elif kind == s.NUMBER:
        out.update(widget="number", value_type="float", min=0)
    elif kind == s.BOOL:
        out["widget"] = "boolean"
    elif kind in (s.LANGUAGE, s.LANGUAGE_SET):
        out.update(widget="select", options=list(langs), multiple=kind == s.LANGUAGE_SET)
    elif kind == s.LANGUAGE_CODE:
        out.update(widget="select", options=list(language_table.codes()))
    elif kind == s.CHOICE:
        out.update(widget="select", options=list(spec.choices))
    elif kind == s.TERM:
        terms = taxonomies.get(spec.target) or {}
        out.update(
            widget="select",
            options=[
                {"label": _term_label(code, term, langs), "value": code}
                for code, term in terms.items()
            ],
        )
    elif kind == s.REF:
        out.update(_relation(spec.target, langs))
    elif kind in (s.IMAGE, s.MEDIA):
        # Decap reads a media_folder with a leading / from the repository's root (without it,
        # beside the entry's file) and stores the picked file as public_folder/<file name>.
        prefix, records = folder.rsplit("/", 1)
        sub = media_subfolder(records, spec.name)
        out.update(
            widget="image" if kind == s.IMAGE else "file",
            media_folder=f"/{prefix}/media/{sub}",
            public_folder=f"media/{sub}",
        )
        out["hint"] = f"{DANISH_HOW[spec.kind].removesuffix('.')}{sub}/. {spec.da}"
    elif kind == s.OBJECT:
        out.update(
            widget="object", fields=_shape_fields(spec.shape, langs, taxonomies, site, folder)
        )
    elif kind == s.LIST:
        item = spec.item
        out.update(widget="list", collapsed=False)  # an item's fields are seen, not hidden
        if item.kind == s.OBJECT:
            out["fields"] = _shape_fields(item.shape, langs, taxonomies, site, folder)
        else:
            out["field"] = _widget(item, langs, taxonomies, site, folder)
        if not spec.required:
            out["default"] = []
    elif kind == s.FINGERPRINTS:
        out["widget"] = "hidden"  # written by `build.py translations --import` only
    else:
        raise ValueError(f"no editor widget for field kind {kind!r} ({spec.name})")
    return out


def _term_label(code: str, term: object, langs) -> str:
    term = term if isinstance(term, dict) else {}
    labels = [
        str(term.get(lang, {}).get("label"))
        for lang in langs
        if isinstance(term.get(lang), dict) and term[lang].get("label")
    ]
    return " / ".join(dict.fromkeys(labels)) or code


def _relation(target: str, langs) -> dict:
    content_type = next(t for t in CONTENT_TYPES if t.name == target)
    record = content_type.schema
    shown = "name" if record.shape.fact("name") else f"{langs[0]}.{_title_name(record)}"
    return {
        "widget": "relation",
        "collection": content_type.collection,
        "value_field": "{{slug}}",
        "search_fields": [shown],
        "display_fields": [shown],
    }


def index_html() -> str:
    """The page under /admin/ that loads the CMS from the same folder."""
    return (
        "<!doctype html>\n"
        '<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        "<title>Redigering</title>\n"
        '<link rel="cms-config-url" type="text/yaml" href="config.yml">\n'
        "</head>\n<body>\n"
        '<script src="decap-cms.js"></script>\n'
        "</body>\n</html>\n"
    )


def admin_files(content_dir: Path, local_backend: str | None = None) -> dict[str, bytes]:
    """Every file of /admin/, keyed by its path in the site (admin/...).

    With local_backend (http://127.0.0.1:PORT/api/v1) the configuration points the CMS at the
    local backend of cms_backend.py instead of GitHub or GitLab.
    """
    files = {
        f"{ADMIN}/index.html": index_html().encode(),
        f"{ADMIN}/config.yml": _config_yaml(content_dir, local_backend),
    }
    for path in cms_script_files():
        files[f"{ADMIN}/{path.name}"] = path.read_bytes()
    return dict(sorted(files.items()))


def cms_script_files() -> list[Path]:
    """The CMS's own files: its script, the chunks it loads on demand and their licence."""
    if not (DECAP_DIST / "decap-cms.js").is_file():
        raise FileNotFoundError(
            f"{DECAP_DIST / 'decap-cms.js'} is missing: run `npm ci` in the project folder"
        )
    found = [DECAP_DIST / "decap-cms.js", DECAP_DIST / "decap-cms.js.LICENSE.txt"]
    found += sorted(DECAP_DIST.glob("*.decap-cms.js"))
    found += sorted(DECAP_DIST.glob("*.wasm"))
    return found


def admin_file(content_dir: Path, path: str) -> bytes:
    """One file of admin_files (for the public site: no local backend), made alone."""
    name = path.removeprefix(f"{ADMIN}/")
    if name == "index.html":
        return index_html().encode()
    if name == "config.yml":
        return _config_yaml(content_dir, None)
    found = next((p for p in cms_script_files() if p.name == name), None)
    if found is None:
        raise KeyError(path)
    return found.read_bytes()


def _config_yaml(content_dir: Path, local_backend: str | None) -> bytes:
    config = cms_config(content_dir, local_backend)
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000).encode()


def admin_paths() -> list[str]:
    """The paths admin_files writes, without reading them: for claiming outputs."""
    names = ["index.html", "config.yml"] + [p.name for p in cms_script_files()]
    return sorted(f"{ADMIN}/{name}" for name in names)


def main() -> None:
    """Print the configuration of the bundled content, for reading."""
    print(json.dumps(cms_config(paths.REPO / "content"), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
