"""The translations command: lists missing and outdated texts, exports and imports PO files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_py(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True, cwd=cwd
    )


def test_translations_lists_exports_imports_and_finds_outdated(tmp_path):
    from babel.messages.pofile import read_po, write_po

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    release = content / "press" / "2019-06-19-eu-gold-label.yaml"
    head, _, _ = release.read_text(encoding="utf-8").partition("\nen:\n")
    release.write_text(
        "# Editors' note: keep this comment\n" + head + "\nonly_in: da\n", encoding="utf-8"
    )
    rel = "content/press/2019-06-19-eu-gold-label.yaml"
    po = tmp_path / "en.po"
    result = build_py(
        "--content", str(content), "translations", "--lang", "en", "--export", str(po)
    )
    assert result.returncode == 0, result.stderr
    assert f"{rel}:1: en.title: missing in English" in result.stdout
    assert "English: 4 missing, 0 outdated" in result.stdout
    with po.open("rb") as handle:
        catalog = read_po(handle)
    titles = [m for m in catalog if m.context == f"{rel}#title"]
    assert titles[0].id == "EU-guld til sund erhvervsklynge"
    for message in catalog:
        if message.id:
            message.string = "EN " + message.id
    with po.open("wb") as handle:
        write_po(handle, catalog)
    result = build_py(
        "--content", str(content), "translations", "--lang", "en", "--import", str(po)
    )
    assert result.returncode == 0, result.stderr
    assert "4 translations written" in result.stdout
    text = release.read_text(encoding="utf-8")
    assert "title: EN EU-guld til sund erhvervsklynge" in text
    assert text.startswith(
        "# Editors' note: keep this comment\ndate: 2019-06-19\nquotes:\n"
        "  - speaker: christian-graversen\n"
    )  # comments and layout kept
    assert build_py("--content", str(content), "check").returncode == 0
    result = build_py("--content", str(content), "translations", "--lang", "en")
    assert "English: 0 missing, 0 outdated" in result.stdout
    release.write_text(
        text.replace("title: EU-guld til sund erhvervsklynge", "title: EU-guld til en sund klynge"),
        encoding="utf-8",
    )
    result = build_py("--content", str(content), "translations", "--lang", "en")
    assert (
        "en.title: outdated; the Danish text has changed since it was translated" in result.stdout
    )
    assert "English: 0 missing, 1 outdated" in result.stdout


def test_translations_reports_aliases_and_copied_text_as_untranslated(tmp_path):
    from babel.messages.pofile import read_po, write_po

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)

    def edit(rel: str, old: str, new: str) -> None:
        path = content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    initiative = content / "initiatives" / "groen-omstilling.yaml"
    head = initiative.read_text(encoding="utf-8").partition("\nen:\n")[0]
    initiative.write_text(
        head.replace("\nda:\n", "\nda: &dansk\n") + "\nen: *dansk\n", encoding="utf-8"
    )
    # More than three words, the same in both languages: not translated.
    edit(
        "press/2024-03-01-eu-stoette.yaml",
        "title: EU supports green transition",
        "title: EU støtter grøn omstilling",
    )
    edit(
        "press/2024-03-01-eu-stoette.yaml",
        "body: The Cluster receives support from the European Regional Development Fund.",
        "body: Klyngen får støtte fra Regionalfonden.",
    )
    edit(
        "organisations/klynge.yaml",
        "description: Cluster organisation for green health.",
        "description: Klyngeorganisation for grøn sundhed.",
    )
    # Names, and texts of three words or fewer, may be the same in both languages.
    edit("organisations/klynge.yaml", "name: The Cluster", "name: Klyngen")
    edit(
        "certifications/guld.yaml",
        "description: The Cluster holds the Gold Label.",
        "description: Klyngen er guldcertificeret.",
    )
    po = tmp_path / "en.po"
    result = build_py(
        "--content", str(content), "translations", "--lang", "en", "--export", str(po)
    )
    assert result.returncode == 0, result.stderr
    alias = "untranslated; the English block is a YAML alias of the Danish one"
    assert result.stdout == (
        f"content/initiatives/groen-omstilling.yaml:19: en.aims: {alias}\n"
        f"content/initiatives/groen-omstilling.yaml:19: en.results: {alias}\n"
        f"content/initiatives/groen-omstilling.yaml:19: en.summary: {alias}\n"
        f"content/initiatives/groen-omstilling.yaml:19: en.title: {alias}\n"
        "content/organisations/klynge.yaml:11: en.description: untranslated; the same text as "
        "in Danish\n"
        "content/press/2024-03-01-eu-stoette.yaml:23: en.title: untranslated; the same text as "
        "in Danish\n"
        "content/press/2024-03-01-eu-stoette.yaml:26: en.body: untranslated; the same text as "
        "in Danish\n"
        "English: 0 missing, 0 outdated, 7 untranslated\n"
        f"7 texts exported to {po}\n"
    )
    # The translator translates all but the press release's body, which they keep on purpose.
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            message.string = message.id if message.context.endswith("#body") else "EN " + message.id
    with po.open("wb") as handle:
        write_po(handle, catalog)
    danish = initiative.read_text(encoding="utf-8").partition("\nen:")[0]
    result = build_py(
        "--content", str(content), "translations", "--lang", "en", "--import", str(po)
    )
    assert result.returncode == 0, result.stderr
    text = initiative.read_text(encoding="utf-8")
    assert text.startswith(danish.replace("da: &dansk\n", "da:\n"))  # Danish unchanged
    assert "\nen:\n  title: EN Grøn omstilling\n" in text
    assert "slug: en-groen-omstilling" in text
    result = build_py("--content", str(content), "translations", "--lang", "en")
    assert result.stdout == "English: 0 missing, 0 outdated, 0 untranslated\n"


TRILINGUAL = ROOT / "tests" / "fixtures" / "trilingual" / "content"


def test_new_and_translations_follow_the_languages_of_site_yaml(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TRILINGUAL, content)
    result = build_py("--content", str(content), "new", "page", "Über Grün")
    assert result.returncode == 0, result.stderr
    german = (content / "pages" / "ueber-gruen.de.md").read_text(encoding="utf-8")
    assert "## Überschrift\n\nSchreiben Sie die Seite hier.\n" in german
    assert (content / "pages" / "ueber-gruen.da.md").is_file()
    assert (content / "pages" / "ueber-gruen.en.md").is_file()
    result = build_py("--content", str(content), "new", "person", "Jörg Weiß")
    assert result.returncode == 0, result.stderr
    person = Path(result.stdout.strip())
    assert person.name == "joerg-weiss.yaml"
    assert "\nde:\n" in person.read_text(encoding="utf-8")
    person.unlink()
    for path in (content / "pages").glob("ueber-gruen.*"):
        path.unlink()
    initiative = content / "initiatives" / "groen-omstilling.yaml"
    head, _, _ = initiative.read_text(encoding="utf-8").partition("\nde:\n")
    initiative.write_text(head + "\nonly_in: [da, en]\n", encoding="utf-8")
    result = build_py("--content", str(content), "translations")
    assert result.returncode == 0, result.stderr
    assert "English: 0 missing, 0 outdated, 0 untranslated" in result.stdout
    assert "German: 6 missing, 0 outdated, 0 untranslated" in result.stdout
    assert "content/organisations/partner.yaml:1: de.name: missing in German" in result.stdout
    rel = "content/initiatives/groen-omstilling.yaml"
    assert f"{rel}:1: de.title: missing in German" in result.stdout
    result = build_py("--content", str(content), "translations", "--export", "x.po")
    assert result.returncode == 1
    assert "--export and --import work on one language" in result.stderr
