"""No traceback, ever: every command reports a user's mistake in a line or two, and its status.

Each case runs build.py as a subprocess and asserts the exact message on stderr, the exit status,
and that nothing printed contains "Traceback".
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-25T12:00:00+00:00"
COMMANDS = [
    ["check"],
    ["build"],
    ["serve", "--port", "0"],
    ["new", "press", "Nyt"],
    ["translations"],
]


def build_py(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--now", NOW, "--quiet", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def assert_reports(result: subprocess.CompletedProcess, message: str, status: int = 1) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.stderr == message + "\n"
    assert result.returncode == status


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_missing_content_folder(tmp_path, command):
    missing = tmp_path / "nowhere"
    assert_reports(
        build_py("--content", str(missing), *command),
        f"error: content folder {missing} not found; run the command from the site's "
        "repository, or give --content DIR",
    )
    assert not missing.exists()  # `new` did not create it


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_content_option_that_is_a_file(tmp_path, command):
    file = tmp_path / "site.yaml"
    file.write_text("base_url: https://example.org/\n", encoding="utf-8")
    assert_reports(
        build_py("--content", str(file), *command),
        f"error: --content {file} is a file, not a folder; give the folder that holds site.yaml",
    )


def test_new_with_a_title_that_exists_names_the_file(minimal_content):
    first = build_py("--content", str(minimal_content), "new", "initiative", "Sund by")
    assert first.returncode == 0, first.stderr
    path = minimal_content / "initiatives" / "sund-by.yaml"
    assert first.stdout == f"{path}\n"
    before = path.read_bytes()
    assert_reports(
        build_py("--content", str(minimal_content), "new", "initiative", "Sund by"),
        f"error: {path} already exists; choose another title",
    )
    assert path.read_bytes() == before
    page = minimal_content / "pages" / "om.da.md"
    assert_reports(
        build_py("--content", str(minimal_content), "new", "page", "Om"),
        f"error: {page} already exists; choose another title",
    )


def test_a_site_folder_that_is_a_file(minimal_content, tmp_path):
    site = tmp_path / "site"
    site.write_text("not a folder", encoding="utf-8")
    assert_reports(
        build_py("--content", str(minimal_content), "build", "--site", str(site)),
        f"error: {site} is a file, not a folder; remove it, or build elsewhere with --site DIR",
    )
    assert site.read_text(encoding="utf-8") == "not a folder"
    site = tmp_path / "site" / "public"
    assert_reports(
        build_py("--content", str(minimal_content), "build", "--site", str(site)),
        f"error: {tmp_path / 'site'} is a file, not a folder; remove it, or build "
        "elsewhere with --site DIR",
    )


def test_a_site_folder_whose_parent_cannot_be_written(minimal_content, tmp_path):
    if os.geteuid() == 0:  # root writes anywhere chmod allows nothing; /sys refuses new folders
        parent = Path("/sys")
    else:
        parent = tmp_path / "read-only"
        parent.mkdir()
        parent.chmod(0o555)
    try:
        tempfile.mkdtemp(dir=parent)
        pytest.fail(f"{parent} is writable here")
    except OSError as exc:
        reason = exc.strerror
    site = parent / "site"
    assert_reports(
        build_py("--content", str(minimal_content), "build", "--site", str(site)),
        f"error: cannot write in {parent} ({reason}); check its permissions, or build "
        "elsewhere with --site DIR",
    )


def test_serve_on_a_port_in_use(minimal_content):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert_reports(
            build_py("--content", str(minimal_content), "serve", "--port", str(port)),
            f"error: port {port} is in use; stop the other server, or choose another "
            "port with --port",
        )


@pytest.mark.parametrize(
    "data",
    [b"", b"garbage\n", b'{"msgid": 1}\n', b"\xff\xfe\x00msgid"],
    ids=["empty", "text", "json", "binary"],
)
def test_importing_a_file_that_is_not_a_po_file(minimal_content, tmp_path, data):
    po = tmp_path / "en.po"
    po.write_bytes(data)
    assert_reports(
        build_py("--content", str(minimal_content), "translations", "--import", str(po)),
        f"error: {po} is not a PO file; give the file that `translations --export` "
        "wrote, after translation",
    )


def test_importing_a_po_file_that_does_not_exist(minimal_content, tmp_path):
    po = tmp_path / "missing.po"
    assert_reports(
        build_py("--content", str(minimal_content), "translations", "--import", str(po)),
        f"error: {po} not found; give the file that `translations --export` wrote",
    )


def test_importing_a_po_file_of_another_site_writes_nothing(minimal_content, tmp_path):
    po = tmp_path / "en.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        'msgctxt "content/press/elsewhere.yaml#title"\nmsgid "Hej"\nmsgstr "Hello"\n',
        encoding="utf-8",
    )
    before = tree_digest(minimal_content)
    assert_reports(
        build_py("--content", str(minimal_content), "translations", "--import", str(po)),
        f"error: {po} names content/press/elsewhere.yaml, which is not a content "
        "file here; import the PO file into the site it was exported from",
    )
    assert tree_digest(minimal_content) == before


def _wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _ctrl_c_as_in_a_terminal() -> None:
    """Ctrl+C reaches the command as it does in a terminal, also when the tests themselves run
    in the background, where the shell starts them with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_a_build_leaves_site_as_it_was(minimal_content, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "marker.txt").write_text("previous build", encoding="utf-8")
    before = tree_digest(site)
    build = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(minimal_content),
            "--now",
            NOW,
            "--quiet",
            "build",
            "--site",
            str(site),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    _wait_for(lambda: any(tmp_path.glob(".site-build-*")) or build.poll() is not None)
    build.send_signal(signal.SIGINT)
    stdout, stderr = build.communicate(timeout=300)
    result = subprocess.CompletedProcess(build.args, build.returncode, stdout, stderr)
    assert_reports(result, "interrupted; site/ was left as it was", 130)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]
    assert tree_digest(site) == before


