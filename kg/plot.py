"""``kg plot``: the web page's timeline and network pictures as PNG or SVG files (matplotlib).

>>> import kg, kg.plot
>>> g = kg.open(":memory:")
>>> kg.plot.plot(g, "network", "/tmp/kg-doctest.svg", entity="Norway").suffix
'.svg'

The data come from :mod:`kg.web.data` (the same layout as the page's graph view).
matplotlib is imported only here, and without pyplot (no GUI backend is touched).
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path
from typing import Any

from .errors import InputError
from .web import data

KINDS = ("timeline", "network")
_FORMATS = {".png", ".svg", ".pdf"}


def plot(g: Any, kind: str, output: str | Path, *, entity: str | None = None,
         title: str | None = None) -> Path:
    """Draw ``kind`` (``timeline`` or ``network``) of ``g`` into ``output`` (.png, .svg or .pdf).

    ``entity``: a name, alias or IRI; the network is then its neighbourhood and the
    timeline its events. Returns the path written.
    """
    path = Path(output)
    if path.suffix.lower() not in _FORMATS:
        raise InputError(f"{path}: give a .png or .svg file name (.pdf works too)")
    if kind not in KINDS:
        raise InputError(f"unknown plot '{kind}': use {' or '.join(KINDS)}")
    iri = data.resolve(g, entity) if entity else None
    label = None
    if iri is not None:
        label = data.labels_and_kinds(g, [iri])[iri][0]
    if kind == "timeline":
        tl = data.timeline(g, iri)
        if not tl["events"]:
            raise InputError("nothing to plot: no dated treaties, summits or visits"
                             + (f" linked to {label}" if label else "") + " in the store")
        fig = timeline_figure(tl, title or (f"Timeline: {label}" if label else "Timeline of treaties, summits and visits"))
    else:
        nb = data.neighbourhood(g, iri)
        if len(nb["nodes"]) == 0:
            raise InputError("nothing to plot: no treaties, summits or visits in the store")
        fig = network_figure(nb, title or (f"Neighbourhood of {label}" if label else "Treaties, summits and visits"))
    if path.parent and not path.parent.exists():
        raise InputError(f"{path.parent}: no such folder")
    try:
        fig.savefig(path, dpi=150, bbox_inches="tight")
    except OSError as err:
        raise InputError(f"{path}: cannot write: {err.strerror or err}") from None
    return path


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def _when(value: str) -> dt.datetime:
    """A date of the store (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) as a point in time:
    the middle of the year or month when only that much is known."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        raise ValueError(value)
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return dt.datetime(year, 7, 2)
    if day is None:
        return dt.datetime(year, int(month), 15)
    return dt.datetime(year, int(month), int(day), 12)


def _short(text: str, width: int = 34) -> str:
    return textwrap.shorten(text, width=width, placeholder="…")


def _levels(extents: list[tuple[float, float]], gap: float) -> list[int]:
    """A label level per (left, right) extent, in order: the first level whose last label
    ends before this one starts (0 above the lane, 1 below, 2 higher above, ...)."""
    ends: list[float] = []
    out = []
    for a, b in extents:
        level = 0
        while level < len(ends) and ends[level] > a - gap:
            level += 1
        if level == len(ends):
            ends.append(b)
        else:
            ends[level] = b
        out.append(level)
    return out


