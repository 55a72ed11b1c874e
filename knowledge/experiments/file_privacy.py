"""Attachments and images are as private as the pages that use them.

Wagtail serves every document to anyone who has its URL (and a web server serves every image
file under MEDIA_ROOT); media_files.py serves images through the same check. An attachment of a members-only or
unpublished experiment must not reach anonymous visitors, so a document is served anonymously
only when at least one live page that anonymous visitors may read refers to it (Wagtail's
reference index knows which pages use which documents). A logged-in member may fetch it when
they may read one of those pages (visible_to: restrictions they pass) or edit one (their own
school's drafts), or when they may change or choose the document itself in the admin (its
uploader, or an editor with rights on its collection: a school's own media library, which the
admin's choosers show with thumbnails, is shared by its staff); a document used only by another school's draft is
theirs to see no more than the draft is.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.models import Page, ReferenceIndex

from knowledge.listings.queries import public_pages
from knowledge.models import ExperimentPage


def pages_using(document):
    """Ids of the pages whose saved content refers to the document (or image)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    return (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type_id=page_type.pk)
        .values_list("object_id", flat=True)
    )


def is_public(document):
    """Whether anonymous visitors may fetch the document or image."""
    page_ids = [int(pk) for pk in pages_using(document)]
    if not page_ids:
        return False
    readable = public_pages(Page.objects.filter(pk__in=page_ids).live())
    hidden_experiments = ExperimentPage.objects.filter(pk__in=page_ids, members_only=True)
    return readable.exclude(pk__in=hidden_experiments.values("pk")).exists()


def is_readable_by(document, user):
    """Whether a logged-in user may fetch the document or image (see the module docstring)."""
    if user.is_superuser:
        return True
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(type(document))
    # Its collection's shared library: the admin's chooser offers it to them, thumbnail included.
    if policy.user_has_any_permission_for_instance(user, ["change", "choose"], document):
        return True
    page_ids = [int(pk) for pk in pages_using(document)]
    if not page_ids:
        return False
    if ExperimentPage.objects.visible_to(user).filter(pk__in=page_ids).exists():
        return True
    others = public_pages(Page.objects.filter(pk__in=page_ids).live()).exclude(
        pk__in=ExperimentPage.objects.filter(pk__in=page_ids).values("pk")
    )
    if others.exists():
        return True
    return any(
        page.permissions_for_user(user).can_edit()
        for page in Page.objects.filter(pk__in=page_ids).specific()
    )


def refuse_hidden_documents(document, request):
    """Wagtail hook before_serve_document: a reader who may not see any page using the
    document gets a login page (anonymous) or a refusal (logged in)."""
    user = request.user
    if user.is_authenticated:
        if is_readable_by(document, user):
            return None
        raise PermissionDenied(_("This attachment belongs to pages you cannot read."))
    if is_public(document):
        return None
    return redirect_to_login(request.get_full_path())
