"""The stakeholder map (influence × interest) and how contact details are shown: masked, always."""

from __future__ import annotations

import math
import re

import pandas as pd

from ucj.fmt import missing

# Scores of 4 and 5 count as high: the map's dividing lines sit at 3.5, between the points.
HIGH_FROM = 4
QUADRANTS: dict[tuple[bool, bool], str] = {
    (True, True): "manage_closely",
    (True, False): "keep_satisfied",
    (False, True): "keep_informed",
    (False, False): "monitor",
}
_EMAIL = re.compile(r"^\s*([^@\s])[^@\s]*@(\S+)\s*$")
_MASK = "•••"


def quadrant(influence: int, interest: int) -> str:
    """Where a stakeholder sits on the influence × interest grid."""
    return QUADRANTS[(influence >= HIGH_FROM, interest >= HIGH_FROM)]


def spread_overlaps(frame: pd.DataFrame, x: str, y: str, radius: float = 0.18) -> pd.DataFrame:
    """Nudge points that share a cell onto a small circle around it, so none hides another."""
    out = frame.copy()
    out["plot_x"] = out[x].astype(float)
    out["plot_y"] = out[y].astype(float)
    for _, members in out.groupby([x, y]).groups.items():
        if len(members) < 2:
            continue
        for k, index in enumerate(members):
            angle = 2 * math.pi * k / len(members)
            out.loc[index, "plot_x"] += radius * math.sin(angle)
            out.loc[index, "plot_y"] += radius * math.cos(angle)
    return out


def mask_contact(value: object) -> str | None:
    """Enough to recognise a contact, not to use it: 'b•••@disnaker.go.id', '•••789'."""
    if missing(value):
        return None
    text = str(value).strip()
    if not text:
        return None
    email = _EMAIL.match(text)
    if email:
        return f"{email.group(1)}{_MASK}@{email.group(2)}"
    digits = re.sub(r"\D", "", text)
    if len(digits) >= 6:
        return f"{_MASK}{digits[-3:]}"
    return f"{text[0]}{_MASK}"
