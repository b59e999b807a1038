"""What an image file must be before it is published: fully decodable, what its name says, of a
sane size, and (for SVG) free of scripts and of references to other files or hosts.

`check` checks every image the content uses, so a damaged photo is a content error naming the
YAML line that uses it, not a failure halfway through a build.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers import expat

from PIL import Image, ImageFile

# The largest image we decode: 120 megapixels (a 100-megapixel medium-format camera fits; a
# 12,000 x 10,000 pixel photo is about 360 MB in memory while it is resized). Larger files are
# nearly always scans or decompression bombs: small files that declare a huge size.
MAX_PIXELS = 120_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
FORMAT_NAMES = {
    "PNG": "PNG",
    "JPEG": "JPEG",
    "GIF": "GIF",
    "WEBP": "WebP",
    "TIFF": "TIFF",
    "BMP": "BMP",
    "HEIF": "HEIC",
    "MPO": "JPEG",
}
SVG_NS = "http://www.w3.org/2000/svg"
_HREF = {"href", "{http://www.w3.org/1999/xlink}href", "src"}
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?(?!#)", re.I)
_AGAIN = "save the image again as PNG, JPEG or SVG"


class ImageProblem(ValueError):
    """Why an image file cannot be published: `message; hint` for a content error."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message = message
        self.hint = hint


def check_image(path: Path, shown: str) -> None:
    """Decode the whole image at `path`; raise ImageProblem saying what is wrong with it.

    `shown` is the path as the editor wrote it, for the message.
    """
    suffix = path.suffix.lower()
    if suffix == ".svg":
        check_svg(path.read_bytes(), shown)
        return
    expected = FORMATS[suffix]
    with warnings.catch_warnings():
        # Pillow only warns between MAX_PIXELS and twice that; a bomb is an error at any size.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                found = image.format
                size = image.size
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise _too_large(shown, None) from None
        except Exception:  # noqa: BLE001 - Pillow raises many kinds for a file it cannot read
            raise ImageProblem(
                f"'{shown}' is not a real image",
                "the file is damaged or is not what its name says; " + _AGAIN,
            ) from None
        if found not in ("PNG", "JPEG", "MPO"):
            raise ImageProblem(
                f"'{shown}' is a {FORMAT_NAMES.get(found, found)} image, not {expected}",
                "open it in an image editor and " + _AGAIN,
            )
        if {"MPO": "JPEG"}.get(found, found) != expected:
            right = Path(shown).stem + (".png" if found == "PNG" else ".jpg")
            raise ImageProblem(
                f"'{shown}' is a {FORMAT_NAMES[found]} image, not {expected} as its name says",
                f"rename the file to {right} and write that name here",
            )
        if size[0] * size[1] > MAX_PIXELS:
            raise _too_large(shown, size)
        # WeasyPrint, once imported, lets Pillow fill a cut-off image with grey; not here.
        lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            with Image.open(path) as image:
                if found == "PNG":
                    image.verify()  # checksums of every chunk
            with Image.open(path) as image:
                image.load()  # every pixel: a truncated file fails here, not in the build
        except Exception:  # noqa: BLE001
            raise ImageProblem(
                f"'{shown}' is damaged: its image data is cut off or broken",
                "the file was not copied completely; copy it again from the original, or " + _AGAIN,
            ) from None
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _too_large(shown: str, size: tuple[int, int] | None) -> ImageProblem:
    limit = f"{MAX_PIXELS // 1_000_000} megapixels"
    if size is None:
        return ImageProblem(
            f"'{shown}' declares a size larger than {limit}",
            f"scale the image down to at most {limit} and save it again",
        )
    return ImageProblem(
        f"'{shown}' is {size[0]} x {size[1]} pixels, more than {limit}",
        f"scale the image down to at most {limit} and save it again",
    )


def check_svg(data: bytes, shown: str) -> ElementTree.Element:
    """Parse an SVG without expanding entities; refuse scripts, event handlers and references to
    other files or hosts, which a browser or the PDF renderer would run or fetch."""
    try:
        root = parse_xml(data)
    except (expat.ExpatError, ValueError):
        raise ImageProblem(
            f"'{shown}' is not a real image",
            "the file is damaged or is not what its name says; " + _AGAIN,
        ) from None
    if root.tag not in ("svg", f"{{{SVG_NS}}}svg"):
        raise ImageProblem(
            f"'{shown}' is not a real image",
            "the file is damaged or is not what its name says; " + _AGAIN,
        )
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("script", "foreignObject"):
            raise ImageProblem(
                f"'{shown}' contains a <{tag}> element",
                "an SVG on the site must be a plain drawing; export it again "
                "without scripts or embedded HTML",
            )
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                raise ImageProblem(
                    f"'{shown}' contains an event handler ({local}=)",
                    "an SVG on the site must be a plain drawing; export it again without scripts",
                )
            if (name in _HREF and not value.strip().startswith(("#", "data:image/"))) or (
                local == "style" and _OUTSIDE_URL.search(value)
            ):
                raise ImageProblem(
                    f"'{shown}' refers to another file ({value.strip()[:60]})",
                    "embed the picture in the SVG, or save the drawing as PNG",
                )
        if tag == "style" and (
            _OUTSIDE_URL.search(element.text or "") or "@import" in (element.text or "")
        ):
            raise ImageProblem(
                f"'{shown}' refers to another file in its styles",
                "embed the picture in the SVG, or save the drawing as PNG",
            )
    return root


def parse_xml(data: bytes) -> ElementTree.Element:
    """An ElementTree from XML bytes, refusing entity declarations and external entities (the
    'billion laughs' and file-reading attacks) instead of expanding them."""
    builder = ElementTree.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def qualified(name: str) -> str:
        return "{" + name if "}" in name else name

    def refuse(*_args) -> None:
        raise ValueError("entities are not allowed")

    parser.StartElementHandler = lambda tag, attrs: builder.start(
        qualified(tag), {qualified(k): v for k, v in attrs.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(qualified(tag))
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.buffer_text = True
    parser.ordered_attributes = False
    parser.Parse(data, True)
    return builder.close()
