"""Spread a whole-number total over parts so that the parts add up to the total exactly.

Used when a source gives only a regional figure: the build spreads it over kecamatan by a stated
weight and marks every part as an estimate. Largest-remainder (Hamilton) rounding keeps the sum
exact; ties go to the earlier key so the build is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction


def largest_remainder(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Whole shares of `total` proportional to `weights` that sum exactly to `total`."""
    if total < 0:
        raise ValueError(f"total must not be negative: {total}")
    if not weights:
        raise ValueError("no parts to spread over")
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must not be negative")
    exact_weights = {k: Fraction(w) for k, w in weights.items()}
    weight_sum = sum(exact_weights.values())
    if weight_sum == 0:
        raise ValueError("weights sum to zero")
    quotas = {k: total * w / weight_sum for k, w in exact_weights.items()}
    shares = {k: int(q) for k, q in quotas.items()}
    left = total - sum(shares.values())
    by_remainder = sorted(quotas, key=lambda k: (-(quotas[k] - shares[k]), k))
    for key in by_remainder[:left]:
        shares[key] += 1
    return shares
