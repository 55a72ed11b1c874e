"""{% experiment_conversation page %} and {% follow_button page %}: the conversation's parts of
public pages, rendered outside the listing cache (they change with every comment and differ per
member)."""

from django import template
from django.db.models import Count, Prefetch, Q

from knowledge.conversation import roles
from knowledge.conversation.forms import AnswerForm, CommentForm
from knowledge.conversation.models import Comment, Follow, FollowKind

register = template.Library()


def _questions(experiment, moderator):
    comments = Comment.objects.filter(experiment=experiment)
    if not moderator:
        comments = comments.shown()
    answers = comments.filter(parent__isnull=False).select_related("author")
    return list(
        comments.filter(parent__isnull=True)
        .select_related("author")
        .annotate(report_count=Count("reports"))
        .prefetch_related(Prefetch("answers", queryset=answers, to_attr="shown_answers"))
    )


@register.inclusion_tag("conversation/experiment_conversation.html", takes_context=True)
def experiment_conversation(context, experiment):
    request = context["request"]
    user = request.user
    context_out = {
        "request": request,
        "experiment": experiment,
        "csrf_token": context.get("csrf_token"),
        "messages": context.get("messages"),
    }
    if getattr(request, "is_preview", False) or experiment.pk is None:
        return {**context_out, "preview": True}
    if not roles.may_take_part(user, experiment):
        # Anonymous readers of a public experiment learn that there is a conversation, not what
        # it says; on a members-only experiment they never reach the page at all.
        count = Comment.objects.filter(experiment=experiment).shown().count()
        return {**context_out, "outsider": True, "count": count}
    moderator = roles.may_moderate(user, experiment)
    return {
        **context_out,
        "questions": _questions(experiment, moderator),
        "moderator": moderator,
        "answerer": roles.may_answer(user, experiment),
        "form": CommentForm(),
        "answer_form": AnswerForm(auto_id="answer_%s"),
    }


def follow_target(page=None, tag=None):
    """(kind, field lookup) for a followable page or tag, or None for anything else."""
    from knowledge.models import CollectionPage, ExperimentPage
    from schools.models import SchoolPage

    if tag is not None:
        return FollowKind.TAG, {"tag": tag}
    kinds = (
        (SchoolPage, FollowKind.SCHOOL),
        (CollectionPage, FollowKind.COLLECTION),
        (ExperimentPage, FollowKind.EXPERIMENT),
    )
    for model, kind in kinds:
        if isinstance(page, model):
            return kind, {"page": page}
    return None


@register.inclusion_tag("conversation/follow_button.html", takes_context=True)
def follow_button(context, page=None, tag=None):
    request = context["request"]
    target = follow_target(page, tag)
    shown = {"request": request, "csrf_token": context.get("csrf_token")}
    if target is None or getattr(request, "is_preview", False):
        return shown
    kind, lookup = target
    following = (
        request.user.is_authenticated
        and Follow.objects.filter(Q(**lookup), user=request.user).exists()
    )
    return {
        **shown,
        "kind": kind,
        "target_id": (tag or page).pk,
        "following": following,
        "member": request.user.is_authenticated,
    }
