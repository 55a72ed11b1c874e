"""Posting, answering, hiding, deleting and reporting comments on an experiment.

Every view answers a POST from the experiment page and returns the reader to the conversation
there. A form that cannot be saved is shown again on a page of its own, with the message and the
text the member wrote, so nothing is lost; refusals are pages that say why, never a 500.
"""

import logging

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import limits, notify, roles
from .forms import AnswerForm, CommentForm
from .models import Comment, CommentReport

logger = logging.getLogger("knowledge.conversation")


def _back_to(experiment, anchor="samtale"):
    return redirect(f"{experiment.url}#{anchor}")


def _refusal(request, message, status=403):
    return render(request, "conversation/refusal.html", {"message": message}, status=status)


def _form_again(request, form, experiment, action, message=None, status=400):
    context = {"form": form, "experiment": experiment, "action": action, "message": message}
    return render(request, "conversation/comment_form_page.html", context, status=status)


def _login_first(request, experiment):
    return redirect_to_login(f"{experiment.url}#samtale", login_url="wagtailcore_login")


def _experiment_or_404(request, experiment_id):
    experiment = roles.readable_experiment(request.user, experiment_id)
    if experiment is None:
        raise Http404(_("No experiment you can read has that number."))
    return experiment


def _comment_or_404(request, comment_id):
    comment = get_object_or_404(
        Comment.objects.on_experiments_visible_to(request.user).select_related("experiment"),
        pk=comment_id,
    )
    return comment


def _written(request, form_class, experiment, parent=None):
    """(saved comment, None), or (None, the form shown again saying why): invalid text, or
    too many comments in a short while (knowledge.conversation.limits)."""
    form = form_class(request.POST)
    if not form.is_valid():
        return None, _form_again(request, form, experiment, request.path)
    if not limits.may_write_now(request.user):
        message = _(
            "You have written many comments in a short while. Wait a few minutes and send "
            "it again; your text is kept below."
        )
        return None, _form_again(request, form, experiment, request.path, message, status=429)
    comment = form.save(commit=False)
    comment.experiment, comment.author, comment.parent = experiment, request.user, parent
    comment.save()
    return comment, None


def _tell(notification, comment, request):
    """Send an e-mail about a saved comment; a mail server that fails is logged, not a 500."""
    try:
        notification(comment, request)
    except OSError:
        logger.exception("Could not send the e-mail about comment %s", comment.pk)


@require_POST
def ask(request, experiment_id):
    experiment = _experiment_or_404(request, experiment_id)
    if not request.user.is_authenticated:
        return _login_first(request, experiment)
    comment, refusal = _written(request, CommentForm, experiment)
    if refusal:
        return refusal
    _tell(notify.notify_team_of_question, comment, request)
    messages.success(request, _("Your question has been posted. The team has been told."))
    return _back_to(experiment, f"kommentar-{comment.pk}")


@require_POST
def answer(request, comment_id):
    question = _comment_or_404(request, comment_id)
    experiment = question.experiment
    if not request.user.is_authenticated:
        return _login_first(request, experiment)
    if question.is_answer:
        return _refusal(request, _("Answers are given to a question, not to another answer."))
    if question.hidden:
        return _refusal(request, _("This question is hidden; it cannot be answered."))
    if not roles.may_answer(request.user, experiment):
        return _refusal(request, _("Only the experiment's team and the school's leaders answer."))
    reply, refusal = _written(request, AnswerForm, experiment, parent=question)
    if refusal:
        return refusal
    messages.success(request, _("Your answer has been posted."))
    return _back_to(experiment, f"kommentar-{reply.pk}")


def _moderated_comment(request, comment_id):
    """The comment, if the user may moderate its experiment; else a response saying why."""
    comment = _comment_or_404(request, comment_id)
    if not request.user.is_authenticated:
        return None, _login_first(request, comment.experiment)
    if not roles.may_moderate(request.user, comment.experiment):
        return None, _refusal(request, _("Only the school's leaders moderate its conversations."))
    return comment, None


@require_POST
def hide(request, comment_id):
    comment, refusal = _moderated_comment(request, comment_id)
    if refusal:
        return refusal
    hide_as_asked(request, comment)
    return _back_to(comment.experiment, f"kommentar-{comment.pk}")


def hide_as_asked(request, comment):
    """Hide the comment (or, with hidden=0, show it again) and say so: for the experiment page
    and for the admin's list of reported comments alike."""
    hiding = request.POST.get("hidden", "1") != "0"
    comment.set_hidden(hiding, by=request.user)
    if hiding:
        messages.success(request, _("The comment is hidden. Only the school's leaders see it."))
    else:
        messages.success(request, _("The comment is shown again."))


def deletion_confirmed(request):
    """Deleting cannot be undone, so it takes a POST from the confirmation page itself."""
    return request.method == "POST" and request.POST.get("confirmed") == "1"


def delete_comment(request, comment):
    comment.delete()  # its answers go with it
    messages.success(request, _("The comment has been deleted."))


@require_http_methods(["GET", "POST"])
def delete(request, comment_id):
    """GET (or a POST without confirmation) asks first; the confirming POST deletes."""
    comment, refusal = _moderated_comment(request, comment_id)
    if refusal:
        return refusal
    if not deletion_confirmed(request):
        context = {"comment": comment, "experiment": comment.experiment}
        return render(request, "conversation/confirm_delete.html", context)
    delete_comment(request, comment)
    return _back_to(comment.experiment)


@require_POST
def report(request, comment_id):
    comment = _comment_or_404(request, comment_id)
    if not request.user.is_authenticated:
        return _login_first(request, comment.experiment)
    _report, created = CommentReport.objects.get_or_create(comment=comment, reporter=request.user)
    if not created:
        messages.info(request, _("You have already reported this comment."))
    else:
        _tell(notify.notify_leaders_of_report, comment, request)
        messages.success(request, _("Thank you. The school's leaders have been told."))
    return _back_to(comment.experiment, f"kommentar-{comment.pk}")
