"""ucj.markup.plain: hostile Markdown in, escaped text out (what the browser then shows: test_browser_markup)."""

from __future__ import annotations

import pytest

from ucj.markup import WORD_JOINER, plain, visible

J = WORD_JOINER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kecamatan Koto Tangah", "Kecamatan Koto Tangah"),
        ("![a](http://host/p.png)", f"\\!\\[a\\]\\(http{J}\\:\\/\\/host\\/p\\.png\\)"),
        ("[Klik](x)", "\\[Klik\\]\\(x\\)"),
        ("www.evil.id", f"{J}www\\.evil\\.id"),
        ("WWW.evil.id", f"{J}WWW\\.evil\\.id"),
        ("a@b.id", f"a{J}\\@b\\.id"),
        ("**tebal** _miring_ `kode`", "\\*\\*tebal\\*\\* \\_miring\\_ \\`kode\\`"),
        ("# judul\n\n- butir", "\\# judul \\- butir"),
        (":smile: :red[x] $x$", "\\:smile\\: \\:red\\[x\\] \\$x\\$"),
        ("&amp; <b>", "\\&amp\\; \\<b\\>"),
        ("  spasi\tdan\nbaris  ", "spasi dan baris"),
        (12, "12"),
    ],
)
def test_plain_escapes_every_markup(text: object, expected: str) -> None:
    assert plain(text) == expected


def test_visible_is_the_text_with_whitespace_collapsed_and_no_joiner() -> None:
    assert visible(f" a{J}b\n\nc ") == "ab c"
