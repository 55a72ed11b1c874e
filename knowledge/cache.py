"""A content-version stamp, and the cache of public listings built on it.

Listings (the network's numbers, the newest experiments, popular tags, a school's or a tag's
experiments page by page, the overviews) are cached under keys that hold the current content
version. Anything that changes what a listing shows (publishing, unpublishing, deleting or moving
a page, tags, view restrictions, teams, subjects, collections) bumps the version, so every key
changes at once and the next request builds fresh values; old entries just expire.

Keys also hold the reader's visibility class (anonymous visitors and logged-in members see
different experiments, so their entries are never shared) and the language (cached values may
hold translated text). Only live pages are ever read into a cached listing: drafts never are.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

VERSION_KEY = "praksisnet:content-version"
LISTING_TIMEOUT = 15 * 60  # bounds staleness from changes no signal reports (e.g. bulk loads)
_MISSING = object()


def content_version():
    """The current content version; a new one is made if the cache has lost it."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version(**kwargs):
    """Start a new content version, now and again when the current transaction commits.

    The second bump drops anything a request cached from the database between the first bump
    and the commit (it could only read the old content).
    """
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))


def visibility_class(user):
    """Which experiments a reader may see: what visible_to() tells apart, nothing more.

    Anonymous visitors share one class, and so do members who pass every restriction; a member
    kept out of some group- or password-restricted pages gets a class of those pages.
    """
    if user is None or not user.is_authenticated:
        return "public"
    if user.is_superuser:
        return "all"
    from knowledge.models.experiments import restricted_paths_closed_to

    closed = restricted_paths_closed_to(user)
    if not closed:
        return "member"
    return "member-" + hashlib.sha256(" ".join(closed).encode()).hexdigest()[:16]


def listing_key(name, user, *parts):
    fields = [content_version(), name, visibility_class(user), get_language() or "-"]
    return "praksisnet:listing:" + ":".join(str(field) for field in fields + list(parts))


def cached_listing(name, user, parts, build, timeout=LISTING_TIMEOUT):
    """build() for this reader's visibility class, from the cache while the content is unchanged."""
    key = listing_key(name, user, *parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    return value


def connect_signals():
    """Bump the version on every change a cached listing could show (from AppConfig.ready)."""
    from taggit.models import Tag
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from schools.models import TeacherTeam

    from .models import CollectionItem, ExperimentTag, GradeLevel, Subject, SynonymGroup

    uid = "knowledge.cache"
    page_published.connect(bump_content_version, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(bump_content_version, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid=f"{uid}.moved")
    # A deleted page needs no receiver of its own: Wagtail unpublishes a live page before
    # deleting it (page_unpublished), and cached listings show live pages only. A post_delete
    # receiver without a sender would also cost every model Django's fast delete.
    # SynonymGroup: search reads its synonyms once per content version.
    models = (
        ExperimentTag,
        Tag,
        PageViewRestriction,
        TeacherTeam,
        Subject,
        GradeLevel,
        CollectionItem,
        SynonymGroup,
    )
    for model in models:
        name = model._meta.label_lower
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}.{name}.saved")
        post_delete.connect(
            bump_content_version, sender=model, dispatch_uid=f"{uid}.{name}.deleted"
        )


def voices_picture_key(analysis_pk, edit_version):
    """A question's drawn picture: one analysis with one state of the owner's edits. Answers
    arriving later are in no analysis until the next one, so nothing else can change it."""
    return f"praksisnet:voices-picture:{analysis_pk}:{edit_version}:{get_language() or '-'}"
