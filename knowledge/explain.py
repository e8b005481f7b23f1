"""Explaining a ranked candidate to staff: what matched, the region effect, coverage."""

from __future__ import annotations

import numpy as np

from knowledge.index import REGION_CODE, Segment
from knowledge.query import ParsedQuery
from knowledge.regions import NATIONWIDE

_NAMES = {code: name for name, code in REGION_CODE.items()}


def contains(seg: Segment, term: str, row: int) -> bool:
    """Whether document `row` of `seg` has `term` (postings are sorted by row)."""
    hit = seg.posting(term)
    if hit is None:
        return False
    rows = hit[0]
    i = int(np.searchsorted(rows, row))
    return i < len(rows) and int(rows[i]) == row


def explain(r, q: ParsedQuery) -> list[str]:
    """Why a candidate ranks: matched terms (with corrections), region, coverage."""
    matched = []
    for g in q.groups:
        found = [t for t in g.terms if contains(r.segment, t, r.row)]
        if found:
            label = "+".join(dict.fromkeys(found))
            matched.append(f"{label}（{g.note}）" if g.note else label)
    why = ["命中：" + "、".join(matched)] if matched else []
    region = _NAMES[int(r.segment.region[r.row])]
    if q.region and q.region != NATIONWIDE and region == q.region:
        why.append(f"地区：{region}")
    why.append(f"覆盖：{r.coverage:.0%}")
    return why
