"""How each coverage metric is classed, coloured and written on the map and in tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ucj import fmt
from ucj.fmt import Lang
from ucj.map.classify import Classes, by_distribution, fixed_bands
from ucj.map.coverage_metrics import RATIO_METRICS, Metric

# Fixed bands for shares (ratios); the coverage target is added as a break of its own.
COVERAGE_BANDS = (0.10, 0.20, 0.30, 0.40)
BPU_SHARE_BANDS = (0.02, 0.05, 0.10, 0.20)
PROGRESS_BANDS = (0.25, 0.50, 0.75)  # of the target; 1.0 (target reached) is the target break
CHANGE_BANDS = (-0.10, -0.02, 0.02, 0.10)


def _stated_decimals(ratio: float) -> int:
    """Two decimals for a percentage stated with two (a 52,15 % target), else one: a legend break at the
    target must read as the target does, and a computed share must not look more precise than it is."""
    percent = ratio * 100
    return 2 if abs(percent - round(percent, 2)) < 1e-9 and abs(percent - round(percent, 1)) > 1e-9 else 1


def formatter(metric: Metric, lang: Lang) -> Callable[[float], str]:
    """The function that writes one figure of `metric` (percent for shares, counts with separators)."""
    if metric == "change":
        return lambda v: ("+" if v > 0 else "") + fmt.percent(v, lang, _stated_decimals(v))
    if metric in RATIO_METRICS:
        return lambda v: fmt.percent(v, lang, _stated_decimals(v))
    return lambda v: fmt.number(v, lang)


def classes_for(metric: Metric, values: Iterable[float | None], target: float | None = None) -> Classes:
    """Fixed bands for shares (coverage with its target as a break), data-driven classes for counts.

    Counts of participants follow quantiles (equal numbers of areas per class suit a ranking);
    uncovered workers follow natural breaks, which set apart the few areas with by far the most.
    """
    values = list(values)
    if metric == "coverage":
        return fixed_bands(values, COVERAGE_BANDS, "YlGnBu", target=target)
    if metric == "progress":
        return fixed_bands(values, PROGRESS_BANDS, "YlGnBu", target=1.0)
    if metric == "bpu_share":
        return fixed_bands(values, BPU_SHARE_BANDS, "YlGnBu")
    if metric == "change":
        return fixed_bands(values, CHANGE_BANDS, "PuOr")
    if metric == "uncovered":
        return by_distribution(values, method="natural", palette="OrRd")
    return by_distribution(values, method="quantiles", palette="YlGnBu")
