"""Following schools, tags, collections and experiments, and the digest a member receives.

"Mine abonnementer" (/samtale/abonnementer/) lists what a member follows and how often the
digest comes; the unsubscribe page works from the signed link in a digest without logging in.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from knowledge.ids import parse_id
from knowledge.models import CollectionPage, ExperimentPage
from schools.models import SchoolPage

from .forms import DigestSettingsForm
from .models import DigestFrequency, DigestSettings, Follow, FollowKind
from .tokens import user_id_from_token

#: The page types each kind of follow may point at.
_PAGE_MODELS = {
    FollowKind.SCHOOL: SchoolPage,
    FollowKind.COLLECTION: CollectionPage,
    FollowKind.EXPERIMENT: ExperimentPage,
}


def digest_settings_of(user):
    return DigestSettings.objects.get_or_create(user=user)[0]


def _followable(user, kind, target_id):
    """{"page": page} or {"tag": tag} the member may follow, or None (unknown or not theirs to
    see: a members-only experiment closed to them, a draft)."""
    if kind == FollowKind.TAG:
        from knowledge.listings.queries import tags_visible_to

        tag = tags_visible_to(user).filter(pk=target_id).first()
        return {"tag": tag} if tag else None
    model = _PAGE_MODELS.get(kind)
    if model is None:
        return None
    pages = model.objects.live()
    if model is ExperimentPage:
        pages = ExperimentPage.objects.visible_to(user)
    else:
        from knowledge.listings.queries import public_pages

        pages = public_pages(pages)
    page = pages.filter(pk=target_id).first()
    return {"page": page} if page else None


def _next_address(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "conversation:subscriptions"


@require_POST
def follow(request):
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.POST.get("next", "/"), login_url="wagtailcore_login")
    kind = request.POST.get("kind", "")
    target_id = parse_id(request.POST.get("id", ""))
    lookup = _followable(request.user, kind, target_id) if target_id else None
    if lookup is None:
        return render(
            request,
            "conversation/refusal.html",
            {"message": _("There is nothing you can follow at that address.")},
            status=404,
        )
    if request.POST.get("stop"):
        Follow.objects.filter(user=request.user, **lookup).delete()
        messages.success(request, _("You no longer follow it."))
    else:
        Follow.objects.get_or_create(user=request.user, kind=kind, **lookup)
        digest_settings_of(request.user)
        messages.success(request, _("You follow it now. News comes in your e-mail digest."))
    return redirect(_next_address(request))


def _follows_shown(user):
    """The member's follows with what each points at, for the subscriptions page."""
    follows = list(Follow.objects.filter(user=user).select_related("tag"))
    pages = Page.objects.in_bulk([f.page_id for f in follows if f.page_id])
    shown = []
    for item in follows:
        target = item.tag if item.tag_id else pages.get(item.page_id)
        if target is None:
            continue
        if item.tag_id:
            from django.urls import reverse

            url = reverse("knowledge:tag_detail", args=[item.tag.slug])
            name = item.tag.name
        else:
            url, name = target.url, target.title
        shown.append({"follow": item, "name": name, "url": url, "target_id": target.pk})
    return shown


@login_required(login_url="wagtailcore_login")
def subscriptions(request):
    settings_row = digest_settings_of(request.user)
    if request.method == "POST":
        form = DigestSettingsForm(request.POST)
        if form.is_valid():
            settings_row.frequency = form.cleaned_data["frequency"]
            settings_row.save(update_fields=["frequency"])
            messages.success(request, _("Your choice has been saved."))
            return redirect("conversation:subscriptions")
    else:
        form = DigestSettingsForm(initial={"frequency": settings_row.frequency})
    context = {
        "form": form,
        "follows": _follows_shown(request.user),
        "has_email": bool(request.user.email),
    }
    return render(request, "conversation/subscriptions.html", context)


@csrf_exempt  # the signed token is the proof; mail programs post here without a form (RFC 8058)
def unsubscribe(request, token):
    """GET asks to confirm (mail scanners follow links), POST stops the digest."""
    user_id = user_id_from_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(
            request,
            "conversation/unsubscribe.html",
            {"invalid": True},
            status=400,
        )
    done = False
    if request.method == "POST":
        row = digest_settings_of(user)
        row.frequency = DigestFrequency.NEVER
        row.save(update_fields=["frequency"])
        done = True
    return render(request, "conversation/unsubscribe.html", {"done": done, "token": token})
