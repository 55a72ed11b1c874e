"""Content versions per scope, and the cache of public listings built on them.

Listings (the network's numbers, the newest experiments, popular tags, a school's or a tag's
experiments page by page, the overviews) are cached under keys that hold the version of the
scope they show: the network's lists, one school, one municipality, one tag, one experiment's
article, the collections. A change renews only the scopes it touches: publishing at one school
renews that school, its municipality, the tags the experiment has or had, its article and the
articles linking to it, and the network's lists; every other school's and tag's pages stay
cached. Changes whose reach is hard to bound (a school renamed, a view restriction, a subject
renamed, a bulk load) renew everything. Old entries just expire.

Keys also hold the reader's visibility class (anonymous visitors and logged-in members see
different experiments, so their entries are never shared) and the language (cached values may
hold translated text). Only live pages are ever read into a cached listing: drafts never are.

The same receivers keep the listing facts (knowledge.listings.facts) exact, in the transaction
of the change, before renewing: a fresh entry is always built from fresh counts.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils.translation import get_language

VERSION_PREFIX = "praksisnet:version:"
EVERYTHING = "all"  # a version in every key: renewing it renews every listing
NETWORK = "network"
LISTING_TIMEOUT = 15 * 60  # bounds staleness from changes no signal reports (e.g. raw SQL)
_MISSING = object()

#: Which scope each cached listing shows. A scope kind ending in ":" takes its id from the
#: listing's first part (the school's, municipality's or experiment's page id, the tag's slug).
LISTING_SCOPES = {
    "home-newest": NETWORK,
    "home-tags": NETWORK,
    "home-numbers": NETWORK,
    "home-municipalities": NETWORK,
    "network-themes": NETWORK,
    "tag-index": NETWORK,
    "findings-rows": NETWORK,
    "findings-count": NETWORK,
    "findings-facets": NETWORK,
    "findings-filters-html": NETWORK,
    "experiments-rows": NETWORK,
    "experiments-count": NETWORK,
    "experiments-facets": NETWORK,
    "experiments-filters-html": NETWORK,
    "experiments-rows-html": NETWORK,
    "restricted-pages": "restrictions",
    "collections-for": "collections",
    "tag": "tag:",
    "tag-count": "tag:",
    "school": "school:",
    "school-count": "school:",
    "school-cards": "school:",
    "school-teams": "school:",
    "school-overview": "school:",
    "municipality-overview": "municipality:",
    "municipality-overview-html": "municipality:",
    "experiment-article": "experiment:",
}


def scope_of(name, parts):
    kind = LISTING_SCOPES.get(name)
    if kind is None:
        raise KeyError(f"Listing {name!r} has no scope: add it to knowledge.cache.LISTING_SCOPES.")
    return f"{kind}{parts[0]}" if kind.endswith(":") else kind


def _versions(scopes):
    keys = [VERSION_PREFIX + scope for scope in scopes]
    found = cache.get_many(keys)
    versions = []
    for key in keys:
        version = found.get(key)
        if version is None:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            version = cache.get(key)
        versions.append(version)
    return versions


def content_version():
    """The version every key holds: it changes when everything is renewed."""
    return _versions([EVERYTHING])[0]


def renew(scopes):
    """Start new versions of these scopes, now and again when the current transaction commits.

    The second renewal drops anything a request cached from the database between the first one
    and the commit (it could only read the old content).
    """
    scopes = sorted(set(scopes))

    def write():
        cache.set_many({VERSION_PREFIX + scope: uuid.uuid4().hex for scope in scopes}, None)

    write()
    transaction.on_commit(write)


def bump_content_version(**kwargs):
    """Everything may have changed (a bulk load, a change of unbounded reach): recount the
    listing facts and renew every cached listing."""
    from knowledge.listings import facts

    facts.rebuild()
    renew([EVERYTHING])


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
    scope = scope_of(name, parts)
    fields = [*_versions([EVERYTHING, scope]), name, visibility_class(user), get_language() or "-"]
    return "praksisnet:listing:" + ":".join(str(field) for field in fields + list(parts))


def cached_listing(name, user, parts, build, timeout=LISTING_TIMEOUT):
    """build() for this reader's visibility class, from the cache while its scope is unchanged."""
    key = listing_key(name, user, *parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    return value


# What a change touches


def experiments_changed(ids):
    """Recount the facts of these experiments and renew what they are (or were) shown on."""
    from knowledge.listings import facts
    from knowledge.models import CollectionItem, ExperimentLink

    ids = set(ids)
    if not ids:
        return
    touched = facts.refresh(ids)
    if not touched.listed:
        return  # drafts only: no listing shows them
    linked = set(
        ExperimentLink.objects.filter(target_id__in=ids).values_list("page_id", flat=True)
    ) | set(ExperimentLink.objects.filter(page_id__in=ids).values_list("target_id", flat=True))
    scopes = {NETWORK}
    scopes |= {f"experiment:{pk}" for pk in ids | linked}
    scopes |= {f"school:{pk}" for pk in touched.schools}
    scopes |= {f"municipality:{pk}" for pk in touched.municipalities}
    scopes |= {f"tag:{slug}" for slug in touched.tags}
    if CollectionItem.objects.filter(experiment_id__in=ids).exists():
        scopes.add("collections")
    renew(scopes)


def _experiment_ids_at_or_below(page):
    from knowledge.models import ExperimentPage

    return ExperimentPage.objects.filter(path__startswith=page.path).values_list("pk", flat=True)


def _is_experiment(page):
    from knowledge.models import ExperimentPage

    return isinstance(page, ExperimentPage) or page.specific_class is ExperimentPage


def page_changed(sender, instance, **kwargs):
    """Published or unpublished: an experiment renews its scopes, a collection the collections;
    any other page (a school renamed, a municipality unpublished) renews everything."""
    from knowledge.models import CollectionPage

    if _is_experiment(instance):
        experiments_changed([instance.pk])
    elif instance.specific_class is CollectionPage:
        renew(["collections"])
    else:
        renew([EVERYTHING])


def page_moved(sender, instance, **kwargs):
    """Experiments moved (or below a moved page) have new places: recount them, renew all."""
    from knowledge.listings import facts

    facts.refresh(_experiment_ids_at_or_below(instance))
    renew([EVERYTHING])


def experiment_deleted(sender, instance, **kwargs):
    experiments_changed([instance.pk])


def tagging_changed(sender, instance, **kwargs):
    experiments_changed([instance.content_object_id])


def finding_changed(sender, instance, **kwargs):
    experiments_changed([instance.page_id])


def link_changed(sender, instance, **kwargs):
    """A "builds on" link added or removed: both experiments' steps on the evidence ladder."""
    experiments_changed([instance.page_id, instance.target_id])


def described_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    """Subjects or grades of an experiment (or experiments of a subject) set directly."""
    if not action.startswith("post_"):
        return
    if reverse:
        experiments_changed(pk_set or [])
    else:
        experiments_changed([instance.pk])


def remember_described(sender, instance, **kwargs):
    """Before a subject, grade level or team goes: which experiments it describes."""
    instance._described_experiments = list(instance.experiments.values_list("pk", flat=True))


def vocabulary_changed(sender, instance, created=False, **kwargs):
    """A tag, subject or grade level renamed or deleted: its experiments' labels change."""
    from taggit.models import Tag

    if created:
        return  # nothing carries it yet

    if sender is Tag:
        from knowledge.models import ExperimentTag

        ids = ExperimentTag.objects.filter(tag=instance).values_list("content_object_id", flat=True)
    else:
        ids = getattr(instance, "_described_experiments", None)
        if ids is None:
            ids = instance.experiments.values_list("pk", flat=True)
    from knowledge.listings import facts

    facts.refresh(list(ids))
    renew([EVERYTHING])


def restriction_changed(sender, instance, **kwargs):
    """A view restriction changes who may read the experiments at or below its page (after
    knowledge.experiments.privacy has brought members_only in step)."""
    from wagtail.models import Page

    from knowledge.listings import facts

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None and _is_experiment(page):
        experiments_changed([page.pk])  # an experiment's own restriction hides only itself
        return
    if page is not None:
        facts.refresh(_experiment_ids_at_or_below(page))
    renew([EVERYTHING])


def team_changed(sender, instance, created=False, **kwargs):
    """A new team shows at its school; a renamed one on every card of its experiments."""
    renew([f"school:{instance.school_id}", NETWORK] if created else [EVERYTHING])


def team_deleted(sender, instance, **kwargs):
    """Its experiments lost their team (set to none by the database, without signals)."""
    from knowledge.listings import facts

    facts.refresh(instance._described_experiments)
    renew([f"school:{instance.school_id}", NETWORK])


def collection_changed(sender, **kwargs):
    renew(["collections"])


def connect_signals():
    """Keep facts and versions in step with every change a listing could show (AppConfig.ready,
    after knowledge.experiments.privacy, whose receivers must run first)."""
    from taggit.models import Tag
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from schools.models import TeacherTeam

    from .models import (
        CollectionItem,
        ExperimentLink,
        ExperimentPage,
        ExperimentTag,
        Finding,
        GradeLevel,
        Subject,
        SynonymGroup,
    )

    uid = "knowledge.cache"

    def on_change(signal, receiver, sender, name):
        signal.connect(receiver, sender=sender, dispatch_uid=f"{uid}.{name}")

    page_published.connect(page_changed, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(page_moved, dispatch_uid=f"{uid}.moved")
    # Only experiments' deletions: a post_delete receiver without a sender would cost every
    # model Django's fast delete.
    on_change(post_delete, experiment_deleted, ExperimentPage, "experiment.deleted")
    for signal, verb in ((post_save, "saved"), (post_delete, "deleted")):
        on_change(signal, tagging_changed, ExperimentTag, f"tagging.{verb}")
        on_change(signal, finding_changed, Finding, f"finding.{verb}")
        on_change(signal, link_changed, ExperimentLink, f"link.{verb}")
        on_change(signal, restriction_changed, PageViewRestriction, f"restriction.{verb}")
        on_change(signal, collection_changed, CollectionItem, f"collection-item.{verb}")
        on_change(signal, bump_listings_only, SynonymGroup, f"synonyms.{verb}")
    on_change(post_save, team_changed, TeacherTeam, "team.saved")
    on_change(pre_delete, remember_described, TeacherTeam, "team.deleting")
    on_change(post_delete, team_deleted, TeacherTeam, "team.deleted")
    on_change(post_save, vocabulary_changed, Tag, "tag.saved")
    for model in (Subject, GradeLevel):
        name = model._meta.model_name
        on_change(post_save, vocabulary_changed, model, f"{name}.saved")
        on_change(pre_delete, remember_described, model, f"{name}.deleting")
        on_change(post_delete, vocabulary_changed, model, f"{name}.deleted")
    for field in ("subjects", "grade_levels"):
        through = getattr(ExperimentPage, field).through
        on_change(m2m_changed, described_changed, through, f"{field}.changed")


def bump_listings_only(sender, **kwargs):
    """Search synonyms: nothing is counted, but search reads them once per content version."""
    renew([EVERYTHING])


def voices_picture_key(analysis_pk, edit_version):
    """A question's drawn picture: one analysis with one state of the owner's edits. Answers
    arriving later are in no analysis until the next one, so nothing else can change it."""
    return f"praksisnet:voices-picture:{analysis_pk}:{edit_version}:{get_language() or '-'}"
