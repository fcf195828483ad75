"""Daftar kerja: who to visit, longest lapsed first, masked on screen and decrypted only for an editor.

An export with names and KPJ numbers in clear is personal data leaving the app, so it is made only
for an editor and written to the audit log (who, when, what, how many) in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd

from ucj import audit, fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.imports.recipients import mask_name

SCOPES = ("desa", "agent")
EXPORT_FORMATS = ("xlsx", "pdf")
Decrypt = Callable[[bytes], str]


def band(months_behind: int) -> str:
    """'1', '2' or '3+' months behind; 0 (paid again) has no band."""
    if months_behind <= 0:
        return ""
    return str(months_behind) if months_behind < 3 else "3+"


def mask_kpj(kpj: str) -> str:
    """The last two digits only, fixed width: '*********34'."""
    return "*" * 9 + kpj[-2:] if len(kpj) > 2 else "*" * 11


def mask_nik_region(region: str) -> str:
    """What a stored NIK can show at all: its six region digits (the rest is kept only as a keyed hash)."""
    return region + "*" * 10


def _open(blob: object, decrypt: Decrypt) -> str:
    return decrypt(blob) if isinstance(blob, bytes | bytearray | memoryview) else ""


def table(rows: pd.DataFrame, decrypt: Decrypt, lang: Lang, clear: bool) -> pd.DataFrame:
    """The worklist as people read it: masked (`clear` False, the screen) or in clear (an editor's export)."""
    names = [_open(b, decrypt) for b in rows["name_enc"]]
    kpj = [_open(b, decrypt) for b in rows["kpj_enc"]]
    status = [
        t("ret.wl.paid_again", lang) if again else t("ret.wl.behind", lang, band=band(int(n)))
        for again, n in zip(rows["paid_again"], rows["months_behind"])
    ]
    return pd.DataFrame(
        {
            t("ret.col.nik", lang): [mask_nik_region(r) for r in rows["nik_region"]],
            t("ret.col.name", lang): names if clear else [mask_name(n) for n in names],
            t("ret.col.kpj", lang): kpj if clear else [mask_kpj(k) for k in kpj],
            t("ret.col.desa", lang): rows["desa"].fillna("").tolist(),
            t("ret.col.agent", lang): rows["perisai_agent"].fillna("").tolist(),
            t("ret.col.segment", lang): rows["segment"].tolist(),
            t("ret.col.last_paid", lang): [fmt.month(pd.Timestamp(m).date(), lang) for m in rows["last_paid_month"]],
            t("ret.col.behind", lang): [band(int(n)) for n in rows["months_behind"]],
            t("ret.col.status", lang): status,
        }
    )


def band_counts(rows: pd.DataFrame) -> dict[str, int]:
    """How many are 1, 2 and 3+ months behind, and how many paid again since the previous extract."""
    bands = [band(int(n)) for n in rows["months_behind"]]
    counts = {b: bands.count(b) for b in ("1", "2", "3+")}
    return counts | {"paid_again": int(rows["paid_again"].sum())}


def record_export(con: duckdb.DuckDBPyConnection, actor: str, scope_by: str, scope_key: str, count: int) -> None:
    """The audit entry of an export with names in clear: who (actor), when (the log's clock), how many."""
    if scope_by not in SCOPES:
        raise ValueError(f"daftar kerja untuk {scope_by!r} tidak dikenal")
    audit.record(
        con,
        actor=actor,
        action="worklist_export",
        target_table="participant",
        detail=f"{scope_by}={scope_key}; {'+'.join(EXPORT_FORMATS)}; {count} orang",
        rows_before=count,
        rows_after=count,
    )
