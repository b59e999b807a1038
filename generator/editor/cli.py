"""Command-line parsing for build.py: turns arguments into calls of the generator's steps."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from generator.clock import build_now
from generator.content.types import CONTENT_TYPES
from generator.editor.scaffold import site_languages_of
from generator.errors import ContentInvalid, UserError
from generator.languages import codes
from generator.site.mkdocs_adapter import BuildFailed


def main(argv: list[str], root: Path, parser: argparse.ArgumentParser) -> int:
    parser.add_argument(
        "--content", type=Path, default=root / "content", help="content folder (default: content/)"
    )
    parser.add_argument(
        "--now",
        help="build as of this moment, e.g. '2026-12-10 08:00' (a time "
        "in the site's time zone, site.yaml timezone:) or "
        "2026-12-10T08:00:00+01:00 (default: SOURCE_DATE_EPOCH, else the "
        "current time)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    commands = parser.add_subparsers(dest="command")
    build = commands.add_parser("build", help="check the content and build site/ (default)")
    build.add_argument("--site", type=Path, default=root / "site", help="output folder")
    commands.add_parser("check", help="check the content and report every problem")
    serve = commands.add_parser("serve", help="live preview of the site in every language")
    serve.add_argument(
        "--lang", choices=codes(), help="language to open (default: the first of site.yaml)"
    )
    serve.add_argument("--port", type=int, default=8000)
    new = commands.add_parser("new", help="start a new record from a scaffold")
    new.add_argument("kind", choices=[t.kind for t in CONTENT_TYPES])
    new.add_argument("title")
    translations = commands.add_parser(
        "translations", help="report missing and outdated translations; export or import a PO file"
    )
    translations.add_argument("--export", type=Path, metavar="FILE.po")
    translations.add_argument("--import", dest="import_", type=Path, metavar="FILE.po")
    translations.add_argument(
        "--lang", choices=codes(), help="default: every language of the site but the first"
    )
    verify = commands.add_parser(
        "verify",
        help="build, then check links, HTML, accessibility and leaks (a pull request's CI)",
    )
    verify.add_argument(
        "--changed-since",
        metavar="REF",
        help="check HTML and accessibility only of pages whose content changed since this git "
        "commit (default: every page)",
    )
    verify.add_argument(
        "--site", type=Path, help="build into this folder (default: a temporary one)"
    )
    args = parser.parse_args(argv)
    command = args.command or "build"
    try:
        now = build_now(args.now)
    except ValueError as exc:
        parser.error(str(exc))
    # A stop asked for by a service manager or `timeout` (SIGTERM) cleans up as Ctrl+C does.
    previous = signal.signal(signal.SIGTERM, _stop_on_terminate)
    try:
        _require_content_folder(args.content)
        return _run(command, args, root, now)
    except (ContentInvalid, BuildFailed, UserError, OSError, KeyboardInterrupt) as exc:
        return _report_failure(exc, command)
    finally:
        signal.signal(signal.SIGTERM, previous)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that temporary folders are removed."""


def _stop_on_terminate(signum, frame) -> None:
    raise Terminated()


def _run(command: str, args: argparse.Namespace, root: Path, now) -> int:
    if command == "check":
        return _check(args.content, now)
    if command == "build":
        from generator.pipeline import build_site

        build_site(args.content, getattr(args, "site", root / "site"), root, now, quiet=args.quiet)
        return 0
    if command == "serve":
        from generator.editor.cms_backend import preview_mounts
        from generator.editor.preview import serve

        lang = args.lang or site_languages_of(Path(args.content))[0]
        with preview_mounts(Path(args.content)) as mounts:
            return serve(args.content, root, lang, args.port, args.now, mounts=mounts)
    if command == "new":
        from generator.editor.scaffold import new_record

        print(new_record(args.content, args.kind, args.title, now))
        return 0
    if command == "verify":
        from generator.editor.verify import verify

        return verify(args.content, root, now, args.changed_since, args.site)
    from generator.editor.translations import run_translations

    return run_translations(args.content, now, args.lang, args.export, args.import_)


def _report_failure(exc: BaseException, command: str = "build") -> int:
    """The one place that turns what went wrong into what the user reads: a line or two, never a
    traceback. Returns the exit status."""
    if isinstance(exc, ContentInvalid):
        _report(exc)
        return 1
    # Only `build` writes site/; the other commands build into temporary folders, if at all.
    kept = "; site/ was left as it was" if command == "build" else ""
    if isinstance(exc, BuildFailed):
        print(exc, file=sys.stderr)
        print(f"The build failed{kept}.", file=sys.stderr)
        return 1
    if isinstance(exc, KeyboardInterrupt):
        print(f"interrupted{kept}", file=sys.stderr)
        # 128 + the signal, as shells report a program stopped with Ctrl+C or with kill
        return 143 if isinstance(exc, Terminated) else 130
    if isinstance(exc, OSError):  # a problem of the machine (disk full, permissions) at any step
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"error: {exc}", file=sys.stderr)
    return 1


def _require_content_folder(content: Path) -> None:
    if content.is_file():
        raise UserError(
            f"--content {content} is a file, not a folder", "give the folder that holds site.yaml"
        )
    if not content.is_dir():
        raise UserError(
            f"content folder {content} not found",
            "run the command from the site's repository, or give --content DIR",
        )


def _check(content: Path, now) -> int:
    from generator.content.model import load_content
    from generator.outputs import claim_site
    from generator.site.urls import build_url_map

    model = load_content(content, now)
    claim_site(model, build_url_map(model))  # two outputs on one path are content errors too
    for warning in model.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    counts = ", ".join(f"{n} {name}" for name, n in model.counts().items())
    withheld = f" ({len(model.withheld)} withheld: draft or embargoed)" if model.withheld else ""
    print(f"content OK: {counts}{withheld}")
    return 0


def _report(exc: ContentInvalid) -> None:
    for error in exc.errors:
        print(error, file=sys.stderr)
    count = len(exc.errors)
    print(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.", file=sys.stderr)
