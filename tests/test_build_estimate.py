import datetime as dt

import pandas as pd
import pytest

from ucj.build.estimate import equal_desa_weights, interpolate_months, kecamatan_weights, spread

KEC = pd.DataFrame(
    {
        "kode_kec": ["01.01.01", "01.01.02", "02.02.01"],
        "kode_kab": ["01.01", "01.01", "02.02"],
        "jumlah_desa_kel": [3, 1, 4],
    }
)


def test_population_weights_when_every_kecamatan_has_a_figure_else_desa_counts():
    pop = pd.DataFrame(
        {
            "kode_wilayah": ["01.01.01", "01.01.02", "02.02.01"],
            "year": [2020, 2020, 2019],
            "persons": [300, 100, 50],
            "source_id": ["sp", "sp", "x"],
        }
    )
    # region 02.02 has a figure for its only kecamatan too, so both use population
    weights = kecamatan_weights(KEC, pop, {"sp": "SP2020"})
    assert weights["01.01"].shares == {"01.01.01": 300.0, "01.01.02": 100.0}
    assert "SP2020" in weights["01.01"].rule_id
    partial = kecamatan_weights(KEC, pop.iloc[:1], {})
    assert partial["01.01"].shares == {"01.01.01": 3.0, "01.01.02": 1.0}
    assert "jumlah desa" in partial["01.01"].rule_id


def test_latest_complete_year_is_used():
    pop = pd.DataFrame(
        {
            "kode_wilayah": ["01.01.01", "01.01.02", "01.01.01"],
            "year": [2010, 2010, 2020],
            "persons": [1, 1, 5],
            "source_id": ["a", "a", "b"],
        }
    )
    assert kecamatan_weights(KEC[KEC.kode_kab == "01.01"], pop, {})["01.01"].shares == {
        "01.01.01": 1.0,
        "01.01.02": 1.0,
    }


def test_spread_adds_up_exactly_and_marks_estimates():
    parents = pd.DataFrame(
        [{"kode_wilayah": "01.01", "level": "kabupaten", "persons": 1001, "kind": "published", "method": None}]
    )
    weights = kecamatan_weights(KEC, pd.DataFrame(columns=["kode_wilayah", "year", "persons", "source_id"]), {})
    children = spread(parents, weights, "kecamatan")
    assert children["persons"].sum() == 1001
    assert set(children["kind"]) == {"estimate"}
    assert set(children["level"]) == {"kecamatan"}
    assert children["method"].str.startswith("Perkiraan").all()


def test_equal_desa_weights():
    desa = pd.DataFrame({"kode_desa": ["a1", "a2", "b1"], "kode_kec": ["A", "A", "B"]})
    assert equal_desa_weights(desa)["A"].shares == {"a1": 1.0, "a2": 1.0}


def _series(points):
    return pd.DataFrame(
        [
            {
                "kode_wilayah": "13.71",
                "segment": "BPU",
                "status": "active",
                "period": p,
                "persons": v,
                "kind": "published",
                "figure_id": f"f{i}",
                "method": None,
            }
            for i, (p, v) in enumerate(points)
        ]
    )


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        # Padang BPU: 3,639 in January 2024, 2,784 in June 2024 (Trimaulina et al. 2025)
        (
            [(dt.date(2024, 1, 1), 3639), (dt.date(2024, 6, 1), 2784)],
            {
                dt.date(2024, 2, 1): 3468,
                dt.date(2024, 3, 1): 3297,
                dt.date(2024, 4, 1): 3126,
                dt.date(2024, 5, 1): 2955,
            },
        ),
        ([(dt.date(2023, 12, 1), 10), (dt.date(2024, 2, 1), 20)], {dt.date(2024, 1, 1): 15}),
        ([(dt.date(2024, 1, 1), 10), (dt.date(2024, 2, 1), 20)], {}),  # adjacent months: nothing to fill
        ([(dt.date(2020, 1, 1), 10), (dt.date(2024, 1, 1), 20)], {}),  # years apart: not invented
        ([(dt.date(2024, 1, 1), 10)], {}),
    ],
)
def test_interpolate_months(points, expected):
    filled = interpolate_months(_series(points))
    assert dict(zip(filled["period"], filled["persons"])) == expected
    assert (filled["kind"] == "estimate").all()
