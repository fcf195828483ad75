"""Write the synthetic training extracts ("contoh sintetis") for Kota Padang and Desa Dukuhdempok.

    .venv/bin/python -m ucj.membership [folder]   # default: the current folder

The same files come out every time (seeded); the Data page offers the same files for download. The
kecamatan and desa codes come from the database the app opens (the workspace, else the demo).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ucj.db import Database
from ucj.imports.store import load_region
from ucj.membership import synthetic
from ucj.workspace.config import target


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    db = Database(target().path, writable=False)
    for region in synthetic.REGIONS.values():
        with db.reading() as con:
            areas = load_region(con, region.kode_kab)
        _, text = synthetic.extract(region.key, synthetic.desa_by_kecamatan(areas.kecamatan, areas.desa))
        (folder / region.file_name).write_text(text, encoding="utf-8")
        print(folder / region.file_name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
