"""The one module that imports MkDocs: builds one language's docs folder into a site folder.

Everything MkDocs needs per language is applied here to the settings read from mkdocs.yml, so
moving to another engine means rewriting this module and the theme overrides, nothing else.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import i18n
from generator import languages as language_table

HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"
# What MkDocs writes into a language's folder besides the pages and the docs folder's files
# (a folder claims every file below it). Its sitemap is not among them: the hooks leave it out,
# and sitemap.py writes ours, with hreflang alternates.
MKDOCS_OUTPUTS = {
    "assets/": "the theme's files (assets/)",
    "search/": "the search index",
    "404.html": "the page-not-found page",
}


@dataclass(frozen=True)
class LanguageBuild:
    """The per-language settings of one MkDocs build."""

    lang: str
    site_name: str
    site_description: str  # for pages without a description of their own, such as the 404 page
    site_url: str
    docs_dir: Path
    site_dir: Path
    nav: list
    logo: str
    extra: dict


class BuildFailed(Exception):
    """MkDocs reported warnings in strict mode, or failed."""


def build_language(config_file: Path, build: LanguageBuild) -> None:
    """Run one strict MkDocs build with Material for one language."""
    from mkdocs.commands.build import build as mkdocs_build

    with _reporting(build.lang) as warnings:
        mkdocs_build(_config(config_file, build, strict=True))
    _raise_warnings(build.lang, warnings)


def _config(config_file: Path, build: LanguageBuild, strict: bool):
    from mkdocs.config import load_config

    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    theme = dict(settings["theme"])
    theme.update(
        language=build.lang,
        logo=build.logo,
        custom_dir=str((config_file.parent / theme["custom_dir"]).resolve()),
    )
    return load_config(
        config_file=str(config_file),
        site_name=build.site_name,
        site_description=build.site_description,
        site_url=build.site_url,
        docs_dir=str(build.docs_dir),
        site_dir=str(build.site_dir),
        nav=build.nav,
        theme=theme,
        plugins=[{"search": {"lang": [language_table.language(build.lang).search]}}],
        hooks=[str(HOOKS)],
        extra={**settings.get("extra", {}), **build.extra},
        strict=strict,
    )


@contextmanager
def _reporting(lang: str) -> Iterator[_WarningCounter]:
    """Collect MkDocs' warnings; turn its failures into BuildFailed."""
    from mkdocs.exceptions import Abort, MkDocsException

    warnings = _WarningCounter()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    try:
        yield warnings
    except (Abort, MkDocsException) as exc:
        raise BuildFailed(f"MkDocs ({lang}): {exc}\n" + "\n".join(warnings.messages)) from None
    finally:
        logger.removeHandler(warnings)


def _raise_warnings(lang: str, warnings: _WarningCounter) -> None:
    if warnings.messages:
        raise BuildFailed(f"MkDocs ({lang}) warned:\n" + "\n".join(warnings.messages))


