"""Image files before publishing: real, what their name says, of sane size, SVGs without scripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from generator.content.imagecheck import ImageProblem, check_image, check_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}</svg>'


def _problem(path: Path, shown: str) -> tuple[str, str]:
    with pytest.raises(ImageProblem) as raised:
        check_image(path, shown)
    return raised.value.message, raised.value.hint


def test_a_good_png_and_jpeg_pass(tmp_path):
    Image.new("RGB", (8, 8)).save(tmp_path / "a.png")
    Image.new("RGB", (8, 8)).save(tmp_path / "b.jpg")
    check_image(tmp_path / "a.png", "media/a.png")
    check_image(tmp_path / "b.jpg", "media/b.jpg")


def test_a_file_that_is_not_what_its_name_says(tmp_path):
    Image.new("RGB", (8, 8)).save(tmp_path / "photo.jpg", "PNG")
    assert _problem(tmp_path / "photo.jpg", "media/photo.jpg") == (
        "'media/photo.jpg' is a PNG image, not JPEG as its name says",
        "rename the file to photo.png and write that name here",
    )
    Image.new("RGB", (8, 8)).save(tmp_path / "photo.png", "GIF")
    assert _problem(tmp_path / "photo.png", "media/photo.png") == (
        "'media/photo.png' is a GIF image, not PNG",
        "open it in an image editor and save the image again as PNG, JPEG or SVG",
    )


def test_a_damaged_or_cut_off_file(tmp_path):
    (tmp_path / "text.jpg").write_text("not an image")
    assert _problem(tmp_path / "text.jpg", "media/text.jpg")[0] == (
        "'media/text.jpg' is not a real image"
    )
    Image.new("RGB", (200, 200), (200, 10, 10)).save(tmp_path / "cut.jpg")
    data = (tmp_path / "cut.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    assert _problem(tmp_path / "cut.jpg", "media/cut.jpg")[0] == (
        "'media/cut.jpg' is damaged: its image data is cut off or broken"
    )


def test_svg_without_scripts_or_outside_files():
    check_svg(SVG.format('<rect width="5" height="5" fill="url(#g)"/>').encode(), "a.svg")
    cases = {
        "<script>alert(1)</script>": "'a.svg' contains a <script> element",
        '<rect onload="x()"/>': "'a.svg' contains an event handler (onload=)",
        '<image href="https://x.example/a.png"/>': (
            "'a.svg' refers to another file (https://x.example/a.png)"
        ),
    }
    for inner, message in cases.items():
        with pytest.raises(ImageProblem) as raised:
            check_svg(SVG.format(inner).encode(), "a.svg")
        assert raised.value.message == message
