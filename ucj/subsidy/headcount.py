"""Workers still to protect per kecamatan: the workforce minus active participants, with provenance.

The research gives regional totals only, so per-kecamatan figures are the build's estimates; the
difference of two figures is an estimate whenever either is, and its rule says which two.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ucj import fmt
from ucj.provenance import Provenance, combine


@dataclass(frozen=True)
class Kecamatan:
    """One kecamatan as the database knows it; None where it knows nothing."""

    kode: str
    nama: str
    desa: int  # desa/nagari that can have an APBDes (all units when the split is unknown)
    desa_known: bool  # False: jumlah_desa_kel counted whole, kelurahan included
    uncovered: int | None = None
    workforce: int | None = None
    active: int | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Region:
    kecamatan: tuple[Kecamatan, ...]
    default_dropout: float | None = None  # derived from the research; None if there is no evidence

    def names(self) -> dict[str, str]:
        return {k.kode: k.nama for k in self.kecamatan}


def _value(v: object) -> int | None:
    return None if fmt.missing(v) else int(v)


def _provenance(row: pd.Series, workforce: int, active: int) -> Provenance:
    w_when = fmt.month(pd.Timestamp(row["workforce_period"]).date())
    a_when = fmt.month(pd.Timestamp(row["active_period"]).date())
    rules = dict.fromkeys(m for m in (row["workforce_method"], row["active_method"]) if m)
    method = f"tenaga kerja {fmt.number(workforce)} ({w_when}) − peserta aktif {fmt.number(active)} ({a_when})"
    if rules:
        method += "; " + " / ".join(rules)
    return Provenance(
        kind=combine(row["workforce_kind"], row["active_kind"]),
        source=f"{row['workforce_source']}; {row['active_source']}",
        as_of=pd.Timestamp(row["active_period"]).date(),
        method=method,
    )


def kecamatan_from(rows: pd.DataFrame) -> tuple[Kecamatan, ...]:
    """Rows of the kalkulator_kecamatan query as Kecamatan; uncovered only where both figures exist."""
    result = []
    for _, row in rows.iterrows():
        workforce, active = _value(row["workforce"]), _value(row["active"])
        desa = _value(row["desa_count"])
        both = workforce is not None and active is not None
        result.append(
            Kecamatan(
                kode=row["kode_kec"],
                nama=row["nama"],
                desa=desa if desa is not None else int(row["jumlah_desa_kel"]),
                desa_known=desa is not None,
                uncovered=max(workforce - active, 0) if both else None,
                workforce=workforce,
                active=active,
                provenance=_provenance(row, workforce, active) if both else None,
            )
        )
    return tuple(result)
