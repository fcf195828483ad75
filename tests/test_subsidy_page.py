"""The calculator page in AppTest: a shared link, the research's example, budgets, scenarios, languages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget

from tests.apptest_support import click_tab, metrics, open_app
from tests.data_support import add_user, signed_in
from ucj.db import Database
from ucj.i18n import t
from ucj.markup import plain
from ucj.subsidy.cost import Line
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import Scenario, decode, encode

PAGE = "views/subsidy.py"
RESEARCH_CASE = Scenario(
    start=dt.date(2022, 1, 1), region="13.03", months=9, lines=(Line(None, "lainnya", "APBD", 1333),)
)


def open_link(region: str, s: str, lang: str = "id") -> AppTest:
    """The app opened at the calculator with a scenario link, as a colleague's browser would."""
    return open_app(region, lang, PAGE, s=s)


def open_tab(at: AppTest, tab: str = "scenarios") -> AppTest:
    """Click a calculator tab: a tab's results (all of the scenario tab) run only while it is open."""
    return click_tab(at, "kalk_tab", t(f"kalk.tab.{tab}"))


def url_scenario(at: AppTest) -> Scenario:
    value = at.query_params["s"]
    return decode(value[0] if isinstance(value, list) else value, load())


def test_a_shared_link_shows_the_research_case(app_db):
    at = open_link("sijunjung", encode(RESEARCH_CASE))
    shown = metrics(at)
    assert shown["Biaya total"] == "Rp 201.549.600"
    assert shown["Pekerja"] == "1.333"
    assert shown["Rata-rata per pekerja per bulan"] == "Rp 16.800"


def test_the_example_from_the_research_loads_and_goes_into_the_link(app_db):
    at = open_app("sijunjung", page=PAGE)
    assert "kalk_example" not in [s.key for s in at.selectbox]  # the examples are built once their box is opened
    at.session_state["kalk_examples_box"] = True
    pick = at.run().selectbox(key="kalk_example")
    pick.set_value(pick.options.index("JKK+JKM pekerja informal APBD Tahap I"))
    at.button(key="kalk_example_load").click().run()
    # the stated 12 months of cover (1.333 × Rp 16.800 × 12), not the 9 its budget of Rp 201.549.600 implies
    assert metrics(at)["Biaya total"] == "Rp 268.732.800"
    s = url_scenario(at)
    assert (s.months, s.lines) == (12, (Line(None, "lainnya", "APBD", 1333),))


def test_widgets_write_the_scenario_into_the_link(app_db):
    at = open_link("sijunjung", encode(RESEARCH_CASE))
    at.number_input(key="kalk_months").set_value(7).run()
    at.selectbox(key="kalk_package").set_value("jkk_jkm_jht").run()
    s = url_scenario(at)
    assert (s.months, s.package) == (7, "jkk_jkm_jht")
    assert metrics(at)["Biaya total"] == "Rp 343.380.800"  # 1.333 × Rp36.800 × 7


def test_a_budget_reaches_whole_workers_to_the_rupiah(app_db):
    at = open_tab(open_app("sijunjung", page=PAGE), "budget")
    at.number_input(key="kalk_budget_APBD").set_value(500_000_000).run()
    shown = metrics(at)
    assert shown["Pekerja yang terbiayai penuh"] == "2.480"  # 12 × Rp16.800 = Rp201.600 a worker
    assert shown["Sisa anggaran"] == "Rp 32.000"
    assert any("belum terlindungi" in i.value for i in at.info)  # Sijunjung has no participants per kecamatan


def test_allocation_fills_the_lowest_coverage_first_and_respects_the_dapil(app_db):
    at = open_tab(open_app("padang", page=PAGE), "budget")
    at.number_input(key="kalk_budget_POKIR").set_value(201_600 * 50).run()
    at.multiselect(key="kalk_dapil").set_value(["13.71.05"]).run()
    at.radio(key="kalk_rule").set_value("lowest_coverage").run()
    assert not at.exception
    table = next(df.value for df in at.dataframe if "Cakupan sesudah" in df.value.columns)
    given = table.set_index("Kecamatan")["Pekerja"]
    assert given[given != "0"].to_dict() == {"Bungus Teluk Kabung": "50"}  # 13.71.05: pokir stays in its dapil
    assert not at.warning or all("Porsi minimum" not in w.value for w in at.warning)


