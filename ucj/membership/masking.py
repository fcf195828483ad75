"""Participants as a screen may show them: never a NIK, a name or a KPJ number in clear."""

from __future__ import annotations

import pandas as pd

from ucj.fmt import Lang
from ucj.i18n import t
from ucj.imports.recipients import mask_name
from ucj.membership import crypto

NIK_HIDDEN = "*" * 10  # only the region part of a NIK is stored


def mask_kpj(kpj: str) -> str:
    """The last three digits only: '********678'."""
    return "*" * max(len(kpj) - 3, 0) + kpj[-3:]


def masked(sample: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The sample query's rows with masked identity columns and the area's basis in words."""
    return pd.DataFrame(
        {
            t("membership.col.nik", lang): [f"{r}{NIK_HIDDEN}" for r in sample["nik_region"]],
            t("membership.col.name", lang): [_open(v, mask_name) for v in sample["name_enc"]],
            t("membership.col.kpj", lang): [_open(v, mask_kpj) for v in sample["kpj_enc"]],
            t("membership.col.segment", lang): sample["segment"],
            t("membership.col.status", lang): sample["status"],
            t("membership.col.area", lang): sample["kode_area"],
            t("membership.col.basis", lang): [t(f"membership.basis.{b}", lang) for b in sample["area_basis"]],
        }
    )


def _open(blob: object, mask) -> str:
    if not isinstance(blob, bytes | bytearray | memoryview):  # None, NaN or NA: no value stored
        return ""
    return mask(crypto.decrypt(bytes(blob)))
