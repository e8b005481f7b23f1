"""Chart geometry for server-rendered SVG: the templates draw, this module measures."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    """One bar: its box in SVG units, its label and value."""

    x: float
    y: float
    w: float
    h: float
    label: str
    value: int


@dataclass(frozen=True)
class Chart:
    """A chart's canvas size, bars and the value of its top gridline."""

    width: int
    height: int
    bars: list[Bar]
    top: int


def _nice(n: int) -> int:
    """The smallest 1/2/5×10^k at or above n (at least 1): a readable axis top."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if step * m >= n:
                return max(1, step * m)
        step *= 10


def columns(points: list[tuple[str, int]], width: int = 400, height: int = 170,
            pad_left: int = 34, pad_bottom: int = 22) -> Chart:
    """Vertical bars, one per point, left to right (e.g. messages per day)."""
    top = _nice(max((v for _, v in points), default=0))
    inner_w, inner_h = width - pad_left - 4, height - pad_bottom - 8
    slot = inner_w / max(1, len(points))
    bars = []
    for i, (label, value) in enumerate(points):
        h = inner_h * value / top
        bars.append(Bar(round(pad_left + i * slot + slot * 0.15, 1), round(8 + inner_h - h, 1),
                        round(slot * 0.7, 1), round(h, 1), label, value))
    return Chart(width, height, bars, top)


def rows(points: list[tuple[str, int]], width: int = 400, label_w: int = 110,
         row_h: int = 24) -> Chart:
    """Horizontal bars, one row per point, top to bottom (e.g. followers per region)."""
    top = _nice(max((v for _, v in points), default=0))
    inner_w = width - label_w - 40
    bars = [Bar(label_w, i * row_h + 4, round(inner_w * value / top, 1), row_h - 8, label, value)
            for i, (label, value) in enumerate(points)]
    return Chart(width, max(row_h, row_h * len(points) + 4), bars, top)


def ring(share: float, radius: float = 52) -> dict:
    """A donut's stroke lengths for `share` (0…1) of the circle."""
    share = min(1.0, max(0.0, share))
    circumference = 2 * 3.14159265 * radius
    return {"r": radius, "filled": round(circumference * share, 2),
            "rest": round(circumference * (1 - share), 2), "percent": round(share * 100)}
