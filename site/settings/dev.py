"""Development: one machine, nothing to start (SQLite, Whoosh on disk, media on disk)."""

import os

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "django-insecure-praksisnet-development-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# E-mails are printed in the terminal; PRAKSISNET_MAIL_DIR writes them to files there instead.
if os.environ.get("PRAKSISNET_MAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["PRAKSISNET_MAIL_DIR"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
