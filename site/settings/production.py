"""Production: every secret and service address comes from the environment.

Beyond one machine, settings alone switch engines: DATABASE_URL to PostgreSQL, SEARCH_URL to
Wagtail's own OpenSearch/Elasticsearch backend, and PRAKSISNET_MEDIA_STORAGE to a shared
storage backend (e.g. django-storages' S3 storage).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import DATA_DIR, STORAGES, TASKS
from .base import WAGTAILSEARCH_BACKENDS as EMBEDDED_SEARCH_BACKENDS


def require_env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set the environment variable {name} for production.")
    return value


DEBUG = False
SECRET_KEY = require_env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in require_env("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
# DATABASES comes from base.py: database.py builds it from DATABASE_URL for every settings module.

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies append to X-Forwarded-For before the site; login limits count per
# client address (praksisnet.login_limits.client_ip), which 0 takes from the connection.
PRAKSISNET_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31_536_000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views set SAMEORIGIN for themselves, so DENY does not break the admin.
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("PRAKSISNET_MEDIA_STORAGE"):
    STORAGES["default"] = {"BACKEND": os.environ["PRAKSISNET_MEDIA_STORAGE"]}

# Voices' vectors and analyses are queued in the database and run by a worker process
# (README, "Running in production": manage.py db_worker --backend voices), never in a request.
TASKS = {**TASKS, "voices": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


# E-mail through the school's or municipality's SMTP server (notifications, the digests).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
EMAIL_TIMEOUT = 20


def caches_from_env(environ):
    """Redis at REDIS_URL when set; else a file cache that all processes on this machine share.

    Every process must see the same cache: a publish in one worker bumps the content version
    (knowledge.cache), and a per-process cache would keep serving old listings in the others.
    """
    url = environ.get("REDIS_URL")
    if not url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(DATA_DIR / "cache"),
            }
        }
    try:
        import redis  # noqa: F401  (Django's Redis backend needs the redis package)
    except ImportError as error:
        raise ImproperlyConfigured(
            "REDIS_URL is set but the redis package is not installed: pip install redis."
        ) from error
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}


CACHES = caches_from_env(os.environ)


#: Wagtail's OpenSearch/Elasticsearch backends (modules of wagtail.search.backends).
SEARCH_ENGINES = (
    "opensearch3",
    "opensearch2",
    "elasticsearch9",
    "elasticsearch8",
    "elasticsearch7",
)

#: The engines searched on words and meaning (the others on words alone).
HYBRID_SEARCH_BACKENDS = {
    "opensearch3": "knowledge.search.opensearch",
    "elasticsearch9": "knowledge.search.elasticsearch",
}


def search_backends_from_env(environ):
    """Whoosh on disk unless SEARCH_URL names an OpenSearch/Elasticsearch cluster."""
    url = environ.get("SEARCH_URL")
    if not url:
        return EMBEDDED_SEARCH_BACKENDS
    engine = environ.get("SEARCH_ENGINE", "opensearch3")
    if engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE={engine!r} is not one of Wagtail's search backends; "
            f"use one of {', '.join(SEARCH_ENGINES)}."
        )
    # OpenSearch 3 and Elasticsearch 9: Wagtail's backend with the site's synonyms and vectors
    # added (knowledge/search/opensearch.py, elasticsearch.py); the others search on words alone.
    backend = HYBRID_SEARCH_BACKENDS.get(engine, f"wagtail.search.backends.{engine}")
    return {
        "default": {
            "BACKEND": backend,
            "URLS": [url],
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "praksisnet_"),
            "TIMEOUT": 10,
            "OPTIONS": {},
            # The built-in Danish analyzer stems and drops Danish stop words.
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {"type": "danish"},
                        }
                    }
                }
            },
        }
    }


WAGTAILSEARCH_BACKENDS = search_backends_from_env(os.environ)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "knowledge": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "schools": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
