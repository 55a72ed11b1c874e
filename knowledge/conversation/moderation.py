"""The admin's list of reported comments, where a school's leaders hide, show, keep or delete
what members reported (administrators see every school's), and its count on the dashboard.

A report mails the leaders at once (knowledge.conversation.notify); this list is where they
find the reports again, a week later, without hunting through experiment pages.
"""

from functools import wraps

from django.contrib import messages
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.ui.components import Component

from . import roles
from .comments import delete_comment, deletion_confirmed, hide_as_asked
from .models import CommentReport


def moderators_only(view):
    """Leaders and administrators only; anyone else gets a 403 page that says why (Wagtail's
    own refusal would send a teacher back to the dashboard with no reason)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if roles.moderates_anything(request.user):
            return view(request, *args, **kwargs)
        context = {
            "page_title": _("Reported comments"),
            "message": _("Only the school's leaders moderate its conversations."),
        }
        return render(request, "conversation/admin/refusal.html", context, status=403)

    return checked


def reported_comments_of(user):
    """The reported comments user moderates, those still shown first, newest report first."""
    return (
        roles.comments_moderated_by(user)
        .reported()
        .annotate(
            report_count=Count("reports", distinct=True), reported_at=Max("reports__created_at")
        )
        .select_related("author", "experiment")
        .order_by("hidden", "-reported_at", "-pk")
    )


def awaiting_count(user):
    """Reported comments still shown to members: what waits for a leader's decision."""
    return roles.comments_moderated_by(user).reported().filter(hidden=False).count()


def _moderated(request, comment_id):
    """The comment, if user moderates it; 404 for any other (no one learns that it exists)."""
    return get_object_or_404(
        roles.comments_moderated_by(request.user).select_related("experiment"), pk=comment_id
    )


def _to_list():
    return redirect("conversation_moderation:reported")


@moderators_only
def reported_list(request):
    context = {
        "page_title": _("Reported comments"),
        "header_icon": "warning",
        "comments": reported_comments_of(request.user),
    }
    return render(request, "conversation/admin/reported_comments.html", context)


@moderators_only
@require_POST
def hide(request, comment_id):
    hide_as_asked(request, _moderated(request, comment_id))
    return _to_list()


@moderators_only
@require_POST
def keep(request, comment_id):
    """The leader read it and it may stay: its reports are cleared, the comment stays shown."""
    comment = _moderated(request, comment_id)
    CommentReport.objects.filter(comment=comment).delete()
    comment.set_hidden(False, by=None)
    messages.success(request, _("The comment is kept and its reports are cleared."))
    return _to_list()


@moderators_only
@require_http_methods(["GET", "POST"])
def delete(request, comment_id):
    comment = _moderated(request, comment_id)
    if not deletion_confirmed(request):
        context = {
            "page_title": _("Delete the comment?"),
            "header_icon": "bin",
            "comment": comment,
            "experiment": comment.experiment,
        }
        return render(request, "conversation/admin/confirm_delete.html", context)
    delete_comment(request, comment)
    return _to_list()


class ReportedCommentsPanel(Component):
    """The leader's dashboard says how many reported comments wait, and links to them."""

    name = "reported_comments"
    template_name = "conversation/admin/reported_comments_panel.html"
    order = 40  # a report waiting is the first thing a leader should see

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "awaiting": awaiting_count(self.user),
            "list_url": reverse("conversation_moderation:reported"),
        }
