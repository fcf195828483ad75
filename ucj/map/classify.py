"""Class breaks for choropleth maps, and the colours that go with them.

Classes are half-open intervals read from the left: with breaks (b0, b1) the classes are
``v < b0``, ``b0 ≤ v < b1`` and ``v ≥ b1``, so an area exactly at a target break counts as
having reached it. Missing values belong to no class: the map shows them as "tidak ada data".
"""

from __future__ import annotations

import bisect
import itertools
import math
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import mapclassify
import numpy as np

from ucj import fmt
from ucj.fmt import Lang

# ColorBrewer schemes marked colour-blind safe (Brewer & Harrower, colorbrewer2.org), 9 steps.
PALETTES: dict[str, tuple[str, ...]] = {
    # low → high where high is good (coverage, participants)
    "YlGnBu": ("#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"),
    # low → high where high is bad (uncovered workers)
    "OrRd": ("#fff7ec", "#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#b30000", "#7f0000"),
    # fall ↔ rise, neutral in the middle
    "PuOr": ("#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7", "#d8daeb", "#b2abd2", "#8073ac", "#542788"),
}
MISSING_COLOUR = "#d9d9d9"
Palette = Literal["YlGnBu", "OrRd", "PuOr"]
Method = Literal["quantiles", "natural"]


def _present(values: Iterable[float | None]) -> list[float]:
    return [float(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]


def pick_colours(palette: Palette, n: int) -> tuple[str, ...]:
    """`n` colours spread evenly over a 9-step palette (diverging ones keep their middle)."""
    steps = PALETTES[palette]
    if n <= 0:
        return ()
    if n == 1:
        return (steps[len(steps) // 2],)
    return tuple(steps[round(i * (len(steps) - 1) / (n - 1))] for i in range(n))


@dataclass(frozen=True)
class Classes:
    """Ordered classes: `breaks` ascending, one more colour than breaks (none when there is no data).

    `low` and `high` are the smallest and largest value classified, for the outer labels when the
    classes follow the data; `target` marks the break that is a target, so the legend can say so.
    """

    breaks: tuple[float, ...]
    colours: tuple[str, ...]
    low: float | None = None
    high: float | None = None
    target: float | None = None

    def __post_init__(self) -> None:
        if list(self.breaks) != sorted(set(self.breaks)):
            raise ValueError(f"class breaks must be ascending and unique: {self.breaks}")
        if self.colours and len(self.colours) != len(self.breaks) + 1:
            raise ValueError("there must be one more colour than class breaks")

    def __len__(self) -> int:
        return len(self.colours)

    def index(self, value: float | None) -> int | None:
        """The class a value falls in; None for a missing value (or when there are no classes)."""
        if not self.colours or not _present([value]):
            return None
        return bisect.bisect_right(self.breaks, float(value))

    def colour(self, value: float | None) -> str:
        """The fill colour of a value; grey for "tidak ada data"."""
        i = self.index(value)
        return MISSING_COLOUR if i is None else self.colours[i]

    def labels(self, fmt_value: Callable[[float], str], lang: Lang = "id") -> tuple[str, ...]:
        """Legend text per class, numbers formatted by `fmt_value` (Indonesian separators)."""
        if not self.colours:
            return ()
        if not self.breaks:
            if self.low is None or self.low == self.high:
                return (fmt_value(self.low) if self.low is not None else fmt.MISSING[lang],)
            return (f"{fmt_value(self.low)} – {fmt_value(self.high)}",)
        b = self.breaks
        middle = tuple(f"{fmt_value(lo)} – < {fmt_value(hi)}" for lo, hi in itertools.pairwise(b))
        return (f"< {fmt_value(b[0])}", *middle, f"≥ {fmt_value(b[-1])}")


def fixed_bands(
    values: Iterable[float | None], bands: Sequence[float], palette: Palette = "YlGnBu", target: float | None = None
) -> Classes:
    """Classes at fixed breaks (rates), with the target added as a break of its own."""
    present = _present(values)
    breaks = sorted(set(bands) | ({float(target)} if target is not None else set()))
    return Classes(
        breaks=tuple(breaks),
        colours=pick_colours(palette, len(breaks) + 1),
        low=min(present, default=None),
        high=max(present, default=None),
        target=float(target) if target is not None else None,
    )


def by_distribution(
    values: Iterable[float | None], k: int = 5, method: Method = "quantiles", palette: Palette = "YlGnBu"
) -> Classes:
    """Up to `k` classes following the data: quantiles, or Fisher–Jenks natural breaks.

    Never more classes than distinct values, so one area or equal values give a single class.
    """
    present = _present(values)
    if not present:
        return Classes((), ())
    distinct = np.unique(present)
    k = max(1, min(k, len(distinct)))
    if k == 1:
        return Classes((), pick_colours(palette, 1), low=present[0], high=present[0])
    scheme = mapclassify.Quantiles if method == "quantiles" else mapclassify.FisherJenks
    with warnings.catch_warnings():
        # Fisher–Jenks suggests numba for speed; a few hundred areas do not need it.
        warnings.filterwarnings("ignore", message="Numba not installed")
        upper_bounds = scheme(np.asarray(present), k=k).bins[:-1]
    # mapclassify's classes are closed on the right; the next value above each bound keeps the
    # same members in our left-closed classes, and the legend then shows values that occur.
    breaks = sorted({float(distinct[distinct > ub].min()) for ub in upper_bounds if (distinct > ub).any()})
    return Classes(
        breaks=tuple(breaks),
        colours=pick_colours(palette, len(breaks) + 1),
        low=float(distinct.min()),
        high=float(distinct.max()),
    )
