"""Web renditions and copied media: sizes, formats, no upscaling, no metadata, same bytes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.clock import build_now
from generator.content.model import load_content
from generator.errors import ContentInvalid
from generator.newsroom import images
from generator.newsroom.images import (
    Rendition,
    image_renditions,
    media_downloads,
    photo_downloads,
    web_rendition,
)
from generator.outputs import claim_site
from generator.site.urls import build_url_map

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NOW = "2026-11-25T12:00:00+00:00"


def photo_files(content) -> dict[str, bytes]:
    """The shared photo files as the build writes them, by path relative to the site root."""
    return dict(sorted((d.path, d.make()) for d in photo_downloads(content)))


def copy_media(content) -> dict[str, bytes]:
    """The logos and badges each language folder holds, as the build writes them."""
    return {d.path: d.make() for d in media_downloads(content)}


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
    files, renditions = copy_media(content), image_renditions(content)
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
    content = load_content(root, build_now(NOW))
    with pytest.raises(ContentInvalid) as raised:
        claim_site(content, build_url_map(content))
    assert [str(e) for e in raised.value.errors] == [
        "content/press/2026-03-02-eu-stoette.yaml:23: images[1].file: /media/web/diagram-480.png"
        " is already a web size of the image of content/initiatives/lokal-projekt.yaml:11;"
        " rename one of the two files"
    ]


def _adobe_rgb_profile() -> bytes:
    """A minimal ICC v2 display profile with the Adobe RGB (1998) primaries and gamma 2.2."""
    import struct

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(struct.pack(">i", round(v * 65536)) for v in (x, y, z))

    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"
    name = b"Adobe RGB test\0"
    desc = (
        b"desc\0\0\0\0" + struct.pack(">I", len(name)) + name + b"\0" * 8 + b"\0\0\0" + b"\0" * 67
    )
    tags = [
        (b"desc", desc),
        (b"cprt", b"text\0\0\0\0none\0"),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.6097, 0.3111, 0.0195)),
        (b"gXYZ", xyz(0.2053, 0.6257, 0.0609)),
        (b"bXYZ", xyz(0.1492, 0.0632, 0.7446)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + b"none"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + b"\0\0\0\0"
        + xyz(0.9642, 1.0, 0.8249)[8:]
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def _rendition_pixel(root: Path, name: str) -> tuple:
    rendition = web_rendition(root, f"media/{name}")[0]
    data = images.encode_rendition(root, f"media/{name}", rendition)
    assert images.encode_rendition(root, f"media/{name}", rendition) == data
    with Image.open(io.BytesIO(data)) as out:
        assert out.mode == "RGB"
        assert "icc_profile" not in out.info  # plain sRGB, as browsers assume
        return out.getpixel((out.width // 2, out.height // 2))


def test_adobe_rgb_photo_is_converted_to_srgb(tmp_path):
    from PIL import ImageCms

    (tmp_path / "media").mkdir()
    profile = _adobe_rgb_profile()
    colour = (40, 160, 60)
    Image.new("RGB", (600, 400), colour).save(
        tmp_path / "media" / "adobe.jpg", quality=95, icc_profile=profile
    )
    expected = ImageCms.profileToProfile(
        Image.new("RGB", (1, 1), colour),
        ImageCms.ImageCmsProfile(io.BytesIO(profile)),
        ImageCms.createProfile("sRGB"),
    ).getpixel((0, 0))
    # Adobe RGB's green is more saturated than sRGB's: the same numbers mean another colour.
    assert max(abs(a - b) for a, b in zip(expected, colour, strict=True)) > 20
    pixel = _rendition_pixel(tmp_path, "adobe.jpg")
    assert max(abs(a - b) for a, b in zip(pixel, expected, strict=True)) <= 4


def test_cmyk_jpeg_becomes_rgb_with_the_right_colours(tmp_path):
    (tmp_path / "media").mkdir()
    Image.new("CMYK", (600, 400), (0, 255, 255, 0)).save(
        tmp_path / "media" / "cmyk.jpg", quality=95
    )
    red, green, blue = _rendition_pixel(tmp_path, "cmyk.jpg")
    assert red > 230 and green < 25 and blue < 25  # full magenta and yellow ink: red


def test_intrinsic_size_is_the_svg_box_or_the_upright_photo_size(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "badge.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 120"></svg>', "utf-8"
    )
    (tmp_path / "media" / "bare.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"></svg>', "utf-8"
    )
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: shown 20 wide and 30 high
    Image.new("RGB", (30, 20)).save(tmp_path / "media" / "photo.jpg", exif=exif)
    assert images.intrinsic_size(tmp_path, "media/badge.svg") == (240, 120)
    assert images.intrinsic_size(tmp_path, "media/bare.svg") == (0, 0)
    assert images.intrinsic_size(tmp_path, "media/photo.jpg") == (20, 30)
