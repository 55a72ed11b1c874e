"""Public pages that are not Wagtail pages: the tag index and a tag's experiments."""

from django.shortcuts import render

from knowledge.cache import cached_listing
from knowledge.listings.queries import (
    cached_keyset_page,
    experiments_for_listing,
    tag_count,
    visible_tag_or_404,
    visible_tags,
)
from knowledge.models import ExperimentPage

EXPERIMENTS_PER_PAGE = 20


def tag_index(request):
    user = request.user
    tags = cached_listing("tag-index", user, [], lambda: visible_tags(user))
    return render(request, "knowledge/tag_index.html", {"tags": tags})


def tag_detail(request, slug):
    tag = visible_tag_or_404(request.user, slug)
    experiments = experiments_for_listing(
        ExperimentPage.objects.visible_to(request.user)
        .filter(tags=tag)
        .order_by("-first_published_at", "-pk")
    )
    page = cached_keyset_page(
        "tag",
        request.user,
        [tag.slug],
        experiments,
        EXPERIMENTS_PER_PAGE,
        request.GET,
        count=tag_count(request.user, tag.slug),
        chosen={"emne": [tag.slug]},
    )
    return render(request, "knowledge/tag_detail.html", {"tag": tag, "page": page})
