import threading

import duckdb
import pytest

from ucj.db import Database, UnknownQuery, query_text, run_query


@pytest.mark.parametrize("name", ["../secret", "regions.sql", "Regions", "regions; drop table region", "", "a/b"])
def test_query_names_are_never_paths_or_sql(name):
    with pytest.raises(UnknownQuery):
        query_text(name)


def test_unknown_query_is_refused():
    with pytest.raises(UnknownQuery, match="no such query"):
        query_text("no_such_query")


def test_missing_parameter_is_named(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as con, pytest.raises(TypeError, match="kode_kab"):
        run_query(con, "participants_by_segment")


def test_values_are_bound_not_spliced(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        hostile = run_query(con, "participants_by_segment", kode_kab="13.71' or '1'='1")
        assert hostile.empty
        assert not run_query(con, "participants_by_segment", kode_kab="13.71").empty


def test_reader_is_read_only(tmp_path):
    path = tmp_path / "x.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table t (v integer)")
    db = Database(path)
    with db.reading() as cur, pytest.raises(duckdb.Error):
        cur.execute("insert into t values (1)")
    db.close()


def test_writer_is_all_or_nothing(tmp_path):
    path = tmp_path / "x.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table t (v integer primary key)")
    db = Database(path)
    with db.writer() as con:
        con.execute("insert into t values (1)")
    with pytest.raises(duckdb.ConstraintException), db.writer() as con:
        con.execute("insert into t values (2)")
        con.execute("insert into t values (1)")  # duplicate: the whole write is undone
    with db.reading() as cur:
        assert cur.execute("select list(v order by v) from t").fetchone()[0] == [1]
    db.close()


def test_reads_wait_for_a_write_and_see_it(tmp_path):
    path = tmp_path / "x.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table t (v integer)")
    db = Database(path)
    seen: list[int] = []
    started = threading.Event()

    def read_during_write() -> None:
        started.set()
        with db.reading() as cur:
            seen.append(cur.execute("select count(*) from t").fetchone()[0])

    with db.writer() as con:
        con.execute("insert into t values (1)")
        reader = threading.Thread(target=read_during_write)
        reader.start()
        started.wait()
        con.execute("insert into t values (2)")
    reader.join(timeout=10)
    assert seen == [2]
    db.close()


def test_a_snapshot_taken_during_a_write_holds_all_of_it(tmp_path):
    path = tmp_path / "x.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table t (v integer)")
    db = Database(path)
    started = threading.Event()
    copy = tmp_path / "copy.duckdb"

    def snapshot_during_write() -> None:
        started.set()
        db.snapshot(copy)

    with db.writer() as con:
        con.execute("insert into t values (1)")
        taker = threading.Thread(target=snapshot_during_write)
        taker.start()
        started.wait()
        con.execute("insert into t values (2)")
    taker.join(timeout=10)
    db.close()
    with duckdb.connect(str(copy), read_only=True) as backup:
        assert backup.execute("select list(v order by v) from t").fetchone()[0] == [1, 2]
