"""The admin's tag suggestions, as private as the experiments the tags are on.

Wagtail's tag autocomplete (``/admin/tag-autocomplete/``) offers every tag whose name starts
with what was typed, so a teacher would learn the tags of other schools' drafts and of
experiments behind restrictions. This view offers a tag only when it is on an experiment the
user may read or edit (knowledge.experiments.privacy.choosable_pages), or on something else
(an image or a document, tagged through taggit's own table), and answers as Wagtail's does.
"""

from django.db.models import Q
from django.http import Http404, JsonResponse
from taggit.models import Tag, TaggedItem

from knowledge.experiments.privacy import choosable_pages
from knowledge.models import ExperimentPage

LIMIT = 10  # as many as Wagtail's own autocomplete offers


def tags_the_user_may_know(user):
    if user.is_superuser:
        return Tag.objects.all()
    experiments = choosable_pages(ExperimentPage.objects.all(), user)
    return Tag.objects.filter(
        Q(knowledge_experimenttag_items__content_object__in=experiments.values("pk"))
        | Q(pk__in=TaggedItem.objects.values("tag_id"))
    ).distinct()


def autocomplete(request, app_name=None, model_name=None):
    """/admin/tag-autocomplete/[<app>/<model>/]?term=...: the matching tags' names, as JSON."""
    if (app_name, model_name) not in ((None, None), ("taggit", "tag")):
        raise Http404
    if not request.user.is_authenticated:
        raise Http404
    term = request.GET.get("term", "")[:100]
    if not term:
        return JsonResponse([], safe=False)
    names = (
        tags_the_user_may_know(request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:LIMIT]
    )
    return JsonResponse(list(names), safe=False)
