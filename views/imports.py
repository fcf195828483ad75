"""Data: import a Pemda's own figures, check recipient lists, add a region, manage access.

Viewers see why they cannot import and the public recipient summary; editors import and roll
back; admins also manage accounts, read the audit log and download a backup.
"""

import streamlit as st

from ucj.i18n import t
from ui.access import current_admin, current_editor
from ui.db import is_demo
from ui.imports import accounts, backup, history, new_region, recipients, upload
from ui.layout import context

ctx = context()
lang = ctx.lang
st.title(t("data.title", lang))
st.caption(t("data.intro", lang))

backup.restored_notice(lang)
editor = current_editor()
if editor is None:
    st.info(t("workspace.data_demo" if is_demo() else "data.viewer_note", lang))
    recipients.public_summary(ctx)
else:
    sections = {
        "import": upload.render,
        "history": history.render,
        "recipients": recipients.render,
        "region": new_region.render,
    }
    if current_admin() is not None:
        sections |= {"accounts": accounts.accounts, "audit": accounts.audit_log, "backup": backup.render}
    tabs = st.tabs([t(f"data.section.{s}", lang) for s in sections], key="data_section", on_change="rerun")
    for tab, render in zip(tabs, sections.values()):
        if tab.open:  # only the open section runs: each has its own queries and uploads
            with tab:
                render(ctx, editor)