@pytest.mark.parametrize(
    ("region", "link"),
    [
        ("padang", "1.rusak"),
        ("sijunjung", encode(replace(RESEARCH_CASE, start=dt.date(1990, 1, 1)))),  # crashed before: no rules then
        ("sijunjung", encode(replace(RESEARCH_CASE, declared_income=1_234_567))),  # no cited bracket
    ],
    ids=["damaged", "before-the-rules", "income-without-bracket"],
)
def test_an_unreadable_link_says_so_and_opens_the_defaults(app_db, region, link):
    at = open_link(region, link)
    assert any("tidak dapat dibaca" in w.value for w in at.warning)
    assert metrics(at)["Biaya total"] == "Rp 0"


def test_a_link_for_another_region_is_not_applied(app_db):
    at = open_link("padang", encode(RESEARCH_CASE))  # a Sijunjung scenario
    assert metrics(at)["Pekerja"] == "0"
    assert any(t("kalk.no_workers") == i.value for i in at.info)  # says how to start, not just Rp 0


def test_a_plan_with_workers_does_not_ask_for_them(app_db):
    at = open_link("sijunjung", encode(RESEARCH_CASE))
    assert not any(t("kalk.no_workers") == i.value for i in at.info)


def test_save_and_compare(app_db):
    at = open_tab(open_link("sijunjung", encode(RESEARCH_CASE)))
    at.text_input(key="kalk_name").set_value("Tahap I").run()
    at.button(key="kalk_save").click().run()
    at.number_input(key="kalk_months").set_value(12).run()
    at.multiselect(key="kalk_compare").set_value(["Tahap I"]).run()
    table = next(df.value for df in at.dataframe if "Tahap I" in df.value.columns)
    assert table.loc["Biaya total", "Tahap I"] == "Rp 201.549.600"
    assert table.loc["Biaya total", "Saat ini"] == "Rp 268.732.800"  # 12 months


def test_the_scenario_tab_runs_only_while_open_and_keeps_its_choices(app_db):
    at = open_link("sijunjung", encode(RESEARCH_CASE))
    assert not [w for w in at.text_input if w.key == "kalk_name"] and not at.code  # not run, not sent
    at = open_tab(at)
    at.text_input(key="kalk_name").set_value("Tahap I").run()
    at.button(key="kalk_save").click().run()
    at.multiselect(key="kalk_compare").set_value(["Tahap I"]).run()
    assert "s=1." in at.code[0].value  # the link to copy

    open_tab(at, "cost")
    assert not [w for w in at.multiselect if w.key == "kalk_compare"]
    assert metrics(at)["Biaya total"] == "Rp 201.549.600"  # the open tab's results
    open_tab(at)
    assert at.text_input(key="kalk_name").value == "Tahap I"
    assert at.multiselect(key="kalk_compare").value == ["Tahap I"]


def test_retention_default_is_derived_from_the_research(app_db):
    at = open_tab(open_link("sijunjung", encode(RESEARCH_CASE)), "retention")
    assert plain("5,2 %") in at.radio(key="kalk_dropout_choice").options[0]  # shown as text, never Markdown
    assert metrics(at)["Masih aktif setelah 12 bulan"] == "701"


@pytest.mark.parametrize(
    ("lang", "label", "value"), [("en", "Total cost", "Rp 201,549,600"), ("id", "Biaya total", "Rp 201.549.600")]
)
def test_both_languages(app_db, lang, label, value):
    at = open_link("sijunjung", encode(RESEARCH_CASE), lang=lang)
    assert metrics(at)[label] == value


def test_typed_headcounts_are_allocated_where_the_data_has_none(app_db):
    """Sijunjung has no participants per kecamatan: numbers the user types (here via the link) are used."""
    s = Scenario(
        start=dt.date(2026, 12, 1),
        region="13.03",
        budgets={"APBD": 201_600 * 30},
        uncovered={"13.03.03": 20, "13.03.05": 25},
        rule="proportional",
    )
    at = open_tab(open_link("sijunjung", encode(s)), "budget")
    table = next(df.value for df in at.dataframe if "Cakupan sesudah" in df.value.columns)
    given = table.set_index("Kecamatan")["Pekerja"].to_dict()
    assert given == {"Tanjung Gadang": "13", "IV Nagari": "17"}  # 30 × 20/45 and 30 × 25/45, largest remainder
    assert set(table["Cakupan sesudah"]) == {"tidak ada data"}  # no workforce/participants: coverage unknown


