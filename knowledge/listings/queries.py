"""Queries behind the public listings. Each returns a fixed number of queries, however large
the network, so pages stay fast as it grows (tests assert the query counts)."""

from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from taggit.models import Tag

from knowledge.cache import cached_listing
from knowledge.models import ExperimentPage
from knowledge.places import attach_places
from schools.models import MunicipalityPage, SchoolPage, TeacherTeam

from . import facts

# What a card never shows: the long texts and the body StreamField (the bulk of each row).
CARD_DEFERRED_FIELDS = (
    "question",
    "background",
    "what_we_did",
    "observations",
    "next_steps",
    "reflection",
    "search_description",
    "seo_title",
)


def experiments_for_listing(queryset):
    """Attach what a listing card shows (school, team, subjects, tags) without per-row queries."""
    from knowledge.models import Subject

    return (
        queryset.defer(*CARD_DEFERRED_FIELDS)
        .select_related("team")
        .prefetch_related(
            Prefetch("subjects", queryset=Subject.objects.only("id", "name", "slug")),
            # taggit refuses a custom queryset for this prefetch ("Custom querysets can't be used").
            "tags",
        )
    )


def newest_experiments(user, limit=6, queryset=None):
    queryset = queryset if queryset is not None else ExperimentPage.objects.all()
    newest = experiments_for_listing(
        queryset.visible_to(user).order_by("-first_published_at", "-pk")
    )[:limit]
    return attach_places(newest)


def cached_keyset_page(
    name,
    user,
    parts,
    experiments,
    per_page,
    params,
    prepare=attach_places,
    count=None,
    chosen=None,
):
    """A keyset page (knowledge.listings.keyset) of experiments, newest first, from the cache:
    the rows (experiments_for_listing(...) prepared into cards), the cursors of its neighbours
    and the count. Every page costs one query of its own rows however deep it is (an offset
    page read every row before it). A cursor that is not one shows the first page, with
    ``page.error`` saying so.

    name and parts (e.g. the school's id) identify the listing; count() gives the number of
    rows when something cheaper than counting them knows it (the facts). ``chosen`` says
    ``experiments`` as facet values ({"skole": [id]}): for a reader the facet table serves, the
    page's experiments are then found in it and read by their ids. Ordering a school's 8,285
    experiments or a tag's 16,995 in SQL to show 20 took 50–60 ms at 100,000 on SQLite.
    """
    from .facet_table import current_table
    from .filtering import EXPERIMENT_ORDERING as ordering
    from .keyset import AFTER, BEFORE, KeysetPage, page_of, read_cursor

    direction, values, error = read_cursor(params, ordering)
    page_key = f"{direction or ''}{ordering.cursor_of_values(values) if values else ''}"
    audiences = facts.audiences_of(user) if chosen and _table_can_choose(chosen) else None

    def build():
        rows, narrow = experiments, None
        if audiences:
            narrow = current_table().select(audiences, chosen, False).narrow()
            rows = experiments_for_listing(
                ExperimentPage.objects.visible_to(user).order_by(*ordering.order_by())
            )
        rows, next_cursor, previous_cursor = page_of(
            rows, ordering, direction, values, per_page, narrow
        )
        return prepare(rows), next_cursor, previous_cursor

    rows, next_cursor, previous_cursor = cached_listing(name, user, [*parts, page_key], build)
    total = cached_listing(f"{name}-count", user, parts, count or experiments.count)
    page = KeysetPage(rows, total, next_cursor, previous_cursor)
    page.key, page.error = page_key, error
    if page.has_previous():
        page.previous_url = f"?{BEFORE}={previous_cursor}"
    if page.has_next():
        page.next_url = f"?{AFTER}={next_cursor}"
    return page


def _table_can_choose(chosen):
    """Whether the facet table holds these values as chosen (a tag whose slug no address of a
    filter could name, e.g. longer than a filter takes, is listed through SQL)."""
    from .facets import FACET_OF, InvalidValue

    try:
        return all(
            FACET_OF[p].clean(str(value)) == value for p, vs in chosen.items() for value in vs
        )
    except InvalidValue:
        return False


class CountedTag:
    """A tag as listings show it: name, slug and the number of experiments the reader may see."""

    def __init__(self, name, slug, experiment_count):
        self.name, self.slug, self.experiment_count = name, slug, experiment_count


def visible_tags(user, limit=None):
    """[CountedTag], most used first: from the listing facts (one query), or counted exactly
    for a reader kept out of some restricted pages."""
    audiences = facts.audiences_of(user)
    if audiences is None:
        tags = tags_visible_to(user)
        tags = tags[:limit] if limit else tags
        return [CountedTag(t.name, t.slug, t.experiment_count) for t in tags]
    counts = facts.counted([facts.NETWORK], ["emne"], audiences).get((facts.NETWORK, "emne"), {})
    tags = sorted(
        (CountedTag(name, slug, n) for slug, (name, n) in counts.items()),
        key=lambda tag: (-tag.experiment_count, tag.name),
    )
    return tags[:limit] if limit else tags


def tag_count(user, slug):
    """count() for a tag's page of experiments, from the facts when they serve the reader."""
    audiences = facts.audiences_of(user)
    if audiences is None:
        return None

    def count():
        found = facts.counted([facts.NETWORK], ["emne"], audiences)
        return found.get((facts.NETWORK, "emne"), {}).get(slug, ("", 0))[1]

    return count


