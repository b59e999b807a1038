"""The web editor's local backend (generator/editor/cms_backend.py): the CMS's reads and writes
against a copy of the content, on 127.0.0.1 only, stopped with its block."""

from __future__ import annotations

import json
import shutil
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from generator.editor.cms_backend import local_editor, write_record

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def _post(base: str, action: str, **params) -> tuple[int, object]:
    request = urllib.request.Request(
        base + "api/v1",
        data=json.dumps({"action": action, "params": params}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_the_editor_and_its_backend_listen_on_127_0_0_1_and_stop_with_the_block(content):
    with local_editor(content) as base:
        assert base.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(base + "admin/", timeout=10) as page:
            assert b'<script src="decap-cms.js"></script>' in page.read()
        with urllib.request.urlopen(base + "admin/config.yml", timeout=10) as answer:
            config = yaml.safe_load(answer.read())
        assert config["local_backend"]["url"] == base + "api/v1"
        assert _post(base, "info")[1]["type"] == "local_fs"
        status, entries = _post(base, "entriesByFolder", folder="content/people", extension="yaml")
        assert status == 200
        assert [e["file"]["path"] for e in entries] == [
            "content/people/anne-bach-stisen.yaml",
            "content/people/christian-graversen.yaml",
            "content/people/mette-thiel.yaml",
        ]
        port = int(base.rstrip("/").rsplit(":", 1)[1])
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_the_backend_stops_on_ctrl_c(content):
    with pytest.raises(KeyboardInterrupt), local_editor(content) as base:
        port = int(base.rstrip("/").rsplit(":", 1)[1])
        raise KeyboardInterrupt
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_the_backend_reads_and_writes_nothing_outside_content(content):
    (content.parent / "secret.txt").write_text("no", encoding="utf-8")
    with local_editor(content) as base:
        status, answer = _post(base, "getEntry", path="secret.txt")
        assert (status, answer) == (403, {"error": "secret.txt is outside content/"})
        status, _ = _post(base, "getEntry", path="content/../secret.txt")
        assert status == 403
        status, _ = _post(
            base, "persistMedia", asset={"path": "../x.png", "content": "", "encoding": "base64"}
        )
        assert status == 403
    assert not (content.parent.parent / "x.png").exists()


def test_the_backend_lists_and_stores_the_media_of_one_subfolder(content):
    with local_editor(content) as base:
        status, answer = _post(base, "getMedia", mediaFolder="content/media/press")
        assert status == 200
        assert [(m["name"], m["path"]) for m in answer] == [
            ("gold-label-illustration.png", "content/media/press/gold-label-illustration.png")
        ]
        status, answer = _post(base, "getMedia", mediaFolder="content/media/people")
        assert (status, answer) == (200, [])  # a folder not made yet is empty
        status, answer = _post(
            base,
            "persistMedia",
            asset={
                "path": "content/media/people/sofie.png",
                "content": "eA==",
                "encoding": "base64",
            },
        )
        assert (status, answer["path"]) == (200, "content/media/people/sofie.png")
        status, answer = _post(base, "getMedia", mediaFolder="content/media/people")
        assert [m["name"] for m in answer] == ["sofie.png"]
    assert (content / "media" / "people" / "sofie.png").read_bytes() == b"x"


def test_an_existing_file_keeps_its_comments_and_order_when_one_value_changes(content):
    path = content / "initiatives" / "region-syddanmark-partnership.yaml"
    before = path.read_text(encoding="utf-8")
    data = yaml.safe_load(before)
    data["funding"][0]["amount"] = 3500000
    raw = json.dumps(data, default=str, ensure_ascii=False)  # the CMS's order and quoting
    write_record(path, path, raw, content)
    assert path.read_text(encoding="utf-8") == before.replace(
        "amount: 3000000\n", "amount: 3500000\n"
    )


def test_a_new_file_is_written_in_the_schemas_order_with_times_quoted(content):
    path = content / "people" / "ny-person.yaml"
    raw = (
        "en:\n  role: Press officer\nname: Ny Person\nda:\n  role: Pressemedarbejder\n"
        "email: ''\npress_contact: true\nlanguages: [da]\n"
    )
    write_record(path, path, raw, content)
    assert path.read_text(encoding="utf-8") == (
        "name: Ny Person\npress_contact: true\nlanguages:\n  - da\n"
        "da:\n  role: Pressemedarbejder\nen:\n  role: Press officer\n"
    )


def _preflight(base: str, origin: str) -> str | None:
    request = urllib.request.Request(base + "api/v1", method="OPTIONS", headers={"Origin": origin})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.headers.get("Access-Control-Allow-Origin")


def test_a_page_on_another_local_port_may_call_the_backend_and_no_other_site(content):
    with local_editor(content) as base:
        assert _preflight(base, "http://127.0.0.1:8000") == "http://127.0.0.1:8000"
        assert _preflight(base, "http://localhost:8000") == "http://localhost:8000"
        assert _preflight(base, "https://evil.example") is None


def test_a_page_of_another_site_cannot_write_to_the_working_copy(content):
    with local_editor(content) as base:
        request = urllib.request.Request(
            base + "api/v1",
            data=b'{"action": "deleteFile", "params": {"path": "content/site.yaml"}}',
            headers={"Content-Type": "text/plain", "Origin": "https://evil.example"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403
    assert (content / "site.yaml").is_file()


def test_the_preview_serves_the_site_alone_when_the_editor_is_not_installed(
    tmp_path, monkeypatch, capsys
):
    from generator.editor import cms_backend

    def missing():
        raise FileNotFoundError("node_modules/decap-cms/dist/decap-cms.js is missing")

    monkeypatch.setattr(cms_backend, "cms_script_files", missing)
    with cms_backend.preview_mounts(tmp_path) as mounts:
        assert mounts == {}
    assert capsys.readouterr().err == (
        "note: the web editor is not served: its files come from npm; run `npm ci` in the "
        "project folder to add it at /admin/\n"
    )
