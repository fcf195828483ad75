"""What an extract's counts say per kecamatan in its last month, for the preview and the Data page."""

from __future__ import annotations

import pandas as pd

from ucj.fmt import Lang
from ucj.i18n import t


def last_month_by_kecamatan(counts: pd.DataFrame, names: dict[str, str], lang: Lang) -> pd.DataFrame:
    """One row per kecamatan: registered and active participants (all segments, BPU) in the extract's last month."""
    last = counts["period"].max()
    rows = counts[(counts["level"] == "kecamatan") & (counts["period"] == last)]
    wide = rows.pivot_table(index="kode_wilayah", columns=["segment", "status"], values="persons", aggfunc="sum")
    wide = wide.reindex(sorted(names), fill_value=0).fillna(0).astype(int)
    return pd.DataFrame(
        {
            t("membership.col.kecamatan", lang): [names[k] for k in wide.index],
            t("membership.col.registered", lang): wide[("ALL", "registered")].to_numpy(),
            t("membership.col.active", lang): wide[("ALL", "active")].to_numpy(),
            t("membership.col.active_bpu", lang): wide[("BPU", "active")].to_numpy(),
        }
    )
