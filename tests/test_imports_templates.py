"""Templates come from the column specs and read back without a problem, in CSV and in Excel."""

from __future__ import annotations

import pytest

from ucj.imports.columns import find_header
from ucj.imports.kinds import KINDS
from ucj.imports.reading import read_table
from ucj.imports.templates import column_guide, template_frame
from ucj.table_export import to_csv, to_xlsx


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_templates_read_back_with_every_column(kind):
    spec = KINDS[kind]
    for name, data in (("t.csv", to_csv(template_frame(spec))), ("t.xlsx", to_xlsx(template_frame(spec), kind))):
        table = read_table(name, data)
        header, problems = find_header(table, spec.columns)
        assert problems == [] and set(header.positions) == {c.key for c in spec.columns}
        assert len(table.rows) == 1  # the header only: no example row to import by mistake


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_column_guide_lists_every_column(kind):
    guide = column_guide(KINDS[kind])
    assert guide["column"].tolist() == [c.header for c in KINDS[kind].columns]
    assert guide["example"].map(bool).sum() >= len(guide) - 1
