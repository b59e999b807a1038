"""Images for the web: resized renditions of photos, and the original media files pages link to.

Renditions are made with Pillow at fixed widths, never upscaled, turned upright by their EXIF
orientation, converted to sRGB through their colour profile, without EXIF or other metadata, so
the same original always gives the same bytes. SVG files are published as they are.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from PIL import Image, ImageCms, ImageOps

from generator.content.loader import field_name
from generator.content.model import Content, ImageRef

if TYPE_CHECKING:
    from generator.outputs import Download

WIDTHS = (480, 720, 960)  # phones, phones at high density and tablets, desktops
JPEG_QUALITY = 82
WEB_DIR = "media/web"


@dataclass(frozen=True)
class Rendition:
    """One published size of an image; `path` is relative to the language root."""

    path: str
    width: int
    height: int


def web_rendition(content_root: Path, image_file: str) -> list[Rendition]:
    """The renditions of one image (`media/...` under content_root), smallest first.

    Widths above the original's are skipped, and an original narrower than the largest width is
    offered at its own width, so pages never show an upscaled photo. An SVG has one "rendition":
    the file itself, with the size from its width/height or viewBox.
    """
    source = Path(content_root) / image_file
    if _is_svg(image_file):
        width, height = _svg_size(source)
        return [Rendition(image_file, width, height)]
    with Image.open(source) as image:
        # Phone photos are often stored sideways with an EXIF orientation; measure them upright.
        width, height = _upright_size(image)
        ext = "png" if _has_alpha(image) else "jpg"
    widths = [w for w in WIDTHS if w <= width]
    if width < WIDTHS[-1]:
        widths.append(width)
    stem = posixpath.splitext(posixpath.basename(image_file))[0]
    return [
        Rendition(f"{WEB_DIR}/{stem}-{w}.{ext}", w, max(1, round(height * w / width)))
        for w in sorted(set(widths))
    ]


def intrinsic_size(content_root: Path, image_file: str) -> tuple[int, int]:
    """Width and height of a published image (`media/...` under content_root) as a page's
    width/height attributes give them, so the browser keeps its place before it loads: an SVG's
    width/height or viewBox, a photo's upright pixel size; (0, 0) when the file does not say."""
    source = Path(content_root) / image_file
    if _is_svg(image_file):
        return _svg_size(source)
    with Image.open(source) as image:
        return _upright_size(image)


def encode_rendition(content_root: Path, image_file: str, rendition: Rendition) -> bytes:
    """The bytes of one rendition (JPEG quality 82, or PNG when the original has transparency)."""
    source = Path(content_root) / image_file
    if _is_svg(image_file):
        return source.read_bytes()
    stat = source.stat()
    # Every size of the image from one decoding of the original, which is the slow part.
    sizes = tuple((r.width, r.height) for r in web_rendition(content_root, image_file))
    wanted = (rendition.width, rendition.height)
    if wanted not in sizes:
        sizes = (wanted,)
    encoded = _encode(
        str(source.resolve()),
        stat.st_mtime_ns,
        stat.st_size,
        sizes,
        rendition.path.endswith(".png"),
    )
    return encoded[sizes.index(wanted)]


def image_renditions(content: Content) -> dict[str, list[Rendition]]:
    """The renditions of each published photo, by its file."""
    return {
        image.file: web_rendition(content.root, image.file) for image in _content_images(content)
    }


def media_downloads(content: Content) -> list[Download]:
    """The logos and badges each language publishes itself, as `outputs.Download`s owned by the
    field that names them."""
    from generator.outputs import Download, FromRecord

    found = []
    for file, (path, keypath) in _media_references(content, photos=False).items():
        owner = FromRecord(
            "the file",
            path,
            content.line(path, keypath),
            field_name(keypath),
            "rename one of the two files",
        )
        found.append(Download(file, owner, (Path(content.root) / file).read_bytes))
    return found


def photo_downloads(content: Content) -> list[Download]:
    """Every photo's original and web sizes as `outputs.Download`s, relative to the site root
    (written once for all languages), owned by the field that names the original."""
    from generator.outputs import Download, FromRecord

    hint = "rename one of the two files"
    found = []
    for file, (path, keypath) in _media_references(content, photos=True).items():
        line, name = content.line(path, keypath), field_name(keypath)
        found.append(
            Download(
                file,
                FromRecord("the file", path, line, name, hint),
                (Path(content.root) / file).read_bytes,
            )
        )
        owner = FromRecord("a web size of the image", path, line, name, hint)
        for rendition in web_rendition(content.root, file):
            if rendition.path != file:  # an SVG is published as it is, once
                found.append(
                    Download(
                        rendition.path,
                        owner,
                        functools.partial(encode_rendition, content.root, file, rendition),
                    )
                )
    return found