def school_count(user, school):
    """count() for a school's page of experiments, from the facts when they serve the reader."""
    audiences = facts.audiences_of(user)
    if audiences is None:
        return None
    return lambda: facts.total(facts.school_scope(school.pk), audiences)


def tags_visible_to(user):
    """Tags with the number of experiments the user may see under each (counted in SQL)."""
    visible = ExperimentPage.objects.visible_to(user).values("pk")
    return (
        Tag.objects.filter(knowledge_experimenttag_items__content_object__in=visible)
        .annotate(experiment_count=Count("knowledge_experimenttag_items", distinct=True))
        .order_by("-experiment_count", "name")
    )


def visible_tag_or_404(user, slug):
    """The tag, if the user may see an experiment carrying it: a tag used only on drafts or
    on experiments the user may not read is "not found", exactly like one that does not exist."""
    count = tag_count(user, slug)
    if count is not None:
        if not count():
            raise Http404
        return get_object_or_404(Tag, slug=slug)
    visible = ExperimentPage.objects.visible_to(user).values("pk")
    return get_object_or_404(
        Tag.objects.filter(knowledge_experimenttag_items__content_object__in=visible).distinct(),
        slug=slug,
    )


def popular_tags(user, limit=20):
    return visible_tags(user, limit)


def cached_home_listings(user):
    """The home page's newest experiments, most used tags and numbers, from the listing cache."""
    return {
        "newest_experiments": cached_listing(
            "home-newest", user, [], lambda: newest_experiments(user, limit=6)
        ),
        "popular_tags": cached_listing("home-tags", user, [], lambda: popular_tags(user, limit=20)),
        "numbers": cached_listing("home-numbers", user, [], lambda: network_numbers(user)),
        "municipalities": cached_listing(
            "home-municipalities", user, [], municipalities_with_schools
        ),
    }


def municipalities_with_schools():
    """Every public municipality with its public schools, by title, for the home page's way
    into the network: two queries however many there are. Rows are (title, url, schools) with
    schools as (title, url), so the cache holds plain values, not pages."""
    from knowledge.places import municipality_path

    municipalities = public_pages(MunicipalityPage.objects.live()).order_by("title")
    schools = (
        public_pages(SchoolPage.objects.live())
        .order_by("title")
        .only("id", "title", "path", "url_path", "depth", "locale_id")
    )
    by_municipality = {}
    for school in schools:
        by_municipality.setdefault(municipality_path(school.path), []).append(
            (school.title, school.get_url())
        )
    return [
        (municipality.title, municipality.get_url(), by_municipality.get(municipality.path, []))
        for municipality in municipalities.only(
            "id", "title", "path", "url_path", "depth", "locale_id"
        )
    ]


def public_pages(queryset):
    """queryset.public() for pages that are not experiments (one query for the restrictions).

    PageQuerySet.public() turns every view restriction into a condition, and each members-only
    experiment has one: with 10,000 experiments a count of schools grew to hundreds of conditions
    (0.7 s). An experiment has no pages below it, so its restriction can only hide itself: skip
    those. Use this for municipalities, schools and collections; experiments use visible_to().
    """
    for page in restricted_pages_above_experiments():
        queryset = queryset.exclude(queryset.descendant_of_q(page, inclusive=True))
    return queryset


def restricted_pages_above_experiments():
    """Restricted pages other than experiments: municipalities, schools, collections and the
    like, found from those pages (one per school or so) rather than from the restrictions,
    which grow with the members-only experiments (3,879 at 100,000: 8 ms a page, against 1)."""
    # Anyone's view: who may pass a restriction is not asked here, only where restrictions are.
    return cached_listing(
        "restricted-pages", None, [], lambda: list(restricted_pages_that_may_have_children())
    )


def restricted_pages_that_may_have_children():
    """The restricted pages (path and depth) of every type but experiments, which have no
    pages below them (ExperimentPage.subpage_types): the restrictions that hide more than one
    page. Decided by content type, which never changes, not by the tree's child counts."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, PageViewRestriction, get_page_models

    other_types = ContentType.objects.get_for_models(
        *(model for model in get_page_models() if not issubclass(model, ExperimentPage))
    ).values()
    # Only the ids, so the content type index answers alone (SQLite's planner scans the whole
    # table when it must also read each row).
    others = Page.objects.filter(content_type__in=other_types).order_by().values("pk")
    restricted = PageViewRestriction.objects.filter(page_id__in=others)
    return Page.objects.filter(pk__in=restricted.values("page_id")).only("id", "path", "depth")


def network_numbers(user):
    """Municipalities, schools, teams and visible experiments (from the facts when they serve
    the reader): four count queries over places and facts, none over experiments."""
    audiences = facts.audiences_of(user)
    if audiences is None:
        experiments = ExperimentPage.objects.visible_to(user).count()
    else:
        experiments = facts.total(facts.NETWORK, audiences)
    return {
        "municipalities": public_pages(MunicipalityPage.objects.live()).count(),
        "schools": public_pages(SchoolPage.objects.live()).count(),
        "teams": TeacherTeam.objects.count(),
        "experiments": experiments,
    }
