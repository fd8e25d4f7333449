"""Reports over the finished tables of a run folder: ``report.html``, ``summary.md``, ``report.xlsx``.

Rendering never recomputes an analysis: it reads the stored tables (see DEVELOPERS.md, "Tables
between steps") and draws them, suppressing every cell below ``min_cell``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nlp_integration.config import ReportSettings

__all__ = ["render_reports", "load_run", "RunTables"]


def render_reports(
    run_dir: str | Path,
    language: str = "de",
    min_cell: int = 5,
    title: str | None = None,
    geojson: dict[str, Any] | None = None,
    quotes_per_section: int = 6,
) -> dict[str, Path]:
    """Write ``report.html``, ``summary.md`` and ``report.xlsx`` into ``run_dir``.

    Parameters
    ----------
    run_dir
        A run folder written by the pipeline.
    language
        ``"de"`` (default) or ``"en"``.
    min_cell
        Cells (counts, quotes, chart values) describing fewer contributions are suppressed.
    title
        Report title; a default in the report language when None.
    geojson
        FeatureCollection with a ``quarter`` property per feature; when None,
        ``quarters.geojson`` of the run folder is used if present.
    quotes_per_section
        Maximum number of quotes shown per quote list.

    Returns
    -------
    dict
        ``{"html": path, "markdown": path, "excel": path}``; each file is written atomically.
    """
    from nlp_integration.io import atomic_write, atomic_write_text
    from nlp_integration.reporting.excel import render_excel
    from nlp_integration.reporting.html import render_html
    from nlp_integration.reporting.load import load_run
    from nlp_integration.reporting.markdown import render_markdown
    from nlp_integration.reporting.texts import check_language

    check_language(language)
    tables = load_run(run_dir, geojson=geojson)
    root = tables.run_dir
    if title == ReportSettings().title:  # the setting's German default: the report language's own
        title = None
    html_text = render_html(tables, language, min_cell, title, quotes_per_section)
    summary = render_markdown(tables, language, min_cell, title)
    paths = {
        "html": atomic_write_text(root / "report.html", html_text),
        "markdown": atomic_write_text(root / "summary.md", summary),
        "excel": atomic_write(
            root / "report.xlsx", lambda tmp: render_excel(tables, tmp, language, min_cell)
        ),
    }
    return paths


def __getattr__(name: str) -> Any:
    if name in ("load_run", "RunTables"):
        from nlp_integration.reporting import load

        return getattr(load, name)
    raise AttributeError(name)
