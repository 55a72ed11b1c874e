"""Settings shared by every environment. Environment-specific modules import * from here."""

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from .database import databases_from_env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Everything the site writes at run time (database, search index, media) lives under one folder.
DATA_DIR = Path(os.environ.get("PRAKSISNET_DATA_DIR", BASE_DIR / "data"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "schools",
    "knowledge",
    "knowledge.voices",
    "knowledge.conversation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    # The database queue the voices tasks use in production (its table exists everywhere).
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "praksisnet.security_headers.ContentSecurityPolicyMiddleware",
    "praksisnet.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "praksisnet.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin names pages by the titles their reader may know (praksisnet/admin_titles.py).
    "praksisnet.admin_titles.ReaderTitleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with praksisnet.login_limits.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "praksisnet.urls"

# Content-Security-Policy (django-csp; praksisnet.security_headers). The public pages load only
# the site's own scripts, styles and fonts; images may be data: URLs (and come from
# PRAKSISNET_MEDIA_ORIGIN when uploads live on another host); rich text may embed videos (https).
_MEDIA_ORIGINS = [origin for origin in [os.environ.get("PRAKSISNET_MEDIA_ORIGIN")] if origin]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin (and the page previews it frames) in place of the directives above: inline
# scripts and styles, blob: image previews of uploads, data: fonts, framed by itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGINS],
    "font-src": [SELF, "data:"],
    "frame-ancestors": [SELF],
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "praksisnet.wsgi.application"

# SQLite in DATA_DIR unless DATABASE_URL says otherwise; the options live in database.py.
DATABASES = databases_from_env(os.environ, DATA_DIR / "praksisnet.sqlite3")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Public listings are cached under a content version (knowledge.cache). One process in
# development; production shares one cache between its processes (see production.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Danish first; English available through the language switcher and the admin's user settings.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = [("da", _("Dansk"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("PRAKSISNET_STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("PRAKSISNET_MEDIA_ROOT", DATA_DIR / "media"))
# Each machine's snapshot of the facet table (knowledge.listings.facet_table), so a process
# starts from it instead of reading every listed experiment; deleting it is always safe.
FACET_TABLE_DIR = DATA_DIR / "facet_table"
MEDIA_URL = "/media/"
# Who sends an uploaded image once Django has checked the reader may see it
# (knowledge/experiments/media_files.py): "" (Django), "x-accel-redirect" (nginx) or "x-sendfile".
PRAKSISNET_MEDIA_SENDFILE = os.environ.get("PRAKSISNET_MEDIA_SENDFILE", "")
PRAKSISNET_MEDIA_INTERNAL_URL = os.environ.get("PRAKSISNET_MEDIA_INTERNAL_URL", "/protected-media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: a page editor posts many fields; files above the memory limit stream to disk.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = "Praksisnet"
WAGTAILADMIN_BASE_URL = os.environ.get("PRAKSISNET_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False

# Images: Wagtail refuses files above these limits with a clear form error; the pixel limit
# also stops decompression bombs before Pillow decodes them.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Tags: "Læsning" and "læsning" are one tag.
TAGGIT_CASE_INSENSITIVE = True
WAGTAIL_TAG_SPACES_ALLOWED = True

WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar avatars in the admin: they send a hash of each user's e-mail to a third party (and
# the admin's Content-Security-Policy allows images from the site only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Search: the embedded Whoosh engine by default; production.py switches to OpenSearch/Elasticsearch
# when SEARCH_URL is set.
SEARCH_INDEX_DIR = Path(os.environ.get("PRAKSISNET_SEARCH_INDEX", DATA_DIR / "whoosh_index"))
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "knowledge.search.whoosh_backend",
        "PATH": SEARCH_INDEX_DIR,
        "LANGUAGE": "da",
        # Words teachers use for the same thing, expanded at query time (no re-indexing).
        "SYNONYMS": "knowledge.search.synonyms.synonym_groups",
        # Meaning as well as words: multilingual-e5-small vectors of each experiment's title,
        # summary, question and findings, stored beside the index (None: words alone).
        "VECTORS": os.environ.get(
            "PRAKSISNET_SEARCH_VECTORS", "knowledge.search.embedding.search_embedder"
        )
        or None,
        "VECTOR_FIELDS": ["title", "summary", "question", "findings__statement"],
    }
}

# Indexing and other background work: the immediate backend runs tasks in-process, which is
# right for one machine; a deployment can point this at a queue. "voices" (vectors and theme
# analyses, seconds to minutes each) has its own alias so production can queue it in the
# database for a worker (production.py) while indexing stays immediate.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "voices": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

LOGIN_URL = "wagtailcore_login"
# The login a members-only experiment sends anonymous visitors to, in the site's own design.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "members/login.html"

# Login brute-force protection (django-axes). It sits in authenticate(), so it guards every login
# form: the admin's (/admin/login/) and the members' login for restricted pages (/_util/login/).
# A user name is locked from one IP address after 10 wrong passwords in a row, for 30 minutes; the
# same user elsewhere and other users from that address can still log in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "praksisnet.login_limits.lockout_response"
AXES_CLIENT_IP_CALLABLE = "praksisnet.login_limits.client_ip"
PRAKSISNET_PROXY_COUNT = 0  # reverse proxies in front of the site (production: DJANGO_PROXY_COUNT)
# Only failed attempts are stored; a log of every successful login is personal data we don't need.
AXES_DISABLE_ACCESS_LOG = True
# The shared password of a password-restricted page: wrong tries per address (password_limits.py).
PAGE_PASSWORD_FAILURE_LIMIT = 10
PAGE_PASSWORD_COOLOFF = timedelta(minutes=30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "knowledge": {"handlers": ["console"], "level": "INFO"},
        "schools": {"handlers": ["console"], "level": "INFO"},
    },
}

# E-mail (the conversation's notifications and digests): dev.py prints them, production.py sends
# through SMTP, tests keep them in memory.
DEFAULT_FROM_EMAIL = os.environ.get("PRAKSISNET_FROM_EMAIL", "Praksisnet <noreply@praksisnet.dk>")

REST_FRAMEWORK = {"DEFAULT_PAGINATION_CLASS": None}

WAGTAILIMAGES_IMAGE_MODEL = "knowledge.PraksisImage"
# Reads an upload's pixel count from its header before anything decodes it (decompression bombs).
WAGTAILIMAGES_IMAGE_FORM_BASE = "knowledge.experiments.uploads.PraksisImageForm"

# Serve static files straight from the apps and static/ when nothing has been collected yet.
WHITENOISE_USE_FINDERS = True
