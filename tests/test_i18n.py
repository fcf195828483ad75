import pytest

from ucj import i18n


def test_every_label_has_both_languages():
    table = i18n.table()
    assert table, "no labels loaded"
    empty = [key for key, texts in table.items() if not texts["id"].strip() or not texts["en"].strip()]
    assert empty == []


def test_placeholders_match_between_languages():
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    mismatched = [k for k, v in i18n.table().items() if fields(v["id"]) != fields(v["en"])]
    assert mismatched == []


def test_lookup_and_fallback():
    assert i18n.t("nav.peta") == "Peta Cakupan"
    assert i18n.t("nav.peta", "en") == "Coverage map"
    assert i18n.t("no.such.key") == "no.such.key"


def test_duplicate_keys_across_files_are_an_error(tmp_path):
    (tmp_path / "a.csv").write_text("key,id,en\nx,satu,one\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("key,id,en\nx,dua,two\n", encoding="utf-8")
    with pytest.raises(i18n.DuplicateLabel, match="'x'"):
        i18n.table(tmp_path)
