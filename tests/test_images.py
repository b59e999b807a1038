"""Web renditions and copied media: sizes, formats, no upscaling, no metadata, same bytes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator import images
from generator.clock import build_now
from generator.images import Rendition, copy_media, media_files, photo_files, web_rendition
from generator.model import load_content

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NOW = "2026-11-25T12:00:00+00:00"


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = tmp_path_factory.mktemp("images") / "content"
    shutil.copytree(FIXTURE, root)
    return load_content(root, build_now(NOW))


def test_photo_gets_480_720_and_960(content):
    assert web_rendition(content.root, "media/press/solnedgang-over-odense.jpg") == [
        Rendition("media/web/solnedgang-over-odense-480.jpg", 480, 300),
        Rendition("media/web/solnedgang-over-odense-720.jpg", 720, 450),
        Rendition("media/web/solnedgang-over-odense-960.jpg", 960, 600),
    ]


def test_png_with_alpha_stays_png_and_is_never_upscaled(content):
    # 700 px wide: 480, and the original width instead of an upscaled 720.
    assert web_rendition(content.root, "media/press/diagram.png") == [
        Rendition("media/web/diagram-480.png", 480, 343),
        Rendition("media/web/diagram-700.png", 700, 500),
    ]


def test_small_photo_keeps_its_own_width(content):
    assert web_rendition(content.root, "media/initiatives/vaerksted.jpg") == [
        Rendition("media/web/vaerksted-400.jpg", 400, 300)
    ]


def test_svg_is_not_rasterised(content):
    assert web_rendition(content.root, "media/logos/klynge.svg") == [
        Rendition("media/logos/klynge.svg", 300, 100)
    ]


def test_rendition_files_have_the_advertised_sizes_and_no_metadata(content):
    files = photo_files(content)
    web = {path: data for path, data in files.items() if path.startswith("media/web/")}
    assert sorted(web) == [
        "media/web/diagram-480.png",
        "media/web/diagram-700.png",
        "media/web/solnedgang-over-odense-480.jpg",
        "media/web/solnedgang-over-odense-720.jpg",
        "media/web/solnedgang-over-odense-960.jpg",
        "media/web/vaerksted-400.jpg",
    ]
    for path, data in web.items():
        with Image.open(io.BytesIO(data)) as image:
            width = int(path.rsplit("-", 1)[1].split(".")[0])
            assert image.width == width
            assert image.format == ("PNG" if path.endswith(".png") else "JPEG")
            assert len(image.getexif()) == 0
            assert "exif" not in image.info
    with Image.open(io.BytesIO(web["media/web/solnedgang-over-odense-960.jpg"])) as image:
        assert image.size == (960, 600)
    with Image.open(io.BytesIO(web["media/web/diagram-480.png"])) as image:
        assert image.mode == "RGBA"


def test_renditions_are_byte_identical_across_runs(content):
    first = photo_files(content)
    images._encode.cache_clear()
    assert photo_files(content) == first


def test_each_language_copies_logos_and_badges_only(content):
    copied = copy_media(content)
    assert sorted(copied) == [
        "media/badges/guld.svg",
        "media/logos/klynge.png",
        "media/logos/klynge.svg",
        "media/logos/region-oest.png",
    ]
    for path, data in copied.items():
        assert data == (content.root / path).read_bytes()


def test_photo_originals_are_shared_at_their_path(content):
    files = photo_files(content)
    originals = [path for path in files if not path.startswith("media/web/")]
    assert originals == [
        "media/initiatives/vaerksted.jpg",
        "media/press/diagram.png",
        "media/press/solnedgang-over-odense.jpg",
    ]
    for path in originals:
        assert files[path] == (content.root / path).read_bytes()


def test_embargoed_release_photo_is_nowhere(content):
    files, renditions = media_files(content)
    assert not [path for path in [*files, *photo_files(content)] if "embargo" in path]
    assert "media/press/embargo-foto.jpg" not in renditions
    assert renditions["media/press/diagram.png"][-1].width == 700


def test_exif_orientation_is_applied_before_resizing(tmp_path):
    image = Image.new("RGB", (1200, 800), (10, 20, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: shown rotated 90 degrees
    (tmp_path / "media").mkdir()
    image.save(tmp_path / "media" / "sideways.jpg", exif=exif.tobytes())
    result = web_rendition(tmp_path, "media/sideways.jpg")
    assert result == [
        Rendition("media/web/sideways-480.jpg", 480, 720),
        Rendition("media/web/sideways-720.jpg", 720, 1080),
        Rendition("media/web/sideways-800.jpg", 800, 1200),
    ]
    data = images.encode_rendition(tmp_path, "media/sideways.jpg", result[0])
    with Image.open(io.BytesIO(data)) as out:
        assert out.size == (480, 720)


def test_two_originals_with_the_same_name_are_refused(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    shutil.copy(root / "media/press/diagram.png", root / "media/initiatives/diagram.png")
    text = (root / "initiatives/lokal-projekt.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "beneficiary: region-oest\n",
        "beneficiary: region-oest\nimages:\n"
        "  - file: media/initiatives/diagram.png\n    credit: X\n"
        "    licence: CC BY 4.0\n    da: {alt: a, caption: b}\n"
        "    en: {alt: a, caption: b}\n",
    )
    (root / "initiatives/lokal-projekt.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="both make media/web/diagram-480.png"):
        photo_files(load_content(root, build_now(NOW)))
