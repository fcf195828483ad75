"""Read-only tables as Markdown (ucj/markdown_table.py): every cell is escaped text, figures align right."""

import pandas as pd

from ucj.markdown_table import markdown_table


def test_cells_are_escaped_text_and_figures_align_right() -> None:
    frame = pd.DataFrame({"Program": ["BPU | rentan", "[Klik](http://x.id)"], "Pekerja": ["1.200", None]})
    assert markdown_table(frame, right=frozenset({"Pekerja"})).splitlines() == [
        "| Program | Pekerja |",
        "|---|---:|",
        r"| BPU \| rentan | 1\.200 |",
        r"| \[Klik\]\(http" + "\u2060" + r"\:\/\/x\.id\) |  |",  # a word joiner: no bare link either
    ]
