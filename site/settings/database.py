"""The database settings, built from the environment in one place for every settings module.

Production once rebuilt DATABASES with dj_database_url alone and so lost the SQLite options
below: two editors publishing at once got "database is locked" and half the publishes were lost.
"""

import dj_database_url

SQLITE_OPTIONS = {
    # Wait for a concurrent writer instead of failing with "database is locked".
    "timeout": 20,
    # Take the write lock at BEGIN: a deferred transaction that has read and then writes cannot
    # wait for the lock (SQLite refuses it at once, whatever the timeout).
    "transaction_mode": "IMMEDIATE",
    # WAL: readers and the one writer do not block each other. synchronous=NORMAL is safe with
    # WAL (a power cut can lose the last commits, never corrupt the file) and saves an fsync a commit.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}

POSTGRESQL_OPTIONS = {
    # Fail a request in seconds, not minutes, when the database cannot be reached.
    "connect_timeout": 10,
}

#: Seconds a process keeps its database connection between requests (0 closes it after each).
DEFAULT_CONN_MAX_AGE = 600


def databases_from_env(environ, sqlite_path):
    """DATABASES for DATABASE_URL (PostgreSQL or SQLite), or SQLite at sqlite_path when unset.

    DATABASE_CONN_MAX_AGE overrides how long PostgreSQL connections are kept.
    """
    url = environ.get("DATABASE_URL") or f"sqlite:///{sqlite_path}"
    database = dj_database_url.parse(url)
    engine = database["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    elif engine == "django.db.backends.postgresql":
        database["CONN_MAX_AGE"] = int(environ.get("DATABASE_CONN_MAX_AGE", DEFAULT_CONN_MAX_AGE))
        # A kept connection is checked before a request uses it, so a restarted database does not
        # fail the first request of every process.
        database["CONN_HEALTH_CHECKS"] = True
        database["OPTIONS"] = {**POSTGRESQL_OPTIONS, **database.get("OPTIONS", {})}
    return {"default": database}
