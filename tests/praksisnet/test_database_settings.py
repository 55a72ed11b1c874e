"""The database settings every settings module builds from the environment, and what they must
hold in production: two editors publishing at once both keep their publishes, on SQLite and on
PostgreSQL (the suite runs on PostgreSQL when DATABASE_URL is set, see scripts/test.sh)."""

from urllib.parse import quote

import pytest
from django.db import connection

from knowledge.models import ExperimentPage
from tests.support.network import make_experiment
from tests.support.publisher_process import publish_at_once
from tests.support.search_helpers import result_titles, search

WRITERS = 2
PER_WRITER = 12


def database_url(settings_dict):
    """A DATABASE_URL for the database the test runs on (its test database)."""
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict.get("USER") or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict.get("PASSWORD") else ""
    host = quote(settings_dict.get("HOST") or "", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{settings_dict['NAME']}"


def word_for(number):
    """A word only one experiment has (letters only: the Danish stemmer keeps them whole)."""
    return "".join("bdfghklmnp"[int(digit)] for digit in f"{number:03d}") + "spurv"


@pytest.mark.django_db(transaction=True)
def test_two_editors_publishing_at_once_with_production_settings_keep_every_publish(
    client, network, tmp_path
):
    drafts = [
        make_experiment(
            network.school_a if n % 2 else network.school_b, f"Forsøg {n}", live=False, findings=()
        )
        for n in range(WRITERS * PER_WRITER)
    ]
    work = [(draft.pk, word_for(n)) for n, draft in enumerate(drafts)]
    production_environ = {
        "DJANGO_SECRET_KEY": "production-settings-in-a-test-only",
        "DJANGO_ALLOWED_HOSTS": "praksisnet.example",
        "DATABASE_URL": database_url(connection.settings_dict),
        "PRAKSISNET_DATA_DIR": str(tmp_path / "production-data"),
    }
    outcomes = publish_at_once(WRITERS, work, "praksisnet.settings.production", production_environ)

    assert [errors for _, errors, _ in outcomes] == [[]] * WRITERS
    assert [warnings for _, _, warnings in outcomes] == [[]] * WRITERS
    assert sorted(pk for published, _, _ in outcomes for pk in published) == sorted(
        pk for pk, _ in work
    )
    titles = dict(ExperimentPage.objects.live().values_list("pk", "title"))
    for n, (pk, word) in enumerate(work):
        assert titles[pk] == f"Forsøg {n} {word}"
        assert result_titles(search(client, q=word)) == [f"Forsøg {n} {word}"]


def test_without_database_url_sqlite_waits_for_writers_and_takes_the_write_lock_at_begin(
    tmp_path, django_db_blocker
):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    from praksisnet.settings.database import databases_from_env

    database = databases_from_env({}, tmp_path / "praksisnet.sqlite3")["default"]
    assert database["NAME"] == str(tmp_path / "praksisnet.sqlite3")
    wrapper = DatabaseWrapper(
        {
            **database,
            "TIME_ZONE": None,
            "AUTOCOMMIT": True,
            "CONN_HEALTH_CHECKS": False,
            "ATOMIC_REQUESTS": False,
        }
    )
    with django_db_blocker.unblock():
        try:
            with wrapper.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone() == ("wal",)
                cursor.execute("PRAGMA synchronous")
                assert cursor.fetchone() == (1,)  # NORMAL
                cursor.execute("PRAGMA busy_timeout")
                assert cursor.fetchone() == (20_000,)
            assert wrapper.transaction_mode == "IMMEDIATE"
        finally:
            wrapper.close()


def test_a_sqlite_database_url_gets_the_same_options(tmp_path):
    from praksisnet.settings.database import SQLITE_OPTIONS, databases_from_env

    database = databases_from_env({"DATABASE_URL": f"sqlite:///{tmp_path}/other.sqlite3"}, "unused")
    assert database["default"]["NAME"] == f"{tmp_path}/other.sqlite3"
    assert database["default"]["OPTIONS"] == SQLITE_OPTIONS


def test_postgresql_keeps_checked_connections_and_gives_up_connecting_in_seconds():
    from praksisnet.settings.database import databases_from_env

    database = databases_from_env(
        {"DATABASE_URL": "postgres://praksis:hemmelig@db.example:5433/praksisnet"}, "unused"
    )["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.example",
        5433,
        "praksisnet",
    )
    assert (database["USER"], database["PASSWORD"]) == ("praksis", "hemmelig")
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"] == {"connect_timeout": 10}
    shorter = databases_from_env(
        {"DATABASE_URL": "postgres://db.example/praksisnet", "DATABASE_CONN_MAX_AGE": "0"}, "unused"
    )
    assert shorter["default"]["CONN_MAX_AGE"] == 0


def test_every_settings_module_of_the_site_builds_its_database_with_the_one_function(monkeypatch):
    import importlib

    from praksisnet.settings.database import SQLITE_OPTIONS

    monkeypatch.setenv("DJANGO_SECRET_KEY", "production-test-only")
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "praksisnet.example")
    for name in ("base", "dev", "production", "test"):
        module = importlib.import_module(f"praksisnet.settings.{name}")
        database = module.DATABASES["default"]
        if database["ENGINE"] == "django.db.backends.sqlite3":
            assert database["OPTIONS"] == SQLITE_OPTIONS, name
        else:
            assert database["CONN_HEALTH_CHECKS"] is True, name