def test_the_meeting_link_opens_rapat_on_the_budget_slide_with_this_scenario(app_db):
    encoded = encode(RESEARCH_CASE)
    at = open_tab(open_link("sijunjung", encoded))
    links = [p.proto for p in at.get("page_link") if p.proto.label == t("kalk.show_in_meeting")]
    assert len(links) == 1 and links[0].page == "rapat"
    target = dict(parse_qsl(links[0].query_string))
    assert target["s"] == encoded and target["region"] == "sijunjung"

    rapat = open_app(target.pop("region"), target.pop("lang"), "views/slides.py", **target)
    deck = next(h.proto.body for h in rapat.get("html") if "ucj-deck" in h.proto.body)
    assert t("rapat.slide.budget") in deck and "Rp 201.549.600" in deck


def test_an_editor_saves_a_scenario_for_colleagues(data_db, fast_hashing):
    add_user(data_db, "bappeda1", "editor")
    editor = signed_in("sijunjung", "bappeda1")
    editor.query_params["s"] = encode(RESEARCH_CASE)
    open_tab(editor.switch_page(PAGE).run())
    assert "semua pengguna" in " ".join(c.value for c in editor.caption)
    editor.text_input(key="kalk_name").set_value("Tahap I").run()
    editor.button(key="kalk_save").click().run()
    assert not editor.exception, editor.exception

    colleague = open_tab(open_app("sijunjung", page=PAGE))  # another browser, not signed in
    pick = colleague.selectbox(key="kalk_load_pick")
    assert pick.options == ["Tahap I"]  # shared, so not marked "sesi ini"
    assert not [b for b in colleague.button if b.key == "kalk_delete"]  # only an editor removes it
    colleague.button(key="kalk_load").click().run()
    assert metrics(open_tab(colleague, "cost"))["Biaya total"] == "Rp 201.549.600"
    open_tab(colleague)
    colleague.text_input(key="kalk_name").set_value("Coba").run()
    colleague.button(key="kalk_save").click().run()
    assert colleague.selectbox(key="kalk_load_pick").options == ["Tahap I", "Coba (sesi ini)"]

    editor.selectbox(key="kalk_load_pick").set_value("Tahap I").run()
    editor.button(key="kalk_delete").click().run()
    assert not [s for s in editor.selectbox if s.key == "kalk_load_pick"]
    actions = Database(data_db).query("audit_log_entries")["action"].tolist()
    assert actions[:2] == ["scenario_delete", "scenario_save"]


def test_why_a_link_is_refused_is_said_in_the_readers_language(app_db):
    at = open_link("sijunjung", encode(replace(RESEARCH_CASE, declared_income=1_234_567)), lang="en")
    (warning,) = [w.value for w in at.warning if "could not be read" in w.value]
    assert "declared income Rp 1,234,567 is not in the BPU JKK bracket table in force on 1 January 2022" in warning


def test_a_dbhcht_plan_in_the_discount_months_shows_both_costs_and_why(app_db):
    """PP 50/2025 excludes only APBN/APBD payments; whether DBHCHT money counts is not in our sources."""
    plan = Scenario(start=dt.date(2026, 4, 1), region="35.74", months=3, lines=(Line(None, "petani", "DBHCHT", 100),))
    at = open_link("probolinggo", encode(plan))
    assert metrics(at)["Biaya total"] == "Rp 5.040.000"
    said = [i.value for i in at.info if "PP 50/2025" in i.value]
    assert len(said) == 1 and "Rp 2.520.000" in said[0] and "APBN atau APBD" in said[0] and "DBHCHT" in said[0]


def test_only_the_open_tab_sends_its_results_and_a_closed_tab_keeps_its_choices(app_db):
    s = Scenario(start=dt.date(2026, 12, 1), region="13.71", budgets={"APBD": 201_600 * 50})
    at = open_link("padang", encode(s))
    assert "Biaya total" in metrics(at) and "Pekerja yang terbiayai penuh" not in metrics(at)
    tables = [d for d in at.dataframe if not (d.key or "").endswith("_editor")]  # the editors are inputs
    assert len(tables) == 1  # the open breakdown's table; the other three and the rule tables wait
    assert not at.get("bidi_component")  # nor is the allocation map drawn in its closed tab

    open_tab(at, "budget")
    assert metrics(at)["Pekerja yang terbiayai penuh"] == "50" and "Biaya total" not in metrics(at)
    assert len(at.get("bidi_component")) == 1
    at.button_group(key="kalk_map_view").set_value("workers").run()
    open_tab(open_tab(at, "cost"), "budget")
    assert at.button_group(key="kalk_map_view").value == "workers"


