"""The owner's picture of a question (admin), its edits, the search over its answers, the
exports, the links to experiments, and the public report.

Every admin view looks the question up through ``questions_for(request.user)`` (as the raw
answers do): anyone else gets 404. The public report reads only the published snapshot.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knowledge.listings.exports import Table, export_response
from knowledge.models import CollectionIndexPage, CollectionItem, CollectionPage, ExperimentPage
from knowledge.search.results import build_query, matching_pks

from ..admin_views import owned_question
from ..analysis.masking import mask
from ..analysis.normalise import content_stems
from ..models import EditKind, OpenQuestion, RespondentGroup, ThemeEdit, ThemeExperimentLink
from . import report
from .building import newest_analysis, picture_of
from .forms import EDIT_FORMS, ExpectForm

SUGGESTIONS_PER_THEME = 3
ANSWERS_PER_PAGE = 50


def _picture_url(question, fragment=""):
    url = reverse("voices_admin:picture", args=[question.pk])
    return f"{url}#{fragment}" if fragment else url


def picture_view(request, pk):
    question = owned_question(request, pk)
    picture = picture_of(question)
    practice = _practice_for(request, question, picture)
    links = _links_by_theme(question, picture)
    return render(
        request,
        "voices/picture/picture.html",
        {
            "question": question,
            "picture": picture,
            "analysis": question.analyses.first(),
            "done": newest_analysis(question),
            "version": f"{picture.analysis_id}:{picture.version}" if picture else "",
            "expected": question.edits.filter(kind=EditKind.EXPECT),
            "expect_form": ExpectForm(),
            "practice": practice,
            "links": links,
            "by_school": request.GET.get("by") == "school",
            "unanalysed": question.answers.count() - picture.total if picture else 0,
            "may_collect": _collection_folder(request.user, question) is not None,
            # One list for every theme's merge and every unique voice's move: drawn once, not
            # once per theme (30 themes x 30 options was most of the page's rendering).
            "theme_options": format_html_join(
                "",
                '<option value="{}">{} ({})</option>',
                ((t.index, t.name, t.voices) for t in picture.themes),
            )
            if picture
            else "",
        },
    )


@require_POST
def edit_view(request, pk):
    question = owned_question(request, pk)
    picture = picture_of(question)
    kind = request.POST.get("kind")
    if picture is None or kind not in EDIT_FORMS:
        messages.error(request, _("That change cannot be made to this picture."))
        return redirect(_picture_url(question))
    form = EDIT_FORMS[kind](request.POST, picture=picture, question=question)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_picture_url(question))
    ThemeEdit.objects.create(
        question=question, kind=kind, payload=form.payload(), made_by=request.user
    )
    messages.success(request, _("Your change is kept, also when the answers are analysed again."))
    return redirect(_picture_url(question, "themes"))


@require_POST
def expect_view(request, pk):
    question = owned_question(request, pk)
    form = ExpectForm(request.POST)
    if form.is_valid():
        ThemeEdit.objects.create(
            question=question, kind=EditKind.EXPECT, payload=form.payload(), made_by=request.user
        )
        messages.success(request, _("The expected theme is kept."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(_picture_url(question, "expected"))


@require_POST
def undo_view(request, pk):
    question = owned_question(request, pk)
    wanted = request.POST.get("edit")
    edits = question.edits.all()
    edit = edits.filter(pk=wanted).first() if wanted else edits.order_by("-pk").first()
    if edit is None:
        messages.error(request, _("There is no change to undo."))
    else:
        edit.delete()
        messages.success(request, _("The change is undone."))
    return redirect(_picture_url(question))


def _practice_for(request, question, picture):
    """Experiments suggested for the theme the owner asked about (?practice=<theme>)."""
    if picture is None or "practice" not in request.GET:
        return None
    try:
        theme = picture.themes[int(request.GET["practice"])]
    except (ValueError, IndexError):
        return None
    linked = set(question.experiment_links.values_list("experiment_id", flat=True))
    visible = ExperimentPage.objects.visible_to(request.user)
    words = " ".join([theme.name] + [q.text for q in theme.quotes[:1]])
    pks, _unavailable = matching_pks(visible, build_query(words))
    pks = [pk for pk in (pks or []) if pk not in linked][:SUGGESTIONS_PER_THEME]
    found = {e.pk: e for e in visible.filter(pk__in=pks)}
    return {"theme": theme, "experiments": [found[pk] for pk in pks if pk in found]}


def _links_by_theme(question, picture):
    if picture is None:
        return {}
    by_theme = {}
    for link in question.experiment_links.select_related("experiment"):
        theme = report.linked_theme(picture, link)
        by_theme.setdefault(theme.index if theme else None, []).append(link)
    return by_theme


@require_POST
def link_view(request, pk):
    question = owned_question(request, pk)
    picture = picture_of(question)
    try:
        theme = picture.themes[int(request.POST.get("theme_index", ""))]
        experiment = ExperimentPage.objects.visible_to(request.user).get(
            pk=int(request.POST.get("experiment", ""))
        )
    except (AttributeError, ValueError, IndexError, ExperimentPage.DoesNotExist):
        messages.error(request, _("Choose a theme and an experiment you can read."))
        return redirect(_picture_url(question))
    ThemeExperimentLink.objects.update_or_create(
        question=question,
        experiment=experiment,
        defaults={"anchor": theme.anchor, "made_by": request.user},
    )
    messages.success(request, _("The experiment is linked to the theme."))
    return redirect(_picture_url(question, f"theme-{theme.index}"))


@require_POST
def unlink_view(request, pk, link_pk):
    question = owned_question(request, pk)
    get_object_or_404(ThemeExperimentLink, question=question, pk=link_pk).delete()
    messages.success(request, _("The link is removed."))
    return redirect(_picture_url(question))


@require_POST
def publish_view(request, pk):
    question = owned_question(request, pk)
    picture = picture_of(question)
    if picture is None:
        messages.error(request, _("Find the themes first: there is nothing to publish yet."))
    elif request.POST.get("unpublish"):
        report.unpublish(question)
        messages.success(request, _("The report is no longer public."))
    else:
        report.publish(question, picture)
        messages.success(request, _("The report is published as it looks now."))
    return redirect(_picture_url(question))


def _collection_folder(user, question):
    """The collections folder of the question's municipality, if the user may add to it."""
    municipality = question.owner_municipality
    if municipality is None and question.owner_school_id:
        municipality = question.owner_school.get_parent().specific
    folder = CollectionIndexPage.objects.child_of(municipality).first() if municipality else None
    if folder is None or not folder.permissions_for_user(user).can_add_subpage():
        return None
    return folder


