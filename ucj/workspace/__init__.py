"""A Pemda's own workspace: its database file, the kab/kota it holds, and how it is set up."""
