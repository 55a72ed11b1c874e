"""A new experiment is created once, however often its form is sent.

Wagtail's editor autosaves a new page as soon as its form is valid, then turns the form into
the page's edit form. A teacher who clicks "Send til godkendelse" while that autosave is still
on its way sends the create form a second time, and a second experiment with the same title
appeared beside the first (its address numbered by ExperimentPageForm.clean_slug). A teacher
who gives up on a form and starts again with the same title left the first one behind too.

So when the create form itself is sent (not an autosave: those pass, so an editor that already
turned into the draft's edit form never edits a deleted page), the same teacher's autosaved
draft with the same address under the same school is removed first, if it is recent, was
never published and is not waiting for approval: the form being sent is that experiment, with
everything the teacher wrote. Another teacher's draft, an older one, or a published page keep
their place, and the new page gets a numbered address.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

#: How long an autosaved draft counts as the form its teacher is still writing.
RECENT = timedelta(minutes=30)


def own_autosaved_drafts(request, parent_page, slug):
    from knowledge.models import ExperimentPage

    if not slug or not request.user.is_authenticated:
        return []
    candidates = ExperimentPage.objects.child_of(parent_page).filter(
        slug=slug,
        owner=request.user,
        live=False,
        first_published_at__isnull=True,
        latest_revision_created_at__gte=timezone.now() - RECENT,
    )
    return [page for page in candidates if not page.workflow_in_progress]


def replace_the_forms_own_draft(request, parent_page, page_class):
    """``before_create_page``: see the module docstring. Never answers itself."""
    from knowledge.models import ExperimentPage

    if request.method != "POST" or not issubclass(page_class, ExperimentPage):
        return None
    if not request.accepts("text/html"):
        return None  # an autosave
    slug = request.POST.get("slug") or slugify(request.POST.get("title", ""), allow_unicode=True)
    with transaction.atomic():
        for draft in own_autosaved_drafts(request, parent_page, slug):
            draft.delete()
    return None