class LiveLanguage:
    """One language's MkDocs site kept in memory after a build, to rebuild single pages.

    The live preview uses it: MkDocs' own steps (configuration, files, navigation, theme) run
    once, as in a build; afterwards a saved page is read and written again through MkDocs' page
    functions with that navigation, in a fraction of a build's time. The search index is kept
    too: the rebuilt pages' entries replace theirs and the index file is written again, in the
    order a full build writes it.
    """

    def __init__(self, config_file: Path, build: LanguageBuild):
        from mkdocs.commands.build import _populate_page
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        self.lang = build.lang
        with _reporting(build.lang) as warnings:
            config = _config(config_file, build, strict=False)
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            files = get_files(config)
            env = config.theme.get_env()
            files.add_files_from_theme(env, config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            nav = get_navigation(files, config)
            nav = config.plugins.on_nav(nav, config=config, files=files)
            for file in files.documentation_pages():
                if file.page is None:
                    Page(None, file, config)
                _populate_page(file.page, config, files)
            self.env = config.plugins.on_env(env, config=config, files=files)
        _raise_warnings(build.lang, warnings)
        self.config, self.files, self.nav = config, files, nav
        # Material's search plugin indexes each page as it is built (page_context) and writes the
        # index after the build; here it indexes the rebuilt pages, and _write_search_index
        # merges their entries into those of the last full build.
        self.search = next(
            (
                e.__self__
                for e in config.plugins.events["page_context"]
                if type(getattr(e, "__self__", None)).__name__ == "SearchPlugin"
            ),
            None,
        )
        self.search_file = Path(config.site_dir) / "search" / "search_index.json"
        self.search_config: dict = {}
        self.search_entries: dict[str, list] = {}  # a page's URL -> its entries
        if self.search is not None and self.search_file.is_file():
            index = json.loads(self.search_file.read_text(encoding="utf-8"))
            self.search_config = index["config"]
            for entry in index["docs"]:
                page_url = entry["location"].split("#", 1)[0]
                self.search_entries.setdefault(page_url, []).append(entry)

    def knows(self, rel: str) -> bool:
        """Whether `rel` (a path in the docs folder) is one of the site's files."""
        return self.files.get_file_from_path(rel) is not None

    def rebuild(self, rels: list[str]) -> None:
        """Read and write again the pages and files at these docs-folder paths."""
        from mkdocs.commands.build import _build_page, _populate_page

        pages = self.files.documentation_pages()
        indexed = []
        if self.search is not None:  # the rebuilt pages' entries, alone
            self.search.search_index = type(self.search.search_index)(
                **self.search.search_index.config
            )
        with _reporting(self.lang) as warnings:
            for rel in rels:
                file = self.files.get_file_from_path(rel)
                if file.page is None:
                    file.copy_file()
                    continue
                _populate_page(file.page, self.config, self.files)
                _build_page(file.page, self.config, pages, self.nav, self.env)
                indexed.append(file.page.url)
        _raise_warnings(self.lang, warnings)
        if indexed and self.search is not None and self.search_config:
            self._write_search_index(indexed, pages)

    def _write_search_index(self, indexed: list[str], pages) -> None:
        """Put the entries of the pages at URLs `indexed` in place of theirs, and write the index
        as Material does: pages in build order, compact JSON (written whole, then moved in, so
        the preview never serves half a file)."""
        for url in indexed:
            self.search_entries[url] = []
        for entry in self.search.search_index.entries:
            self.search_entries.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
        docs = [e for f in pages if f.page for e in self.search_entries.get(f.page.url, [])]
        data = json.dumps(
            {"config": self.search_config, "docs": docs}, separators=(",", ":"), default=str
        )
        partial = self.search_file.with_suffix(".json.part")
        partial.write_bytes(data.encode("utf-8"))
        partial.replace(self.search_file)


class _WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # Material announces its own end of life on every build; that is not a content problem.
        if "MkDocs 2.0" in message or "end of life" in message.lower():
            return
        self.messages.append(message)


def nav_for(lang: str, entries: list[tuple[str, str]]) -> list:
    """A section-only navigation: (title, docs file) pairs."""
    return [{title: path} for title, path in entries]


def extra_settings(
    lang: str,
    languages: tuple[str, ...],
    default_language: str,
    feed_path: str,
    feed_title: str,
    base_path: str = "/",
) -> dict:
    """Values the theme overrides read from config.extra.

    `base_path` is the path of the site's root on its host ("/" or "/repo/"): the 404 page is
    served at any depth, so its links start there.
    """
    _ = i18n.translations(lang).gettext
    notices = {}
    for source in languages:
        name = language_table.name(source, lang)
        notices[source] = _("This page is only available in %(language)s.") % {"language": name}
    return {
        "alternate": [
            {
                "name": language_table.language(code).own_name,
                "lang": code,
                "link": f"{base_path}{code}/",
            }
            for code in languages
        ],
        "default_language": default_language,
        "chooser_url": "",
        "og_locale": language_table.language(lang).og_locale,
        "og_locale_alternates": [
            language_table.language(c).og_locale for c in languages if c != lang
        ],
        "feed_path": feed_path,
        "feed_title": feed_title,
        "switch_label": _("Select language"),
        "search_label": _("Search"),
        "not_found_title": _("Page not found"),
        "not_found_text": _("The page you were looking for does not exist, or it has moved."),
        "not_found_home": _("Go to the home page"),
        "not_found_search": _("Search the site"),
        "home_path": f"{base_path}{lang}/",
        "fallback_notice": notices,
    }
