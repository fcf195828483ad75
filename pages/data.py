"""Data: import a Pemda's own figures, check recipient lists, add a region, manage access.

Viewers see why they cannot import and the public recipient summary; editors import and roll
back; admins also manage accounts, read the audit log and download a backup.
"""

import streamlit as st

from ucj.i18n import t
from ui import data_admin, data_backup, data_history, data_import, data_recipients, data_region
from ui.access import current_admin, current_editor
from ui.layout import context

ctx = context()
lang = ctx.lang
st.title(t("data.title", lang))
st.caption(t("data.intro", lang))

editor = current_editor()
if editor is None:
    st.info(t("data.viewer_note", lang))
    data_recipients.public_summary(ctx)
else:
    sections = {
        "import": data_import.render,
        "history": data_history.render,
        "recipients": data_recipients.render,
        "region": data_region.render,
    }
    if current_admin() is not None:
        sections |= {"accounts": data_admin.accounts, "audit": data_admin.audit_log, "backup": data_backup.render}
    tabs = st.tabs([t(f"data.section.{s}", lang) for s in sections], key="data_section", on_change="rerun")
    for tab, render in zip(tabs, sections.values()):
        if tab.open:  # only the open section runs: each has its own queries and uploads
            with tab:
                render(ctx, editor)
