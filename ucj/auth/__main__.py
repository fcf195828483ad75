"""`python -m ucj.auth create-user --role admin --username NAME`: accounts from the command line.

Used to make the first admin (no password is shipped), to reset a password when every admin
has forgotten theirs, and to limit an account to areas (`--scope 35.09.11,35.74`; `set-scope`).
Accounts live in the workspace configuration names (or `--db`); the demo has none. The password
is asked for twice and never echoed (or read from standard input with --password-stdin). Stop the
app first: DuckDB lets only one process write the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path

import duckdb

from ucj.auth import ROLES, AccountError
from ucj.auth.accounts import create_user, normalise, set_password, set_scope
from ucj.auth.scope import parse
from ucj.db import Database
from ucj.i18n import t
from ucj.workspace.config import configured_workspace


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Kata sandi / password: ")
    if first != getpass.getpass("Ulangi / repeat: "):
        raise SystemExit("Kata sandi tidak sama / passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ucj.auth", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=configured_workspace())
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-user", help="a new account")
    create.add_argument("--username", required=True)
    create.add_argument("--role", choices=ROLES, required=True)
    create.add_argument("--password-stdin", action="store_true")
    create.add_argument("--scope", default="", help="kab/kota or kecamatan codes, comma-separated (default: all)")
    reset = commands.add_parser("set-password", help="a new password for an account")
    reset.add_argument("--username", required=True)
    reset.add_argument("--password-stdin", action="store_true")
    limit = commands.add_parser("set-scope", help="the areas an account may change (empty: the whole workspace)")
    limit.add_argument("--username", required=True)
    limit.add_argument("--scope", required=True)
    args = parser.parse_args(argv)
    if args.db is None or not args.db.exists():
        print(
            f"{args.db or 'ruang kerja'} tidak ada: jalankan dulu `python -m ucj.workspace init --kab <kode>`",
            file=sys.stderr,
        )
        return 2
    password = None if args.command == "set-scope" else _password(args.password_stdin)
    db = Database(args.db)
    try:
        with db.writer() as con:
            if args.command == "create-user":
                create_user(con, args.username, password, args.role, actor="cli", scope=parse(args.scope))
            elif args.command == "set-scope":
                set_scope(con, normalise(args.username), parse(args.scope), actor="cli")
            else:
                set_password(con, normalise(args.username), password, actor="cli", now=dt.datetime.now())
    except AccountError as exc:
        print(t(f"data.account.{exc.code}", **exc.params), file=sys.stderr)
        return 1
    except duckdb.IOException as exc:
        print(f"{args.db} sedang dipakai (hentikan aplikasi dulu): {exc}", file=sys.stderr)
        return 3
    print(f"ok: {normalise(args.username)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