@require_POST
def collection_view(request, pk):
    question = owned_question(request, pk)
    picture = picture_of(question)
    folder = _collection_folder(request.user, question)
    try:
        theme = picture.themes[int(request.POST.get("theme_index", ""))]
    except (AttributeError, ValueError, IndexError):
        theme = None
    if folder is None or theme is None:
        messages.error(request, _("Only the municipality's curators start collections."))
        return redirect(_picture_url(question))
    links = _links_by_theme(question, picture).get(theme.index, [])
    collection = CollectionPage(title=theme.name[:255], live=False)
    collection.items = [
        CollectionItem(experiment=link.experiment) for link in links if link.experiment.live
    ]
    folder.add_child(instance=collection)
    collection.save_revision(user=request.user)
    messages.success(
        request, _("A draft collection is made from the theme. Add to it and publish.")
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[collection.pk]))


def search_view(request, pk):
    question = owned_question(request, pk)
    picture = picture_of(question)
    answers = question.answers.select_related("school").order_by("pk")
    query = request.GET.get("q", "").strip()[:200]
    notice = ""
    theme = None
    if request.GET.get("theme") and picture:
        try:
            theme = picture.themes[int(request.GET["theme"])]
            answers = answers.filter(pk__in=theme.anchor)
        except (ValueError, IndexError):
            notice = _("That theme is not in the picture; showing every theme.")
    group = request.GET.get("group", "")
    if group in RespondentGroup.values:
        answers = answers.filter(group=group)
    school = request.GET.get("school", "")
    if school.isdigit():
        answers = answers.filter(school_id=int(school))
    rows = list(answers)
    if query:
        wanted = set(content_stems(query))
        if not wanted:
            notice = _(
                "Write a word that says what the answers are about, not a little word like 'og'."
            )
        rows = [a for a in rows if wanted and wanted <= set(content_stems(a.text))]
    page = Paginator(rows, ANSWERS_PER_PAGE).get_page(request.GET.get("p"))
    theme_of = picture.theme_of if picture else {}
    names = [t.name for t in picture.themes] if picture else []
    shown = [
        {
            "pk": a.pk,
            "text": mask(a.text),
            "group": a.get_group_display(),
            "school": a.school.title if a.school else "",
            "themes": [names[i] for i in theme_of.get(a.pk, [])],
        }
        for a in page
    ]
    params = request.GET.copy()
    params.pop("p", None)
    return render(
        request,
        "voices/picture/search.html",
        {
            "question": question,
            "picture": picture,
            "page": page,
            "answers": shown,
            "count": len(rows),
            "query": query,
            "theme": theme,
            "group": group,
            "school": school,
            "groups": question.respondent_groups(),
            "schools": question.school_choices(),
            "notice": notice,
            "params": params.urlencode(),
        },
    )


def export_view(request, pk, file_format):
    question = owned_question(request, pk)
    picture = picture_of(question)
    theme_of = picture.theme_of if picture else {}
    names = [t.name for t in picture.themes] if picture else []
    rows = [
        [
            answer.pk,
            mask(answer.text),
            answer.get_group_display(),
            answer.school.title if answer.school else "",
            "; ".join(names[i] for i in theme_of.get(answer.pk, [])),
            answer.created_at.date(),
        ]
        for answer in question.answers.select_related("school").order_by("pk")
    ]
    headers = [
        _("Number"),
        _("Answer"),
        _("Respondent group"),
        _("School"),
        _("Themes"),
        _("Received"),
    ]
    return export_response(Table(headers, rows), file_format, f"svar-{question.pk}", _("Answers"))


def report_view(request, key):
    question = get_object_or_404(OpenQuestion, key=key)
    if not question.report or question.report_published_at is None:
        raise Http404(_("This report is not published."))
    data = question.report
    linked = {
        pk for t in data["themes"] + data["minority_themes"] for pk in t.get("experiments", [])
    }
    visible = {
        e.pk: e for e in ExperimentPage.objects.visible_to(request.user).filter(pk__in=linked)
    }
    for theme in data["themes"] + data["minority_themes"]:
        theme["linked"] = [visible[pk] for pk in theme.get("experiments", []) if pk in visible]
    return render(
        request,
        "voices/picture/report.html",
        {"question": question, "report": data, "published_at": question.report_published_at},
    )
