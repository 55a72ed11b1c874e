"""Attachments are as private as the pages that use them.

Wagtail serves every document to anyone who has its URL. An attachment of a members-only or
unpublished experiment must not reach anonymous visitors, so a document is served anonymously
only when at least one live page that anonymous visitors may read refers to it (Wagtail's
reference index knows which pages use which documents). Members (logged in) may fetch any.
"""

from django.contrib.auth.views import redirect_to_login
from wagtail.models import Page, ReferenceIndex

from knowledge.listings.queries import public_pages
from knowledge.models import ExperimentPage


def pages_using(document):
    """Ids of the pages whose saved content refers to the document."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    return ReferenceIndex.get_references_to(document).filter(
        base_content_type_id=page_type.pk
    ).values_list("object_id", flat=True)


def document_is_public(document):
    page_ids = [int(pk) for pk in pages_using(document)]
    if not page_ids:
        return False
    readable = public_pages(Page.objects.filter(pk__in=page_ids).live())
    hidden_experiments = ExperimentPage.objects.filter(pk__in=page_ids, members_only=True)
    return readable.exclude(pk__in=hidden_experiments.values("pk")).exists()


def refuse_hidden_documents(document, request):
    """Wagtail hook before_serve_document: anonymous visitors get a login page instead."""
    if request.user.is_authenticated or document_is_public(document):
        return None
    return redirect_to_login(request.get_full_path())
