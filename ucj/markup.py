"""Text that users or imports wrote, made safe to show through Streamlit's Markdown.

Streamlit renders st.markdown, st.caption, titles, alerts and tab, expander and radio labels as
Markdown: an action title `![a](http://host/p.png)` would make every viewer's browser fetch an
image and `[Klik](http://…)` would be a live link. `plain` backslash-escapes every ASCII
punctuation mark (CommonMark lets any of them be escaped). GFM also turns bare `www.x.id`,
`http://…` and `a@b.id` into links after parsing, escapes or not, so an invisible word joiner
(U+2060) goes where such a link would start: the text still reads the same, but is no link.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
# Every ASCII punctuation character: ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Where GFM's bare-link finder starts a link: `www.`, the `://` of a scheme, an e-mail's `@`.
_LINK_START = re.compile(r"(?i)(www(?=\\\.)|\\:(?=\\/\\/)|\\@)")


def plain(text: object) -> str:
    """`text` as Markdown that shows the same visible text and nothing else: no link, image, markup."""
    escaped = _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))
    return _LINK_START.sub(WORD_JOINER + r"\1", escaped)


def visible(text: object) -> str:
    """What a viewer reads of `plain(text)`: whitespace runs shown as one space, joiners unseen."""
    return " ".join(str(text).split()).replace(WORD_JOINER, "")
