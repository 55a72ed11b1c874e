"""Development: one machine, nothing to start (SQLite, Whoosh on disk, media on disk)."""

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "django-insecure-praksisnet-development-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
