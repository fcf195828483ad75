"""How map figures are written: a stated percentage keeps its decimals, a computed one gets one."""

from __future__ import annotations

import pytest

from ucj.map.metric_style import classes_for, formatter


@pytest.mark.parametrize(
    ("metric", "value", "lang", "shown"),
    [
        ("coverage", 0.5215, "id", "52,15 %"),  # the national target as published
        ("coverage", 0.315, "id", "31,5 %"),
        ("coverage", 0.3150243, "id", "31,5 %"),  # computed: no invented precision
        ("coverage", 0.6, "en", "60.0%"),
        ("change", -0.0525, "id", "-5,25 %"),
        ("change", 0.1, "id", "+10,0 %"),
        ("active", 2784, "id", "2.784"),
    ],
)
def test_figures_are_written_as_precisely_as_they_were_stated(metric, value, lang, shown):
    assert formatter(metric, lang)(value) == shown


def test_the_legend_writes_the_target_break_as_the_target_is_written():
    classes = classes_for("coverage", [0.31, 0.33], target=0.5215)
    labels = classes.labels(formatter("coverage", "id"))
    assert "≥ 52,15 %" in labels and "40,0 % – < 52,15 %" in labels
