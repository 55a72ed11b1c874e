"""Tests: fast and deterministic; every test gets its own temporary data folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import WAGTAILSEARCH_BACKENDS

DEBUG = False
SECRET_KEY = "praksisnet-tests-only"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

_TEST_DATA = Path(tempfile.mkdtemp(prefix="praksisnet-test-"))
MEDIA_ROOT = _TEST_DATA / "media"
STATIC_ROOT = _TEST_DATA / "static"
STATIC_ROOT.mkdir()
SEARCH_INDEX_DIR = _TEST_DATA / "whoosh_index"
# PRAKSISNET_TEST_SEARCH_BACKEND runs the suite against another backend (e.g. Wagtail's database one).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        **WAGTAILSEARCH_BACKENDS["default"],
        "BACKEND": os.environ.get("PRAKSISNET_TEST_SEARCH_BACKEND", "knowledge.search.whoosh_backend"),
        "PATH": SEARCH_INDEX_DIR,
    },
}
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": _TEST_DATA / "test.sqlite3",
        "TEST": {"NAME": str(_TEST_DATA / "test-db.sqlite3")},
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
    }
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
