"""Progress bars on a terminal, silence elsewhere (CI, notebooks writing to files, pipes)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress_enabled() -> bool:
    """True when stderr is a terminal and NLP_INTEGRATION_PROGRESS is not '0'."""
    if os.environ.get("NLP_INTEGRATION_PROGRESS") == "0":
        return False
    return sys.stderr.isatty() or os.environ.get("NLP_INTEGRATION_PROGRESS") == "1"


def track(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Yield from ``items`` with a rich progress bar when one is wanted."""
    if not progress_enabled():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track as rich_track

    yield from rich_track(
        items, description=description, total=total, console=Console(stderr=True), transient=True
    )
