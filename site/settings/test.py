"""Tests: fast and deterministic; every test gets its own temporary data folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import WAGTAILSEARCH_BACKENDS
from .database import databases_from_env

DEBUG = False
SECRET_KEY = "praksisnet-tests-only"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client's login() passes no request, which django-axes needs; the login limit tests
# (tests/praksisnet/test_login_limits.py) turn it on.
AXES_ENABLED = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

_TEST_DATA = Path(tempfile.mkdtemp(prefix="praksisnet-test-"))
MEDIA_ROOT = _TEST_DATA / "media"
FACET_TABLE_DIR = _TEST_DATA / "facet_table"
STATIC_ROOT = _TEST_DATA / "static"
STATIC_ROOT.mkdir()
SEARCH_INDEX_DIR = _TEST_DATA / "whoosh_index"
# PRAKSISNET_TEST_SEARCH_BACKEND runs the suite against another backend (e.g. Wagtail's database one).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        **WAGTAILSEARCH_BACKENDS["default"],
        "BACKEND": os.environ.get(
            "PRAKSISNET_TEST_SEARCH_BACKEND", "knowledge.search.whoosh_backend"
        ),
        "PATH": SEARCH_INDEX_DIR,
        # Embedding costs tens of ms a page: the tests of the hybrid search turn it on.
        "VECTORS": None,
    },
}
# SQLite in the temporary folder, or the database DATABASE_URL names (scripts/test.sh runs the
# suite on PostgreSQL too); Django creates and drops a test database beside it.
DATABASES = databases_from_env(os.environ, _TEST_DATA / "test.sqlite3")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not SQLite's in-memory default: the concurrency tests' writer processes open it.
    DATABASES["default"]["TEST"] = {"NAME": str(_TEST_DATA / "test-db.sqlite3")}
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "voices": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
