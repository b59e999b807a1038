#!/usr/bin/env python3
"""Klynge's command line: check the content, build the site, preview it, start new records.

python build.py                  check and build site/ (same as `build`)
python build.py check            check content/ and report every problem
python build.py serve --lang en  live preview of one language
python build.py new press "Title"
python build.py translations     what is missing or out of date in a language
python build.py verify --changed-since origin/main   a pull request's quick site check
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from generator.editor import cli  # noqa: E402

if __name__ == "__main__":
    sys.exit(cli.main(sys.argv[1:], ROOT, argparse.ArgumentParser(prog="build.py")))
