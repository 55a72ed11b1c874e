"""A new experiment is created once, however often its form is sent.

Wagtail's editor autosaves a new page as soon as its form is valid, then turns the form into
the page's edit form. A teacher who clicks "Send til godkendelse" while that autosave is still
on its way sends the create form a second time, and a second experiment with the same title
appeared beside the first (its address numbered by ExperimentPageForm.clean_slug). The same
happens when a teacher gives up on a form and starts again with the same title.

So a create request whose address (slug) is that of the same teacher's own recent draft under
the same school, never published and not waiting for approval, is sent on (HTTP 307, the form
as it is) to that draft's edit view: it is the same experiment. Another teacher's draft, an
old one, or a published page keep the numbered address.
"""

from datetime import timedelta

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

#: How long a teacher's unpublished draft counts as the form they are still writing.
RECENT = timedelta(hours=1)


class HttpResponseTemporaryRedirect(HttpResponseRedirect):
    status_code = 307  # the browser sends the same POST again, to the new address


def own_recent_draft(request, parent_page, slug):
    from knowledge.models import ExperimentPage

    if not slug or not request.user.is_authenticated:
        return None
    return (
        ExperimentPage.objects.child_of(parent_page)
        .filter(
            slug=slug,
            owner=request.user,
            first_published_at__isnull=True,
            latest_revision_created_at__gte=timezone.now() - RECENT,
        )
        .exclude(_workflow_states__status="in_progress")
        .order_by("-latest_revision_created_at")
        .first()
    )


def send_the_same_form_to_its_draft(request, parent_page, page_class):
    """``before_create_page``: see the module docstring."""
    from knowledge.models import ExperimentPage

    if request.method != "POST" or not issubclass(page_class, ExperimentPage):
        return None
    slug = request.POST.get("slug") or slugify(request.POST.get("title", ""), allow_unicode=True)
    draft = own_recent_draft(request, parent_page, slug)
    if draft is None:
        return None
    return HttpResponseTemporaryRedirect(reverse("wagtailadmin_pages:edit", args=(draft.pk,)))
