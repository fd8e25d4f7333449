"""Plotly figures of the report; every text that reaches a figure is HTML-escaped.

Figures take ready-made (already suppressed) data: NaN means "suppressed" and is drawn as an
empty cell or a missing bar labelled ``< min_cell``. Nothing here loads data or computes statistics.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale
from plotly.utils import PlotlyJSONEncoder

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#23313d"
MUTED = "#6b7780"
GRID = "#e6e9ec"
SUPPRESSED_BG = "#eceeef"
ACCENT = "#3e6d8e"
PALETTE: tuple[str, ...] = (
    "#3e6d8e",
    "#8fb996",
    "#e3b868",
    "#c97b63",
    "#9a8ac1",
    "#6ba3a3",
    "#d19bb0",
    "#a3a86b",
    "#7fa8c2",
    "#b58b6b",
)
STATEMENT_COLOURS: dict[str, str] = {
    "need": "#3e6d8e",
    "idea": "#8fb996",
    "fear": "#c97b63",
    "prejudice": "#9a6fa8",
    "potential": "#e3b868",
    "experience": "#7fa8c2",
}
COMPONENT_COLOURS: tuple[str, ...] = ("#3e6d8e", "#7fa8c2", "#8fb996", "#c97b63", "#e3b868")
SEQUENTIAL = [[0.0, "#f4f7f9"], [0.5, "#8fb3cc"], [1.0, "#2c5773"]]
TOPIC_SCALE = [[0.0, "#8fb996"], [0.5, "#7fa8c2"], [1.0, "#2c5773"]]
DIVERGING = [[0.0, "#3e6d8e"], [0.5, "#f7f7f5"], [1.0, "#b8573f"]]


def esc(value: object) -> str:
    """HTML-escape any value for plotly labels and hover texts."""
    return html.escape("" if value is None else str(value), quote=True)


def fmt_number(value: float, language: str, decimals: int = 0) -> str:
    """A number in German (1.234,5) or English (1,234.5) style."""
    text = f"{value:,.{decimals}f}"
    if language == "de":
        text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text


def fmt_pct(value: float, language: str, decimals: int = 0) -> str:
    """A share 0..1 as percent, e.g. ``34 %`` (German) or ``34%`` (English)."""
    text = fmt_number(100 * value, language, decimals)
    return f"{text}\u202f%" if language == "de" else f"{text}%"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _base_layout(fig: go.Figure, language: str, height: int, title: str | None = None) -> go.Figure:
    fig.update_layout(
        template="none",
        height=height,
        margin=dict(l=10, r=20, t=48 if title else 16, b=10),
        font=dict(family=FONT, size=13, color=INK),
        title=dict(text=esc(title), x=0, xanchor="left", font=dict(size=15)) if title else None,
        separators=",." if language == "de" else ".,",
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        hoverlabel=dict(font=dict(family=FONT, size=12), bgcolor="white", align="left"),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title=None),
    )
    axis = dict(gridcolor=GRID, zeroline=False, automargin=True, showline=True, linecolor="#9aa5ae",
                ticks="outside", tickcolor="#9aa5ae", ticklen=4, showgrid=True)  # fmt: skip
    for ax in (fig.layout.xaxis, fig.layout.yaxis):
        for key, value in axis.items():
            if ax[key] is None:  # keep what the chart set explicitly
                ax[key] = value
    return fig


def count_bar(
    counts: pd.Series,
    names: dict[str, str],
    language: str,
    min_cell: int,
    unit: str,
    hidden_text: str = "",
    colour: str = ACCENT,
) -> go.Figure | None:
    """Horizontal bars of counts; NaN (suppressed) categories get no bar, only a tag.

    The tag is ``< min_cell``, or ``–`` for keys in ``counts.attrs["complementary"]`` (hidden
    only so that a small neighbour cannot be recovered; described by ``hidden_text``).
    """
    if counts.empty:
        return None
    comp = {str(k) for k in counts.attrs.get("complementary", [])}
    keys = [str(k) for k in counts.index]
    cats = [esc(names.get(k, k)) for k in keys]
    values = [None if _missing(v) else float(v) for v in counts.to_numpy()]
    texts = [
        ("–" if k in comp else f"&lt; {min_cell}") if v is None else fmt_number(v, language)
        for k, v in zip(keys, values, strict=True)
    ]
    hover = [
        f"{c}<br>{esc(unit)}: " + (esc(hidden_text) if k in comp and v is None else t)
        for c, k, t, v in zip(cats, keys, texts, values, strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=[0 if v is None else v for v in values],
            y=cats,
            orientation="h",
            marker=dict(color=colour),
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_yaxes(autorange="reversed", showgrid=False, ticks="")
    fig.update_xaxes(title=esc(unit), showgrid=True, rangemode="tozero")
    return _base_layout(fig, language, max(220, 30 * len(cats) + 90))


def time_bars(counts: pd.Series, language: str, min_cell: int, unit: str) -> go.Figure | None:
    """Contributions per period (index: period labels); suppressed periods get a tag only.

    The tag is ``< min_cell``, or ``–`` for periods in ``counts.attrs["complementary"]``.
    """
    if counts.empty:
        return None
    comp = {str(k) for k in counts.attrs.get("complementary", [])}
    x = [esc(k) for k in counts.index]
    values = [None if _missing(v) else float(v) for v in counts.to_numpy()]
    texts = [
        ("–" if str(k) in comp else f"&lt; {min_cell}") if v is None else fmt_number(v, language)
        for k, v in zip(counts.index, values, strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=x,
            y=[0 if v is None else v for v in values],
            marker_color=ACCENT,
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertext=[f"{p}<br>{unit}: {t}" for p, t in zip(x, texts, strict=True)],
            hoverinfo="text",
        )
    )
    fig.update_yaxes(title=esc(unit), rangemode="tozero")
    fig.update_xaxes(type="category", showgrid=False)
    return _base_layout(fig, language, 300)


def population_comparison(
    frame: pd.DataFrame, language: str, labels: dict[str, str]
) -> go.Figure | None:
    """Grouped bars per quarter: share of contributions vs share of population (NaN = hidden)."""
    if frame.empty:
        return None
    quarters = [esc(q) for q in frame["quarter"]]
    fig = go.Figure()
    for column, colour in (("share_contrib", ACCENT), ("share_pop", "#c9d3da")):
        values = [None if _missing(v) else float(v) for v in frame[column]]
        fig.add_bar(
            name=esc(labels[column]),
            y=quarters,
            x=values,
            orientation="h",
            marker_color=colour,
            hovertext=[
                f"{q}<br>{esc(labels[column])}: " + ("–" if v is None else fmt_pct(v, language, 1))
                for q, v in zip(quarters, values, strict=True)
            ],
            hoverinfo="text",
        )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(tickformat=".0%", rangemode="tozero")
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return _base_layout(fig, language, max(260, 44 * len(quarters) + 90))


def participation_scatter(
    frame: pd.DataFrame, language: str, x_title: str, y_title: str
) -> go.Figure | None:
    """Contributions per 1,000 residents against the share of foreign nationals, per quarter."""
    data = frame.dropna(subset=["x", "y"])
    if data.empty:
        return None
    x_is_share = bool((data["x"] <= 1).all())
    fig = go.Figure(
        go.Scatter(
            x=data["x"],
            y=data["y"],
            mode="markers+text",
            text=[esc(q) for q in data["quarter"]],
            textposition="top center",
            textfont=dict(size=11, color=MUTED),
            marker=dict(size=11, color=ACCENT, opacity=0.85, line=dict(color="white", width=1)),
            hovertext=[
                f"{esc(q)}<br>{esc(x_title)}: "
                + (fmt_pct(x, language, 1) if x_is_share else fmt_number(x, language, 1))
                + f"<br>{esc(y_title)}: {fmt_number(y, language, 1)}"
                for q, x, y in zip(data["quarter"], data["x"], data["y"], strict=True)
            ],
            hoverinfo="text",
        )
    )
    fig.update_xaxes(
        title=esc(x_title),
        tickformat=".0%" if x_is_share else None,
        ticksuffix=None if x_is_share else "\u202f%",
    )
    fig.update_yaxes(title=esc(y_title), rangemode="tozero")
    return _base_layout(fig, language, 340)


def topic_sizes(
    topics: pd.DataFrame, language: str, min_cell: int, texts: dict[str, str]
) -> go.Figure | None:
    """Topic map: bars of topic size coloured by the share of German contributions."""
    if topics.empty:
        return None
    data = topics.sort_values("size", ascending=False, kind="stable")
    labels = [esc(v) for v in data["display"]]
    sizes = [None if _missing(v) or v < min_cell else float(v) for v in data["size"]]
    share_de = [float(v) if not _missing(v) else 0.0 for v in data["share_de"]]
    hover = [
        f"<b>{lab}</b><br>{esc(texts['size'])}: "
        + (f"&lt; {min_cell}" if s is None else fmt_number(s, language))
        + f"<br>{esc(texts['keywords'])}: {esc(kw)}<br>{esc(texts['languages'])}: {esc(lg)}"
        for lab, s, kw, lg in zip(labels, sizes, data["keywords"], data["langs_text"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=[0 if s is None else s for s in sizes],
            y=labels,
            orientation="h",
            # hex colours: plotly.js 3.8 warns about numeric colour arrays on bars
            marker=dict(
                color=sample_colorscale(TOPIC_SCALE, [min(1.0, max(0.0, v)) for v in share_de])
            ),
            text=[f"&lt; {min_cell}" if s is None else fmt_number(s, language) for s in sizes],
            textposition="outside",
            textfont=dict(color=INK),
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_layout(showlegend=False)
    fig.add_scatter(  # carries the colour bar only
        x=[None],
        y=[None],
        mode="markers",
        hoverinfo="skip",
        showlegend=False,
        marker=dict(
            color=[0.5],
            colorscale=TOPIC_SCALE,
            cmin=0,
            cmax=1,
            showscale=True,
            colorbar=dict(title=esc(texts["share_de"]), tickformat=".0%", thickness=12, len=0.8),
        ),
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(title=esc(texts["n_contributions"]), rangemode="tozero")
    return _base_layout(fig, language, max(260, 34 * len(labels) + 90))


def topics_over_time(matrix: pd.DataFrame, language: str, unit: str) -> go.Figure | None:
    """Lines of contributions per period (rows) and topic (columns); NaN cells are gaps."""
    if matrix.empty or matrix.notna().sum().sum() == 0:
        return None
    fig = go.Figure()
    for i, column in enumerate(matrix.columns):
        values = [None if _missing(v) else float(v) for v in matrix[column]]
        if all(v is None for v in values):
            continue
        fig.add_scatter(
            x=[esc(p) for p in matrix.index],
            y=values,
            mode="lines+markers",
            name=esc(column),
            line=dict(color=PALETTE[i % len(PALETTE)], width=2),
            marker=dict(size=7),
            connectgaps=False,
            hovertemplate="%{x}<br>" + esc(column) + ": %{y}<extra></extra>",
        )
    fig.update_yaxes(title=esc(unit), rangemode="tozero")
    fig.update_xaxes(type="category", showgrid=False)
    fig.update_layout(legend=dict(orientation="h", y=-0.18, yanchor="top"))
    return _base_layout(fig, language, 380)


def share_heatmap(
    z: pd.DataFrame,
    text: pd.DataFrame,
    hover: pd.DataFrame,
    language: str,
    x_title: str,
    colour_title: str,
) -> go.Figure | None:
    """Heatmap of shares (rows: labels, columns: levels); NaN cells are drawn grey (suppressed).

    Suppressed cells are a separate grey layer, so the grid and its ``< min_cell`` tags show even
    when every cell is suppressed.
    """
    if z.empty:
        return None
    rows = [esc(r) for r in z.index]
    cols = [esc(c) for c in z.columns]
    values = [[None if _missing(v) else float(v) for v in row] for row in z.to_numpy()]
    texts = text.to_numpy().tolist()
    hovers = hover.to_numpy().tolist()
    common = dict(x=cols, y=rows, texttemplate="%{text}", hoverinfo="text", xgap=2, ygap=2)
    fig = go.Figure()
    fig.add_heatmap(
        z=[[1 if v is None else None for v in row] for row in values],
        text=[
            [t if v is None else "" for v, t in zip(vr, tr, strict=True)]
            for vr, tr in zip(values, texts, strict=True)
        ],
        hovertext=[
            [h if v is None else "" for v, h in zip(vr, hr, strict=True)]
            for vr, hr in zip(values, hovers, strict=True)
        ],
        colorscale=[[0, SUPPRESSED_BG], [1, SUPPRESSED_BG]],
        showscale=False,
        textfont=dict(size=11, color=MUTED),
        **common,
    )
    if any(v is not None for row in values for v in row):
        fig.add_heatmap(
            z=values,
            text=[
                [t if v is not None else "" for v, t in zip(vr, tr, strict=True)]
                for vr, tr in zip(values, texts, strict=True)
            ],
            hovertext=[
                [h if v is not None else "" for v, h in zip(vr, hr, strict=True)]
                for vr, hr in zip(values, hovers, strict=True)
            ],
            colorscale=SEQUENTIAL,
            zmin=0,
            textfont=dict(size=12),
            colorbar=dict(title=esc(colour_title), tickformat=".0%", thickness=12, len=0.8),
            **common,
        )
    fig.update_yaxes(autorange="reversed", showgrid=False, ticks="", showline=False)
    fig.update_xaxes(side="top", showgrid=False, ticks="", title=None, showline=False)
    return _base_layout(fig, language, max(300, 34 * len(rows) + 110))


def grouped_shares(
    frame: pd.DataFrame,
    language: str,
    min_cell: int,
    colours: dict[str, str],
    y_title: str,
    percent: bool = True,
) -> go.Figure | None:
    """Grouped bars: x = level, one bar per label (``frame`` columns), y = share or count.

    ``frame.attrs["names"]`` maps column keys to legend names; NaN values are hidden and tagged
    ``< min_cell``, or ``–`` for the ``(index, key)`` pairs in ``frame.attrs["complementary"]``.
    """
    if frame.empty:
        return None
    fig = go.Figure()
    x = [esc(v) for v in frame.index]
    comp = frame.attrs.get("complementary", set())
    for i, (key, name) in enumerate(frame.attrs.get("names", {}).items()):
        if key not in frame.columns:
            continue
        values = [None if _missing(v) else float(v) for v in frame[key]]
        tags = ["–" if (level, key) in comp else f"&lt; {min_cell}" for level in frame.index]
        fig.add_bar(
            name=esc(name),
            x=x,
            y=[0 if v is None else v for v in values],
            text=[tag if v is None else "" for v, tag in zip(values, tags, strict=True)],
            textposition="outside",
            textfont=dict(size=9, color=MUTED),
            cliponaxis=False,
            marker_color=colours.get(key, PALETTE[i % len(PALETTE)]),
            hovertext=[
                f"{lv}<br>{esc(name)}: "
                + (
                    tag
                    if v is None
                    else fmt_pct(v, language, 1)
                    if percent
                    else fmt_number(v, language)
                )
                for lv, v, tag in zip(x, values, tags, strict=True)
            ],
            hoverinfo="text",
        )
    fig.update_layout(barmode="group", bargap=0.2, bargroupgap=0.05)
    fig.update_yaxes(title=esc(y_title), tickformat=".0%" if percent else None, rangemode="tozero")
    fig.update_xaxes(showgrid=False)
    return _base_layout(fig, language, 360)


def priority_components(
    frame: pd.DataFrame,
    weights: dict[str, float],
    names: dict[str, str],
    language: str,
    x_title: str,
) -> go.Figure | None:
    """Stacked horizontal bars: weighted score components per priority (``frame['display']``)."""
    if frame.empty:
        return None
    labels = [esc(v) for v in frame["display"]]
    fig = go.Figure()
    for i, (component, weight) in enumerate(weights.items()):
        if component not in frame.columns:
            continue
        raw = pd.to_numeric(frame[component], errors="coerce").fillna(0.0).to_numpy()
        fig.add_bar(
            name=esc(names[component]),
            y=labels,
            x=np.round(raw * weight, 4),
            orientation="h",
            marker_color=COMPONENT_COLOURS[i % len(COMPONENT_COLOURS)],
            hovertext=[
                f"{lab}<br>{esc(names[component])}: {fmt_number(r, language, 2)} × "
                f"{fmt_number(weight, language, 2)} = {fmt_number(r * weight, language, 3)}"
                for lab, r in zip(labels, raw, strict=True)
            ],
            hoverinfo="text",
        )
    fig.update_layout(barmode="stack", bargap=0.3)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(title=esc(x_title), rangemode="tozero")
    fig = _base_layout(fig, language, max(220, 34 * len(labels) + 110))
    fig.update_layout(legend=dict(traceorder="normal"))
    return fig


def profile_heatmap(
    z: pd.DataFrame, raw: pd.DataFrame, language: str, colour_title: str
) -> go.Figure | None:
    """Diverging heatmap of mean standardised indicators (rows: types, columns: indicators)."""
    if z.empty:
        return None
    limit = float(np.nanmax(np.abs(z.to_numpy(dtype=float)))) or 1.0
    rows = [esc(r) for r in z.index]
    cols = [esc(c) for c in z.columns]
    hover = [
        [
            f"{r}<br>{c}<br>z = {fmt_number(zv, language, 2)}"
            + ("" if _missing(rv) else f"<br>Ø {fmt_number(rv, language, 2)}")
            for c, zv, rv in zip(cols, zrow, rrow, strict=True)
        ]
        for r, zrow, rrow in zip(
            rows, z.to_numpy(dtype=float), raw.to_numpy(dtype=float), strict=True
        )
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(dtype=float).round(3).tolist(),
            x=cols,
            y=rows,
            zmin=-limit,
            zmax=limit,
            colorscale=DIVERGING,
            texttemplate="%{z:.1f}",
            hovertext=hover,
            hoverinfo="text",
            xgap=2,
            ygap=2,
            colorbar=dict(title=esc(colour_title), thickness=12, len=0.8),
        )
    )
    fig.update_yaxes(autorange="reversed", showgrid=False, ticks="", showline=False)
    fig.update_xaxes(side="top", showgrid=False, ticks="", tickangle=-30, showline=False)
    return _base_layout(fig, language, max(240, 48 * len(rows) + 140))


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    kind = geometry.get("type")
    coords = geometry.get("coordinates") or []
    if kind == "Polygon":
        return [coords[0]] if coords else []
    if kind == "MultiPolygon":
        return [poly[0] for poly in coords if poly]
    return []


def quarter_map(
    geojson: dict[str, Any],
    types: dict[str, str],
    type_names: dict[str, str],
    hover: dict[str, str],
    language: str,
) -> go.Figure | None:
    """Offline choropleth: each quarter polygon a filled scatter trace coloured by quarter type.

    Drawn on plain cartesian axes (lon/lat with the aspect ratio corrected for latitude), so no
    base map, tiles or topojson is ever fetched.
    """
    features = [f for f in geojson.get("features", []) if isinstance(f, dict)]
    if not features:
        return None
    fig = go.Figure()
    order = sorted(
        {types.get(str((f.get("properties") or {}).get("quarter")), "") for f in features}
    )
    colour_of = {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(order)}
    colour_of[""] = "#d9dde0"
    seen: set[str] = set()
    lats: list[float] = []
    label_x, label_y, label_text = [], [], []
    for feature in features:
        name = str((feature.get("properties") or {}).get("quarter", ""))
        key = types.get(name, "")
        for ring in _rings(feature.get("geometry") or {}):
            xs = [float(p[0]) for p in ring]
            ys = [float(p[1]) for p in ring]
            lats.extend(ys)
            legend = type_names.get(key, "–")
            fig.add_scatter(
                x=xs,
                y=ys,
                fill="toself",
                mode="lines",
                line=dict(color="white", width=1.5),
                fillcolor=colour_of[key],
                opacity=0.9,
                name=esc(legend),
                legendgroup=esc(key),
                showlegend=key not in seen,
                hoveron="fills",
                text=hover.get(name, esc(name)),
                hoverinfo="text",
            )
            seen.add(key)
            label_x.append(sum(xs[:-1]) / max(1, len(xs) - 1))
            label_y.append(sum(ys[:-1]) / max(1, len(ys) - 1))
            label_text.append(esc(name))
    fig.add_scatter(
        x=label_x,
        y=label_y,
        mode="text",
        text=label_text,
        textfont=dict(size=11, color=INK),
        hoverinfo="skip",
        showlegend=False,
    )
    mean_lat = float(np.mean(lats)) if lats else 0.0
    fig.update_xaxes(visible=False)
    fig.update_yaxes(
        visible=False, scaleanchor="x", scaleratio=1 / max(0.2, math.cos(math.radians(mean_lat)))
    )
    return _base_layout(fig, language, 520)


def figure_json(fig: go.Figure) -> str:
    """Figure JSON that is safe inside ``<script type="application/json">``."""
    spec = fig.to_plotly_json()
    text = json.dumps(
        {"data": spec["data"], "layout": spec["layout"]}, cls=PlotlyJSONEncoder, sort_keys=True
    )
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def names_for(keys: Sequence[str], mapping: dict[str, str]) -> dict[str, str]:
    """``{key: readable name}`` in the given order."""
    return {k: mapping.get(k, k) for k in keys}
