"""The editors' guides work when followed from top to bottom.

Each guide's `build.py new` commands are run and its YAML examples written into a copy of the
bundled content, in the order the guide gives them; the content must pass `check` after every
step, so an example that refers to a record the guide creates only later fails here. A YAML example
is marked with `<!-- example: content/<path> -->` on the line before it; its keys are filled into
that file (created by the preceding `new` command, or already there, like taxonomies.yaml).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from PIL import Image

from generator.clock import build_now
from generator.content.model import load_content
from generator.errors import ContentInvalid

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ["docs/editors-guide.md", "docs/redaktoervejledning.md"]
TODAY = "2026-11-25 10:00"  # the day the editor follows the guide
EXAMPLE = re.compile(r"<!-- example: (\S+) -->\n *```yaml\n(.*?)\n *```", re.DOTALL)
NEW = re.compile(r'python3 build\.py new (\w+) "([^"]+)"')
NOW = re.compile(r'python3 build\.py --now "([^"]+)" build')


def steps(guide: str) -> list[tuple[str, tuple[str, ...]]]:
    """The guide's `new` commands and marked examples, in the order they appear."""
    found = [(m.start(), "new", m.groups()) for m in NEW.finditer(guide)]
    found += [
        (m.start(), "example", (m.group(1), textwrap.dedent(m.group(2))))
        for m in EXAMPLE.finditer(guide)
    ]
    return [(kind, args) for _, kind, args in sorted(found)]


def merge(into: object, new: object) -> object:
    """`new` filled into `into`: keys of mappings are merged, anything else is replaced."""
    if isinstance(into, dict) and isinstance(new, dict):
        merged = dict(into)
        for key, value in new.items():
            merged[key] = merge(into.get(key), value)
        return merged
    return new


def check_passes(content: Path, now: str, step: str) -> None:
    try:
        load_content(content, build_now(now))
    except ContentInvalid as exc:
        pytest.fail(f"after {step}:\n{exc}")


def build_py(content: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--content", str(content), *args],
        capture_output=True,
        text=True,
        cwd=content.parent,
        timeout=300,
    )


@pytest.mark.parametrize("guide_path", GUIDES)
def test_the_guide_can_be_followed_from_top_to_bottom(tmp_path, guide_path):
    guide = (ROOT / guide_path).read_text(encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    done = []
    for kind, args in steps(guide):
        if kind == "new":
            record_kind, title = args
            result = build_py(content, "--now", TODAY, "new", record_kind, title)
            assert result.returncode == 0, result.stderr
            done.append(f"new {record_kind} {title!r}")
            continue
        pattern, example = args
        matches = sorted(tmp_path.glob(pattern))
        assert len(matches) == 1, f"{pattern} names {len(matches)} files after {done}"
        path = matches[0]
        for image in re.findall(r"file: (media/\S+\.jpg)", example):
            if not (content / image).exists():  # the photo the editor puts in content/media/
                (content / image).parent.mkdir(parents=True, exist_ok=True)
                Image.new("RGB", (64, 48), (40, 120, 80)).save(content / image)
        data = merge(yaml.safe_load(path.read_text(encoding="utf-8")), yaml.safe_load(example))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        done.append(f"the example for {pattern}")
        check_passes(content, TODAY, done[-1])
    assert [d.split(" ")[0] for d in done].count("new") == 4, done
    assert len(done) == 12, done

    # What the guide says the examples add up to.
    content_now = load_content(content, build_now("2026-12-10 08:00"))
    release = content_now.press_releases["2026-11-25-ny-klyngeaftale-med-odense"]
    assert release.initiatives == ("groen-sundhed",)
    assert release.embargo.isoformat() == "2026-12-10T08:00:00+01:00"
    assert content_now.initiatives["groen-sundhed"].is_eu_funded
    assert content_now.initiatives["groen-sundhed"].focus_area.code == "groen-omstilling"
    assert content_now.taxonomies["funds"]["esf-plus"].eu
    (event,) = content_now.events.values()
    assert event.initiatives == ("groen-sundhed",) and event.contacts == ("sofie-holm",)
    assert event.start.isoformat() == "2027-02-04T09:30:00+01:00" and not event.past
    assert content_now.site.brand.primary == "#5c2d91"
    assert content_now.site.brand.typeface == "source-sans-3"

    # The two --now commands: before the embargo the release is withheld, at it published.
    before, at = NOW.findall(guide)
    counts = []
    for now in (before, at):
        result = build_py(content, "--now", now, "check")
        assert result.returncode == 0, result.stderr
        counts.append(int(re.search(r"(\d+) press releases", result.stdout).group(1)))
    assert counts[1] == counts[0] + 1
