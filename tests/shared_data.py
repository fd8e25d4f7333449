"""Locate ../shared/data (development data by others); tests skip cleanly where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared_file(relative: str) -> Path:
    """Path of a file under ../shared/data, or skip the test with a message."""
    path = SHARED_DATA / relative
    if not path.is_file():
        pytest.skip(
            f"{path} not found: the shared development data sits beside the repository only on developer machines and CI"
        )
    return path
