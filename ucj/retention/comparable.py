"""The measured cohort the calculator compares its projection with, and the drop-out it implies.

The calculator asks how many keep paying after a subsidy ends, so the most comparable cohort is the
region's recipients after their SK's cover ended; without recipient lists, the BPU participants of
all registration months pooled (from registration on). Both come from the newest extract's curves.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ucj.db import Query
from ucj.retention.cohorts import measured, pooled
from ucj.retention.extract import Extract, extracts_from
from ucj.subsidy.retention import Evidence

COMPARABLE = (
    ("list_after_subsidy", {"cohort_by": "list", "split": "none", "anchor": "subsidy_end"}, None),
    ("bpu_registration", {"cohort_by": "month", "split": "segment", "anchor": "registration"}, "BPU"),
)


@dataclass(frozen=True)
class Comparable:
    """A pooled curve (k, observed, active, share) of one kind of cohort, and the extract it stands on."""

    kind: str
    curve: pd.DataFrame
    extract: Extract

    def evidence(self, place: str) -> Evidence | None:
        """The curve's monthly drop-out as calculator evidence, labelled with the cohort it came from."""
        m = measured(self.curve)
        if m is None:
            return None
        source = f"{self.extract.file_name} ({self.extract.extract_date.isoformat()})"
        return Evidence(
            f"measured:{self.kind}",
            place,
            m.observed,
            m.active,
            m.k,
            source,
            cohort=self.kind,
            synthetic=self.extract.synthetic,
        )


def comparable(query: Query, kode_kab: str) -> list[Comparable]:
    """The region's measured cohorts, most comparable first; [] without an extract."""
    extracts = extracts_from(query("retention_extracts", kode_kab=kode_kab))
    if not extracts:
        return []
    found = []
    for kind, params, part in COMPARABLE:
        curve = pooled(query("retention_cohort_curves", kode_kab=kode_kab, **params), part)
        if (curve["observed"] > 0).any():
            found.append(Comparable(kind, curve, extracts[0]))
    return found


def measured_evidence(query: Query, kode_kab: str, place: str) -> list[Evidence]:
    return [e for c in comparable(query, kode_kab) if (e := c.evidence(place)) is not None]


def beside(projection: pd.DataFrame, workers: int, cohort: Comparable | None) -> pd.DataFrame:
    """The projection's months (month, active) and, at the offsets the cohort was observed, its share of
    the same `workers` (month k after the subsidy is the projection's k-th row): month, active, series."""
    rows = projection[["month", "active"]].assign(series="projected")
    if cohort is None:
        return rows.reset_index(drop=True)
    seen = cohort.curve[(cohort.curve["observed"] > 0) & (cohort.curve["k"] <= len(projection))]
    measured_rows = pd.DataFrame(
        {
            "month": [projection["month"].iloc[k - 1] for k in seen["k"]],
            "active": [int(share * workers + 0.5) for share in seen["share"]],
            "series": "measured",
        }
    )
    return pd.concat([rows, measured_rows], ignore_index=True)
