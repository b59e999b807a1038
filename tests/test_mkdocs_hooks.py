"""MkDocs hooks: every page's HTML sanitised, valid toggles, our sitemap, the preview's rebuild."""

from __future__ import annotations

from types import SimpleNamespace

from generator.site import mkdocs_hooks


def test_page_html_keeps_structure_and_drops_what_could_run():
    html = mkdocs_hooks.on_page_content(
        '<h2 id="a">Titel</h2><script>alert(1)</script>'
        '<a href="javascript:x()" onclick="x()">a</a><img src="m.jpg" alt="Foto" onerror="x()">',
        page=None,
        config=None,
        files=None,
    )
    assert '<h2 id="a">Titel</h2>' in html
    assert "script" not in html and "javascript" not in html and "onclick" not in html
    assert '<img src="m.jpg" alt="Foto">' in html


def test_toggles_are_valid_html_and_the_search_dialog_is_named():
    config = SimpleNamespace(extra={"search_label": "Søg"})
    page = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<div class="md-search" data-md-component="search" role="dialog">'
    )
    out = mkdocs_hooks.on_post_page(page, None, config)
    assert 'autocomplete="off"' not in out
    assert 'role="dialog" aria-label="Søg">' in out


def test_mkdocs_own_sitemap_is_not_written():
    config = SimpleNamespace(extra={})
    assert mkdocs_hooks.on_post_template("<urlset/>", "sitemap.xml", config) == ""
    assert mkdocs_hooks.on_post_template("<html>", "404.html", config) == "<html>"