def _media_references(content: Content, photos: bool) -> dict[str, tuple[str, tuple]]:
    """Originals the site publishes, with the first field that names each: (file, key path).

    With photos=False: the site logos, organisation logos and certification badges; with
    photos=True: the photos of published releases and initiatives. Sorted by file.
    """
    named: list[tuple[str, str, tuple]] = []
    if photos:
        # content.records holds published records only: drafts and embargoed ones never reach
        # this point, so neither do their photos.
        for record, image, keypath in _record_images(content):
            named.append((image.file, record.path, keypath))
    else:
        named += [
            (content.site.logo, content.site.path, ("logo",)),
            (content.site.logo_png, content.site.path, ("logo_png",)),
        ]
        named += [(o.logo, o.path, ("logo",)) for o in content.organisations.values() if o.logo]
        named += [(c.badge, c.path, ("badge",)) for c in content.certifications.values() if c.badge]
    first: dict[str, tuple[str, tuple]] = {}
    for file, path, keypath in sorted(named, key=lambda n: (n[1], content.line(n[1], n[2]))):
        first.setdefault(file, (path, keypath))
    return dict(sorted(first.items()))


def _record_images(content: Content) -> list[tuple]:
    """(record, image, key path of its file) of every photo of a published record, of any type
    that has `images` (a list), `image` or `photo` (one), and the home page's banner photo."""
    found = []
    if content.site.hero_image is not None:
        found.append((content.site, content.site.hero_image, ("hero_image", "file")))
    for records in content.records.values():
        for record in records.values():
            found += [
                (record, image, ("images", index, "file"))
                for index, image in enumerate(getattr(record, "images", ()))
            ]
            if getattr(record, "image", None) is not None:
                found.append((record, record.image, ("image", "file")))
            if getattr(record, "photo", None) is not None:
                found.append((record, record.photo, ("photo", "file")))
    return found


def _content_images(content: Content) -> list[ImageRef]:
    images = [image for _record, image, _keypath in _record_images(content)]
    return sorted({i.file: i for i in images}.values(), key=lambda i: i.file)


@functools.lru_cache(maxsize=64)
def _encode(
    source: str, mtime_ns: int, size: int, sizes: tuple[tuple[int, int], ...], png: bool
) -> tuple[bytes, ...]:
    """The encoded renditions of one original at `sizes` (width, height), in that order."""
    # mtime and size are part of the cache key so that `serve` picks up a replaced photo.
    with Image.open(source) as original:
        if original.format == "JPEG":
            # Decode a large JPEG at 1/2, 1/4 or 1/8 scale when that still leaves at least the
            # largest rendition's size: much faster than decoding every pixel of the original.
            width, height = max(sizes)
            sideways = original.getexif().get(0x0112, 1) in (5, 6, 7, 8)
            original.draft(original.mode, (height, width) if sideways else (width, height))
        icc = original.info.get("icc_profile")
        image = to_srgb(ImageOps.exif_transpose(original), icc)
        if png:
            image = image.convert("RGBA")
        elif image.mode not in ("RGB", "L"):
            image = _flatten(image)
        encoded = []
        for width, height in sizes:
            resized = image
            if image.size != (width, height):
                resized = image.resize((width, height), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            # Nothing but pixels, in sRGB (what browsers assume for an image without a
            # profile): no EXIF, no colour profile, no text chunks, no timestamps, so the bytes
            # depend on the pixels alone.
            if png:
                resized.save(out, "PNG", optimize=True)
            else:
                resized.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            encoded.append(out.getvalue())
        return tuple(encoded)


_SRGB = ImageCms.createProfile("sRGB")


def to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """The image's pixels in sRGB: converted through its colour profile when it has one (Adobe
    RGB, Display P3, a printer's CMYK), else CMYK converted plainly and the rest as it is."""
    if not icc:
        return image.convert("RGB") if image.mode == "CMYK" else image
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    alpha = image.getchannel("A") if image.mode in ("RGBA", "LA") else None
    colour = image.convert({"LA": "L", "RGBA": "RGB"}.get(image.mode, image.mode))
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(colour, profile, _SRGB, outputMode="RGB")
    except (OSError, ImageCms.PyCMSError):
        # A damaged or unusual profile: show the pixels as they are rather than fail the build.
        return image.convert("RGB") if image.mode == "CMYK" else image
    if alpha is not None:
        converted.putalpha(alpha)
    return converted


def _flatten(image: Image.Image) -> Image.Image:
    # JPEG has no transparency: put any transparent pixels on white rather than black.
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _has_alpha(image: Image.Image) -> bool:
    return image.format == "PNG" and (
        image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    )


def _upright_size(image: Image.Image) -> tuple[int, int]:
    orientation = image.getexif().get(0x0112, 1)
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _is_svg(image_file: str) -> bool:
    return image_file.lower().endswith(".svg")


_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")


def _svg_size(path: Path) -> tuple[int, int]:
    """Width and height of an SVG in CSS pixels, or (0, 0) when it does not say."""
    root = ElementTree.parse(path).getroot()
    width, height = (_LENGTH.match(root.get(a, "")) for a in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = root.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return round(float(box[2])), round(float(box[3]))
        except ValueError:
            pass
    return 0, 0
