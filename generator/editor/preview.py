"""`build.py serve`: a live preview of one language that rebuilds when content or theme change.

A content error is printed in the terminal and the server goes on serving the last good build.
"""

from __future__ import annotations

import errno
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from generator import paths
from generator.clock import build_now
from generator.content.model import load_content
from generator.errors import ContentInvalid, UserError
from generator.pipeline import language_build, write_docs
from generator.site.mkdocs_adapter import serve_language
from generator.site.urls import build_url_map


def serve(
    content_dir: Path,
    root: Path,
    lang: str,
    port: int,
    now_option: str | None = None,
    host: str = "127.0.0.1",
) -> int:
    """Serve one language with live reload until interrupted.

    "Now" is taken afresh on every rebuild (an embargo lifts while the preview runs), or fixed
    with --now to preview the site as it will look at that moment.
    """
    _check_port(host, port)
    folder = Path(tempfile.mkdtemp(prefix=f"klynge-preview-{lang}-"))
    try:
        return _serve(content_dir, root, lang, port, now_option, host, folder / "docs")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _check_port(host: str, port: int) -> None:
    """Say so at once when the port is taken, rather than after the first build."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UserError(
                    f"port {port} is in use",
                    "stop the other server, or choose another port with --port",
                ) from None
            raise UserError(
                f"cannot listen on {host}:{port} ({exc.strerror})",
                "choose another port with --port",
            ) from None


def _serve(
    content_dir: Path,
    root: Path,
    lang: str,
    port: int,
    now_option: str | None,
    host: str,
    docs: Path,
) -> int:
    """Write the docs folder once, then hand over to MkDocs' live-reload server."""

    def regenerate() -> None:
        try:
            content = load_content(content_dir, build_now(now_option))
        except ContentInvalid as exc:
            for error in exc.errors:
                print(error, file=sys.stderr)
            print(
                f"{len(exc.errors)} problem(s); still showing the last good version.",
                file=sys.stderr,
                flush=True,
            )
            return  # the docs folder keeps the last good pages, and MkDocs rebuilds from them
        _print_warnings(content)
        _write_docs(content, build_url_map(content), lang, docs)

    try:
        content = load_content(content_dir, build_now(now_option))
    except ContentInvalid as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print("Fix these problems, then start the preview again.", file=sys.stderr)
        return 1
    _print_warnings(content)
    urls = build_url_map(content)
    _write_docs(content, urls, lang, docs)
    build = language_build(content, urls, lang, docs, docs.parent / "unused")
    print(
        f"Preview of the {lang} site at http://{host}:{port}/ (Ctrl+C stops it)",
        file=sys.stderr,
        flush=True,
    )
    serve_language(
        root / "mkdocs.yml", build, [content_dir, paths.TEMPLATES], host, port, regenerate
    )
    # MkDocs' server runs until Ctrl+C, which it catches itself: returning means interrupted.
    raise KeyboardInterrupt


def _write_docs(content, urls, lang: str, docs: Path) -> None:
    """The language's pages and downloads, with the press kits' PDFs in every language."""
    from generator.newsroom.pdf import release_pdfs  # WeasyPrint loads only when previewing

    write_docs(content, urls, lang, docs, release_pdfs(content, urls))


def _print_warnings(content) -> None:
    for warning in content.warnings:
        print(f"warning: {warning}", file=sys.stderr, flush=True)