# The widgets whose value a viewer sets (buttons and the editors, ui/editor_edits.py, are kept otherwise), and
# how a viewer changes one: a radio or a multiselect shows labels, so its new value is named per key.
CHANGE = {
    "number_input": lambda w: w.increment(),
    "checkbox": lambda w: w.uncheck() if w.value else w.check(),
    "slider": lambda w: w.set_value(w.max if w.value != w.max else w.min),
    "text_input": lambda w: w.input(f"{w.value or ''}x"),
}
CHOSEN = {"kalk_rule": "proportional", "kalk_dropout_choice": "custom", "kalk_dapil": ["13.71.01"]}


def _inputs(at: AppTest) -> dict[str, Widget]:
    kinds = (*CHANGE, "radio", "multiselect", "selectbox", "button_group", "date_input")
    return {w.key: w for kind in kinds for w in at.get(kind) if w.key}


@pytest.mark.parametrize("tab", ["budget", "retention", "protection", "scenarios"])
def test_every_input_of_a_tab_keeps_its_value_while_the_tab_is_closed(app_db, tab):
    """A widget added to a tab without its keep (`keep_inputs`, `keep_choice(s)`) would lose its value."""
    at = open_tab(open_app("padang", page=PAGE), tab)
    if tab == "retention":  # the custom rate's input is drawn only once chosen
        at.radio(key="kalk_dropout_choice").set_value("custom").run()
    drawn = {name: widget.value for name, widget in _inputs(at).items()}
    mine = set(drawn) - set(_inputs(open_tab(at, "cost")))
    open_tab(at, tab)
    for name in sorted(mine):
        widget = _inputs(at)[name]
        if name in CHOSEN:
            widget.set_value(CHOSEN[name])
        elif widget.type in CHANGE:
            CHANGE[widget.type](widget)
        else:
            pytest.fail(f"{name}: a {widget.type} this test cannot change yet")
        at.run()
    changed = {name: _inputs(at)[name].value for name in mine}
    assert mine and all(changed[name] != drawn[name] for name in mine - {"kalk_dropout_choice"})

    at = open_tab(open_tab(at, "cost"), tab)

    assert {name: _inputs(at)[name].value for name in mine} == changed


def test_a_closed_tabs_inputs_are_not_sent_and_still_make_the_scenario(app_db):
    at = open_tab(open_app("padang", page=PAGE), "budget")
    assert not [w for w in at.number_input if w.key == "kalk_dropout_custom" or w.key == "kalk_injury_cost_rp"]
    at.number_input(key="kalk_budget_APBD").set_value(201_600 * 40).run()
    at.radio(key="kalk_rule").set_value("proportional").run()
    first = at.dataframe(key="kalk_uncovered_editor").value.iloc[0]
    # what the browser holds after a number is typed into the editor, which a closed tab no longer draws
    at.session_state["kalk_uncovered_editor"] = {"edited_rows": {0: {"typed": 7}}, "added_rows": [], "deleted_rows": []}
    at = open_tab(open_tab(at, "retention"), "cost")
    assert not [w for w in at.number_input if w.key == "kalk_budget_APBD"]  # the closed tab's inputs are not sent
    s = url_scenario(at)
    assert (s.budgets, s.rule, s.uncovered) == ({"APBD": 201_600 * 40}, "proportional", {first["kode"]: 7})

    open_tab(at, "retention")
    at.radio(key="kalk_dropout_choice").set_value("custom").run()
    at.number_input(key="kalk_dropout_custom").set_value(3.5).run()
    at.checkbox(key="kalk_inc_first_free").check().run()
    open_tab(at, "protection").number_input(key="kalk_injury_cost_rp").set_value(9_000_000).run()
    s = url_scenario(open_tab(at, "cost"))
    assert (s.dropout_pct, s.incentives, s.claims.injury_cost_rp) == (3.5, ("first_free",), 9_000_000)

    at = open_tab(at, "budget")  # drawn again with the values they had
    assert (
        at.number_input(key="kalk_budget_APBD").value == 201_600 * 40
        and at.radio(key="kalk_rule").value == "proportional"
    )
    assert at.dataframe(key="kalk_uncovered_editor").value.iloc[0]["typed"] == 7
    assert open_tab(at, "retention").number_input(key="kalk_dropout_custom").value == 3.5
