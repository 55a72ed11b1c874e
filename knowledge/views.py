"""Public pages that are not Wagtail pages: the tag index and a tag's experiments."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from .listings import attach_schools, experiments_for_listing, tags_visible_to
from .models import ExperimentPage

EXPERIMENTS_PER_PAGE = 20


def tag_index(request):
    return render(request, "knowledge/tag_index.html", {"tags": tags_visible_to(request.user)})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    experiments = experiments_for_listing(
        ExperimentPage.objects.visible_to(request.user)
        .filter(tags=tag)
        .order_by("-first_published_at", "-pk")
    )
    page = Paginator(experiments, EXPERIMENTS_PER_PAGE).get_page(request.GET.get("side"))
    page.object_list = attach_schools(page.object_list)
    return render(request, "knowledge/tag_detail.html", {"tag": tag, "page": page})
