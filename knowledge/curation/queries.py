"""What collections show: a collection's items, and the collections to list on a page.

Both hide what the reader may not see: items whose experiment is a draft or members-only (for
anonymous visitors) are left out, and so are collections that are not published or are restricted.
"""

from django.db.models import Count

from knowledge.cache import cached_listing
from knowledge.listings.queries import public_pages
from knowledge.listings.visibility import visible_through
from knowledge.models import CollectionPage, ExperimentPage
from knowledge.places import attach_places, listing_date
from schools.models import MunicipalityPage

NETWORK_COLLECTIONS_SHOWN = 6


def collection_entries(collection, user):
    """The collection's items the reader may see, in the curator's order, with their schools.

    Returns {"items": [...], "schools": [schools in order of first appearance]}; 3 queries.
    """
    visible = ExperimentPage.objects.visible_to(user).values("pk")
    items = list(
        collection.items.filter(experiment__in=visible)
        .select_related("experiment")
        .order_by("sort_order", "pk")
    )
    attach_places([item.experiment for item in items])
    schools = []
    for item in items:
        school = item.experiment.listing_school
        if school is not None and school not in schools:
            schools.append(school)
    return {"items": items, "schools": schools}


def _with_visible_counts(collections, user):
    visible = visible_through(user, "items__experiment")
    return collections.annotate(experiment_count=Count("items", filter=visible, distinct=True))


def collections_for(page, user):
    """Published collections to list on page: a municipality's own, or the network's newest."""
    # The visible-item counts grow with the network: keep them while the content is unchanged.
    return cached_listing("collections-for", user, [page.pk], lambda: _collections_for(page, user))


def _collections_for(page, user):
    collections = public_pages(CollectionPage.objects.live())
    if isinstance(page, MunicipalityPage):
        return list(_with_visible_counts(collections.descendant_of(page), user).order_by("title"))
    newest = list(
        _with_visible_counts(collections, user).order_by("-first_published_at", "-pk")[
            :NETWORK_COLLECTIONS_SHOWN
        ]
    )
    return attach_places(newest)


def collections_in_folder(folder, user):
    """The published collections in a municipality's collections folder, by title."""
    collections = public_pages(CollectionPage.objects.child_of(folder).live())
    return list(_with_visible_counts(collections, user).order_by("title"))


def collection_byline(collection):
    """Who keeps a collection and where: its municipality, its curator's name, when last published.

    The curator is the page's owner, named only by their full name (a username is a login, not a
    name to print); 2 queries.
    """
    attach_places([collection])
    owner = collection.owner
    curator = owner.get_full_name() if owner is not None else ""
    published = collection.last_published_at or collection.first_published_at
    return {
        "municipality": collection.listing_municipality,
        "curator": curator,
        "updated": listing_date(None, published) if published else None,
    }
