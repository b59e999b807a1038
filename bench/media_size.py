#!/usr/bin/env python3
"""How much one large photo adds to site/: build the bundled content, add a generated photo of
about 11 MB to its press release, build again, print the growth and where it went.

    python3 bench/media_size.py              # an 11 MB photo
    python3 bench/media_size.py 4            # a 4 MB photo
    python3 bench/media_size.py 11 --checkout /path/to/another/checkout

The photo is a JPEG with a smooth picture under fine grain, which compresses like a camera's
photo. Both builds run as of the same moment, with an empty PDF cache of their own.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-25T12:00:00+00:00"
RELEASE = "press/2019-06-19-eu-gold-label.yaml"
PHOTO = "media/press/large-photo.jpg"


def make_photo(path: Path, megabytes: float) -> int:
    """Write a JPEG of about `megabytes` MB (4:3, quality 92); returns its size in bytes."""
    # About 0.55 bytes per pixel at this grain and quality; widen until the file is big enough.
    pixels = megabytes * 1_000_000 / 0.55
    width = int((pixels * 4 / 3) ** 0.5)
    while True:
        height = width * 3 // 4
        base = Image.linear_gradient("L").resize((width, height))
        channels = [
            Image.blend(
                base.rotate(90 * i).resize((width, height)),
                Image.effect_noise((width, height), 40 + 4 * i),
                0.5,
            )
            for i in range(3)
        ]
        Image.merge("RGB", channels).save(path, "JPEG", quality=92)
        size = path.stat().st_size
        if size >= megabytes * 1_000_000 * 0.95:
            return size
        width = int(width * (megabytes * 1_000_000 / size) ** 0.5 * 1.02)


def add_photo(content: Path, photo: Path) -> None:
    """Put `photo` under content/media/press/ and add it to the bundled release's photos."""
    shutil.copy(photo, content / PHOTO)
    release = content / RELEASE
    text = release.read_text(encoding="utf-8")
    entry = (
        f"  - file: {PHOTO}\n    credit: Klyngen\n    licence: CC BY 4.0\n"
        "    da: {alt: Et stort foto, caption: Et stort foto}\n"
        "    en: {alt: A large photo, caption: A large photo}\n"
    )
    release.write_text(text.replace("images:\n", "images:\n" + entry, 1), encoding="utf-8")


def build(checkout: Path, content: Path, site: Path, cache: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(checkout / "build.py"),
            "--content",
            str(content),
            "--now",
            NOW,
            "--quiet",
            "build",
            "--site",
            str(site),
        ],
        capture_output=True,
        text=True,
        cwd=checkout,
        env={**os.environ, "KLYNGE_CACHE": str(cache)},
    )
    if result.returncode:
        sys.exit(result.stderr)


def tree_size(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_size
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("megabytes", type=float, nargs="?", default=11.0)
    parser.add_argument(
        "--checkout",
        type=Path,
        default=ROOT,
        help="the Klynge checkout whose build.py to measure (default: this one)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="klynge-media-size-") as tmp:
        work = Path(tmp)
        photo_size = make_photo(work / "photo.jpg", args.megabytes)
        before, after = work / "before", work / "after"
        shutil.copytree(ROOT / "content", before / "content")
        shutil.copytree(ROOT / "content", after / "content")
        add_photo(after / "content", work / "photo.jpg")
        build(args.checkout, before / "content", before / "site", work / "cache-before")
        build(args.checkout, after / "content", after / "site", work / "cache-after")
        old, new = tree_size(before / "site"), tree_size(after / "site")
    growth = sum(new.values()) - sum(old.values())
    print(f"photo:            {photo_size / 1e6:6.2f} MB")
    print(f"site/ before:     {sum(old.values()) / 1e6:6.2f} MB")
    print(f"site/ after:      {sum(new.values()) / 1e6:6.2f} MB")
    print(f"growth:           {growth / 1e6:6.2f} MB = {growth / photo_size:.2f} x the photo")
    print("largest changes:")
    changes = {path: new.get(path, 0) - old.get(path, 0) for path in {*old, *new}}
    for path, delta in sorted(changes.items(), key=lambda kv: -abs(kv[1]))[:8]:
        print(f"  {delta / 1e6:+7.2f} MB  {path}")


if __name__ == "__main__":
    main()
