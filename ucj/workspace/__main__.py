"""`python -m ucj.workspace`: set up a Pemda's own workspace, add a kab/kota to it, or name one to open.

    init --kab 35.15 [--kab 35.16 …] [--path data/workspace.duckdb]   a new workspace, named in data/workspace.toml
    add  --kab 35.16 [--path …]                                       another kab/kota (a province's workspace)
    use  PATH                                                        open an existing file as the workspace

Run it with the app stopped (DuckDB lets one process write a file). The demo file is never touched.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ucj import schema
from ucj.build import build
from ucj.db import Database
from ucj.errors import Explained
from ucj.workspace.config import CONFIG, DEFAULT_WORKSPACE, configured_workspace, write_config
from ucj.workspace.regions import Added, add_kabkota


def _add(path: Path, codes: list[str]) -> list[Added]:
    """Every kab/kota in one transaction: all of them land, or none."""
    db = Database(path)
    actor = f"cli:{getpass.getuser()}"
    try:
        with db.writer() as con:
            return [add_kabkota(con, kode, actor) for kode in codes]
    finally:
        db.close()


def init(path: Path, codes: list[str], config: Path = CONFIG) -> list[Added]:
    """A new workspace at `path`: the shared reference rows and the four research regions as examples,
    plus the kab/kota asked for; then named in data/workspace.toml. Refused if `path` exists."""
    if path.exists():
        raise FileExistsError(f"{path} sudah ada; tambahkan kab/kota dengan `add` / already exists: use `add`")
    path.parent.mkdir(parents=True, exist_ok=True)
    build(out=path)
    try:
        added = _add(path, codes)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    write_config(path, config)
    return added


def _print(added: list[Added], path: Path) -> None:
    for a in added:
        print(
            f"{a.kode_kab} {a.nama} ({a.slug}): {a.kecamatan} kecamatan, {a.desa} desa/kelurahan, {a.polygons} poligon"
        )
    print(f"ruang kerja / workspace: {path}")


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise FileNotFoundError(f"{path} tidak ada / does not exist")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ucj.workspace", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("init", "add", "use"):
        command = commands.add_parser(name)
        if name == "use":
            command.add_argument("path", type=Path)
        else:
            command.add_argument("--kab", action="append", required=True, help="kode kab/kota Kemendagri, mis. 35.15")
            command.add_argument("--path", type=Path, default=None)
        command.add_argument("--config", type=Path, default=CONFIG, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.command == "init":
            path = args.path or DEFAULT_WORKSPACE
            _print(init(path, args.kab, args.config), path)
        elif args.command == "add":
            path = _existing(args.path or configured_workspace(args.config) or DEFAULT_WORKSPACE)
            schema.upgrade(path)
            _print(_add(path, args.kab), path)
        else:
            schema.upgrade(_existing(args.path))
            write_config(args.path, args.config)
            print(f"ruang kerja / workspace: {args.path} ({args.config})")
    except (Explained, FileExistsError, FileNotFoundError) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
