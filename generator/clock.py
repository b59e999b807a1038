"""The build's one notion of "now": from --now, else SOURCE_DATE_EPOCH, else the clock."""

from __future__ import annotations

import os
from datetime import UTC, datetime


def build_now(option: str | None = None) -> datetime:
    """The moment that decides embargoes, initiative status and certification validity."""
    if option:
        moment = datetime.fromisoformat(option)
        if moment.tzinfo is None:
            raise ValueError(f"--now {option!r} needs a timezone, e.g. {option}+01:00")
        return moment.astimezone(UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)
