"""RSS and Atom feeds of experiments: the whole network, one school, one tag, one collection.

A feed shows what the page it mirrors shows to the same visitor: it starts from
ExperimentPage.objects.visible_to(user), so a feed reader (anonymous) never gets a
members-only experiment or a draft, and a collection feed lists only its visible items.
"""

import copy

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from knowledge.models import CollectionPage, ExperimentPage
from knowledge.places import attach_places
from schools.models import SchoolPage

from .queries import visible_tag_or_404

FEED_LENGTH = 30


def _for_feed(queryset):
    return queryset.select_related("team").prefetch_related("tags")


class ExperimentFeed(Feed):
    """The newest experiments in the network."""

    def __call__(self, request, *args, **kwargs):
        # One Feed instance serves every request: give each request its own copy to carry the user.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def title(self, obj):
        return _("Praksisnet: new experiments")

    def description(self, obj):
        return _("Practice experiments published by teacher teams in the network.")

    def link(self, obj):
        return "/"

    def visible_experiments(self):
        return ExperimentPage.objects.visible_to(self.request.user)

    def items(self, obj):
        newest = self.visible_experiments().order_by("-first_published_at", "-pk")
        return attach_places(_for_feed(newest)[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"praksisnet-experiment-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        school = getattr(item, "listing_school", None)
        names = [item.team.name if item.team else "", school.title if school else ""]
        return ", ".join(name for name in names if name) or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class SchoolFeed(ExperimentFeed):
    def get_object(self, request, school_id):
        return get_object_or_404(SchoolPage.objects.live().public(), pk=school_id)

    def title(self, obj):
        return _("Praksisnet: experiments at %(school)s") % {"school": obj.title}

    def link(self, obj):
        return obj.get_url(self.request)

    def items(self, obj):
        newest = self.visible_experiments().child_of(obj).order_by("-first_published_at", "-pk")
        return attach_places(_for_feed(newest)[:FEED_LENGTH])


class TagFeed(ExperimentFeed):
    def get_object(self, request, slug):
        return visible_tag_or_404(request.user, slug)

    def title(self, obj):
        return _("Praksisnet: experiments tagged “%(tag)s”") % {"tag": obj.name}

    def link(self, obj):
        return reverse("knowledge:tag_detail", args=[obj.slug])

    def items(self, obj):
        newest = (
            self.visible_experiments()
            .filter(tagged_items__tag=obj)
            .order_by("-first_published_at", "-pk")
        )
        return attach_places(_for_feed(newest)[:FEED_LENGTH])


class CollectionFeed(ExperimentFeed):
    """A collection's experiments in the curator's order, only those the reader may see."""

    def get_object(self, request, collection_id):
        collection = get_object_or_404(CollectionPage.objects.live(), pk=collection_id)
        # A collection behind a view restriction is only fed to someone who may open its page.
        for restriction in collection.get_view_restrictions():
            if not restriction.accept_request(request):
                raise Http404(_("This collection is not public."))
        return collection

    def title(self, obj):
        return _("Praksisnet: the collection “%(collection)s”") % {"collection": obj.title}

    def link(self, obj):
        return obj.get_url(self.request)

    def items(self, obj):
        visible = self.visible_experiments().values("pk")
        experiments = {
            experiment.pk: experiment
            for experiment in attach_places(
                _for_feed(
                    ExperimentPage.objects.filter(pk__in=visible).filter(
                        pk__in=obj.items.values("experiment_id")
                    )
                )
            )
        }
        ordered_ids = obj.items.order_by("sort_order", "pk").values_list("experiment_id", flat=True)
        return [experiments[pk] for pk in ordered_ids if pk in experiments]


def atom(feed_class):
    """The Atom twin of an RSS feed class."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {
            "feed_type": Atom1Feed,
            "subtitle": feed_class.description,
        },
    )
