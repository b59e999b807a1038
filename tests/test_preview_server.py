"""The preview's web server: the site with its live-reload script, events, and extra mounts."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from generator.editor.preview_server import EVENTS_PATH, PreviewServer, PreviewState

PUBLIC = "https://www.klynge.example/"


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en" / "index.html").write_text(
        f'<html><body><a href="{PUBLIC}da/">Dansk</a></body></html>', encoding="utf-8"
    )
    (site / "en" / "feed.xml").write_text(f"<feed>{PUBLIC}</feed>", encoding="utf-8")
    (site / "404.html").write_text("<html><body>Not here</body></html>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    admin = tmp_path / "admin"
    admin.mkdir()
    (admin / "index.html").write_text("<html><body>Editor</body></html>", encoding="utf-8")
    running = PreviewServer(("127.0.0.1", 0), PreviewState(site), "/", PUBLIC)
    running.mount("/admin/", admin)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    yield running
    running.shutdown()
    running.server_close()


def _get(server, path: str) -> tuple[int, str]:
    url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_served_pages_get_the_live_reload_script_and_links_into_the_preview(server):
    status, page = _get(server, "/en/")
    assert status == 200
    assert 'href="/da/"' in page
    assert page.index(f"new EventSource('{EVENTS_PATH}')") < page.index("</body>")
    assert _get(server, "/en/feed.xml") == (200, f"<feed>{PUBLIC}</feed>")


def test_missing_pages_and_paths_outside_the_site_are_not_found(server):
    status, page = _get(server, "/en/nothing/")
    assert status == 404 and "Not here" in page
    assert _get(server, "/../secret.txt")[0] == 404
    assert _get(server, "/en/%2e%2e/%2e%2e/secret.txt")[0] == 404


def test_a_mounted_folder_is_served_as_it_is(server):
    assert _get(server, "/admin/") == (200, "<html><body>Editor</body></html>")


def test_the_event_stream_tells_pages_of_new_builds_and_errors(server):
    url = f"http://127.0.0.1:{server.server_address[1]}{EVENTS_PATH}"
    with urllib.request.urlopen(url, timeout=5) as stream:
        assert json.loads(stream.readline().decode().removeprefix("data: ")) == {
            "version": 1,
            "errors": [],
        }
        stream.readline()
        server.state.publish(errors=["content/x.yaml:3: start: not a date; write YYYY-MM-DD"])
        event = json.loads(stream.readline().decode().removeprefix("data: "))
        assert event["errors"] == ["content/x.yaml:3: start: not a date; write YYYY-MM-DD"]
        stream.readline()
        server.state.publish(site=server.state.site)
        assert json.loads(stream.readline().decode().removeprefix("data: ")) == {
            "version": 2,
            "errors": [],
        }


def test_a_page_closed_while_it_is_answered_is_not_reported(server, capsys):
    try:
        raise BrokenPipeError(32, "Broken pipe")
    except BrokenPipeError:
        server.handle_error(None, ("127.0.0.1", 1))
    try:
        raise ValueError("a real fault")
    except ValueError:
        server.handle_error(None, ("127.0.0.1", 1))
    err = capsys.readouterr().err
    assert "BrokenPipeError" not in err and "ValueError: a real fault" in err