def timeline_figure(tl: dict[str, Any], title: str) -> Any:
    """Events on a time axis, one lane per kind; spans (visits with an end) as bars.

    Labels are stacked on levels so that they do not overlap (as on the web page).
    """
    import matplotlib.dates as mdates

    events = tl["events"]
    lanes = [k for k in data.EVENTS if any(e["kind"] == k for e in events)]
    width = max(8.0, min(16.0, 5 + 0.6 * len(events)))
    left_in, right_in = 0.9, 0.3
    axis_pt = (width - left_in - right_in) * 72
    times = [_when(e["start"]) for e in events] + [_when(e["end"]) for e in events if e.get("end")]
    lo, hi = min(times), max(times)
    pad = max((hi - lo) * 0.05, dt.timedelta(days=60))
    lo, hi = lo - pad, hi + pad
    span = (hi - lo).total_seconds()

    def x_pt(when: dt.datetime) -> float:
        return (when - lo).total_seconds() / span * axis_pt

    char_pt, level_pt = 4.3, 22.0
    lane_items = []
    for kind in lanes:
        items = []
        for e in events:
            if e["kind"] != kind:
                continue
            label = _short(e["label"], 40)
            date = e["start"] + (f" – {e['end']}" if e.get("end") else "")
            w = max(len(label), len(date)) * char_pt
            cx = x_pt(_when(e["start"]))
            ha, a, b = "center", cx - w / 2, cx + w / 2
            if a < -left_in * 72 + 4:
                ha, a, b = "left", cx - 4, cx - 4 + w
            elif b > axis_pt + right_in * 72 - 4:
                ha, a, b = "right", cx + 4 - w, cx + 4
            items.append({"e": e, "label": label, "date": date, "ha": ha, "extent": (a, b)})
        for it, level in zip(items, _levels([it["extent"] for it in items], 6.0)):
            it["level"] = level
        levels = max(it["level"] for it in items) + 1
        up, down = (levels + 1) // 2, levels // 2
        lane_items.append((kind, items, (18 + up * level_pt) / 72, (14 + down * level_pt) / 72))
    total = sum(a + b for _, _, a, b in lane_items)          # inches (1 data unit = 1 inch)
    top_in, bottom_in = 0.45, 0.45
    fig = _figure(width, total + top_in + bottom_in)
    height = total + top_in + bottom_in
    ax = fig.add_axes((left_in / width, bottom_in / height, (width - left_in - right_in) / width, total / height))
    y = total
    ticks, names = [], []
    for kind, items, above, below in lane_items:
        cy = y - above
        y = cy - below
        ticks.append(cy)
        names.append(_plural(kind))
        ax.axhline(cy, color="#dddddd", linewidth=1, zorder=0)
        colour = data.COLOURS[kind]
        for it in items:
            e = it["e"]
            start = _when(e["start"])
            if e.get("end"):
                ax.plot([start, _when(e["end"])], [cy, cy], color=colour, linewidth=6, alpha=0.6,
                        solid_capstyle="round", zorder=2)
            ax.scatter([start], [cy], s=60, color=colour, edgecolors="white", linewidths=1, zorder=3)
            depth, is_above = it["level"] // 2, it["level"] % 2 == 0
            off = (9 + depth * level_pt) if is_above else -(9 + depth * level_pt)
            text = f"{it['label']}\n{it['date']}" if is_above else f"{it['date']}\n{it['label']}"
            ax.annotate(text, (start, cy), xytext=(0, off), textcoords="offset points", ha=it["ha"],
                        va="bottom" if is_above else "top", fontsize=7, color="#333333", linespacing=1.1,
                        arrowprops={"arrowstyle": "-", "color": "#c3cad1", "linewidth": 0.6,
                                    "shrinkA": 0, "shrinkB": 4} if depth else None)
    ax.set_yticks(ticks, names)
    ax.set_ylim(0, total)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlim(lo, hi)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    fig.text(0.01, 1 - 0.12 / height, title, fontsize=11, va="top")
    if tl.get("undated"):
        names_u = ", ".join(_short(u["label"], 40) for u in tl["undated"][:6])
        more = f" and {len(tl['undated']) - 6} more" if len(tl["undated"]) > 6 else ""
        fig.text(0.01, 0.02 / height, f"Undated: {names_u}{more}", fontsize=7, color="#666666")
    return fig


def _plural(kind: str) -> str:
    return {"Treaty": "Treaties", "Summit": "Summits", "Visit": "Visits"}.get(kind, kind + "s")


def network_figure(nb: dict[str, Any], title: str) -> Any:
    """Nodes coloured by kind at the layout's positions, edges labelled with their property."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    nodes = nb["nodes"]
    size = 7.0 if len(nodes) < 30 else 10.0 if len(nodes) < 80 else 14.0
    fig = _figure(size * 1.25, size)
    ax = fig.add_subplot(1, 1, 1)
    pos = {n["id"]: (n["x"], 1 - n["y"]) for n in nodes}
    for e in nb["edges"]:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), arrowstyle="-|>", mutation_scale=9,
                                     color="#999999", linewidth=0.8, shrinkA=7, shrinkB=7, zorder=1))
        ax.text((x1 + x2) / 2, (y1 + y2) / 2, e["label"], fontsize=5.5, color="#777777",
                ha="center", va="center", zorder=2,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
    for n in nodes:
        x, y = pos[n["id"]]
        centre = n["id"] == nb.get("center")
        ax.scatter([x], [y], s=260 if centre else 120, color=data.COLOURS.get(n["kind"], data.COLOURS["Other"]),
                   edgecolors="black" if centre else "white", linewidths=1.5, zorder=3)
        ax.annotate(_short(n["label"], 30), (x, y), xytext=(0, -11), textcoords="offset points",
                    ha="center", va="top", fontsize=7, zorder=4,
                    fontweight="bold" if centre else "normal")
    kinds = [k for k in (*data.KINDS, "Other") if any(n["kind"] == k for n in nodes)]
    handles = [Line2D([0], [0], marker="o", linestyle="", markersize=8, markerfacecolor=data.COLOURS[k],
                      markeredgecolor="white", label=k) for k in kinds]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.06, 1.02)
    ax.set_axis_off()
    ax.set_title(title + (" (truncated)" if nb.get("truncated") else ""), fontsize=11, loc="left")
    return fig


__all__ = ["plot", "timeline_figure", "network_figure", "KINDS"]
