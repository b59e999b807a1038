"""The live preview: it rebuilds on every change and survives content errors."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return None


def test_preview_rebuilds_on_change_and_survives_content_errors(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "build.py"),
                "--content",
                str(content),
                "serve",
                "--lang",
                "en",
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    try:
        url = f"http://127.0.0.1:{port}/initiatives/healthy-weight/"
        page = _wait_for(lambda: _get(url), 90)
        assert page and "Healthy Weight" in page, log.read_text()
        source = content / "initiatives" / "sund-vaegt.yaml"
        original = source.read_text(encoding="utf-8")
        source.write_text(
            original.replace("Healthy Weight", "Healthy Weight Preview"), encoding="utf-8"
        )
        assert _wait_for(lambda: "Healthy Weight Preview" in (_get(url) or ""), 60), log.read_text()
        source.write_text(
            original.replace("start: 2021-11-23", "start: 23.11.2021"), encoding="utf-8"
        )
        assert _wait_for(lambda: "'23.11.2021'" in log.read_text(), 60), log.read_text()
        # The last good version stays on screen.
        assert _wait_for(lambda: "Healthy Weight Preview" in (_get(url) or ""), 60)
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)
