"""A data editor's pending edits folded into its base frame (ui.editor_edits)."""

import pandas as pd

from ui.editor_edits import fold

BASE = pd.DataFrame({"kode": ["a", "b", "c"], "typed": pd.array([None, 5, 6], dtype="Int64")})


def test_edits_land_in_their_row_and_column_and_a_cleared_cell_is_missing():
    folded = fold(BASE, {"edited_rows": {0: {"typed": 7}, 2: {"typed": None}}, "added_rows": [], "deleted_rows": []})
    assert folded["typed"].tolist() == [7, 5, pd.NA]
    assert folded["typed"].dtype == "Int64" and folded["kode"].tolist() == ["a", "b", "c"]


def test_no_state_or_no_edits_give_the_base_and_the_base_is_never_changed():
    assert fold(BASE, None).equals(BASE)
    assert fold(BASE, {"edited_rows": {}}).equals(BASE)
    fold(BASE, {"edited_rows": {1: {"typed": 1}}})
    assert BASE["typed"].tolist() == [pd.NA, 5, 6]
