"""Files leaving the retention page: an editor's worklist (xlsx, printable PDF) and the public tables.

Public tables carry counts only, with counts of 1–4 shown as '<5' (as for recipient lists), and
always the extract they come from, "contoh sintetis" included.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ucj import table_export
from ucj.disclosure import suppress_small
from ucj.fmt import Lang
from ucj.i18n import t

# Relative widths of the printed worklist: NIK region, name, KPJ, desa, agent, segment, last paid,
# months behind, status; and a wide last column for the visit's note.
PDF_WIDTHS = (2.2, 3.4, 2.2, 2.4, 1.2, 1.2, 2.2, 1.2, 2.2, 3.4)


def worklist_xlsx(people: pd.DataFrame, heading: list[str]) -> bytes:
    """One sheet: the heading lines (scope, extract, who made it) above the list."""
    top = pd.DataFrame({people.columns[0]: heading})
    return table_export.to_xlsx(pd.concat([top, people], ignore_index=True), sheet="daftar kerja")


def worklist_pdf(people: pd.DataFrame, heading: list[str], lang: Lang) -> bytes:
    """Landscape A4 for door-to-door visits, with an empty column to note each visit's result."""
    # fpdf costs 0,4 s of CPU to import; the page's CSV exports import this module too, and rarely want a PDF.
    from fpdf.fonts import FontFace

    from ucj.subsidy.export_pdf import FONT_DIR, Report, paragraph

    pdf = Report(FONT_DIR)
    pdf.add_page()
    paragraph(pdf, heading[0], 13, 7, "B")
    for line in heading[1:]:
        paragraph(pdf, line, 8, 4)
    pdf.ln(2)
    pdf.set_font(pdf.font_name, size=7)
    with pdf.table(headings_style=FontFace(emphasis="BOLD"), line_height=5, col_widths=PDF_WIDTHS) as grid:
        grid.row([pdf.text_of(c) for c in [*people.columns, t("ret.col.visit", lang)]])
        for values in people.itertuples(index=False):
            grid.row([pdf.text_of(v) for v in [*values, ""]])
    return bytes(pdf.output())


def heading(title: str, scope: str, source: str, actor: str, when: dt.datetime, lang: Lang) -> list[str]:
    return [title, scope, source, t("ret.export.made", lang, user=actor, when=when.strftime("%Y-%m-%d %H:%M"))]


def public_csv(counts: pd.DataFrame, count_columns: list[str], source: str, lang: Lang) -> bytes:
    """Counts for anyone: small counts suppressed, the extract named in a last row."""
    shown = suppress_small(counts, count_columns, lang) if count_columns else counts.copy()
    cited = pd.concat([shown, pd.DataFrame({shown.columns[0]: [source]})], ignore_index=True)
    return table_export.to_csv(cited)