@pytest.mark.parametrize(
    ("stop", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "kill"]
)
def test_ctrl_c_or_kill_stops_the_preview_and_removes_its_folder(
    minimal_content, tmp_path, stop, status
):
    temp = tmp_path / "tmp"
    temp.mkdir()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(minimal_content),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(temp)},
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )

    def listening() -> bool:
        with socket.socket() as client:
            return client.connect_ex(("127.0.0.1", port)) == 0 or serve.poll() is not None

    try:
        _wait_for(listening)
        assert any(temp.iterdir())  # the preview's pages
        serve.send_signal(stop)
        stdout, stderr = serve.communicate(timeout=60)
    finally:
        serve.kill()  # a server that did not stop would outlive the tests
    assert "Traceback" not in stdout + stderr
    assert stderr.endswith("\ninterrupted\n"), stderr  # the preview never touches site/
    assert serve.returncode == status
    assert list(temp.iterdir()) == []


def test_a_build_removes_the_folders_a_killed_build_left(minimal_content, tmp_path):
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(finished.stdout)  # a process that has ended
    for name in (
        f".site-build-{dead}-x1y2z3",
        f".site-old-{dead}",
        f".site-build-{os.getpid()}-running",
        ".site-old-notes",
    ):
        (tmp_path / name / "da").mkdir(parents=True)
    site = tmp_path / "site"
    result = build_py("--content", str(minimal_content), "build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    # The folder of a build still running (this test's process) is left alone, and so is a
    # folder that no build made.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f".site-build-{os.getpid()}-running",
        ".site-old-notes",
        "content",
        "site",
    ]


def test_a_build_killed_half_way_is_cleaned_up_by_the_next(minimal_content, tmp_path):
    site = tmp_path / "site"
    build = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(minimal_content),
            "--now",
            NOW,
            "--quiet",
            "build",
            "--site",
            str(site),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,
    )
    _wait_for(lambda: any(tmp_path.glob(".site-build-*")) or build.poll() is not None)
    os.killpg(build.pid, signal.SIGKILL)  # the build and its worker processes
    build.communicate(timeout=60)
    left = [p.name for p in tmp_path.glob(".site-build-*")]
    assert left and left[0].startswith(f".site-build-{build.pid}-")
    result = build_py("--content", str(minimal_content), "build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]
