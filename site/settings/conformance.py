"""Settings for running modelsearch's own backend conformance suite against our Whoosh backend.

Modelled on ``modelsearch/test/settings.py`` but on SQLite and standalone (it does not import
``base`` so that the project's apps play no part in the suite). Used by::

    pytest tests/conformance --ds=praksisnet.settings.conformance

The suite loads the fixture ``search`` from ``FIXTURE_DIRS``; the folder is taken from the
environment variable ``MODELSEARCH_CONFORMANCE_FIXTURES`` and defaults to
``<project root>/../shared/conformance/modelsearch``.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BASE_DIR = PROJECT_ROOT

CONFORMANCE_FIXTURES_ENV = "MODELSEARCH_CONFORMANCE_FIXTURES"
CONFORMANCE_FIXTURES = Path(
    os.environ.get(CONFORMANCE_FIXTURES_ENV)
    or PROJECT_ROOT.parent / "shared" / "conformance" / "modelsearch"
).resolve()
FIXTURE_DIRS = [str(CONFORMANCE_FIXTURES)]

SECRET_KEY = "conformance-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["localhost", "testserver"]

INSTALLED_APPS = [
    "modelsearch.test.testapp",
    "modelsearch",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "modelsearch.test.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

PASSWORD_HASHERS = ("django.contrib.auth.hashers.MD5PasswordHasher",)

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(Path(tempfile.gettempdir()) / "praksisnet_conformance.sqlite3"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# Each test process gets its own throwaway index directory unless one is given.
WHOOSH_CONFORMANCE_PATH = os.environ.get("WHOOSH_CONFORMANCE_PATH")
if not WHOOSH_CONFORMANCE_PATH:
    WHOOSH_CONFORMANCE_PATH = tempfile.mkdtemp(prefix="praksisnet-whoosh-conformance-")
    atexit.register(shutil.rmtree, WHOOSH_CONFORMANCE_PATH, True)

MODELSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "knowledge.search.whoosh_backend",
        "PATH": WHOOSH_CONFORMANCE_PATH,
        "LANGUAGE": "da",
    }
}

LANGUAGE_CODE = "da"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"

TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "voices": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"knowledge.search": {"handlers": ["console"], "level": "WARNING"}},
}
