"""Admin pages of one open question: its raw answers, its analyses, the import of answers.

Each view looks the question up through ``questions_for(request.user)``: anyone else gets 404,
so not even a question's existence leaks to another school or municipality.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .analysis.masking import mask
from .models import Analysis
from .permissions import questions_for
from .qr_codes import answer_link, qr_svg
from .tasks import start_analysis

ANSWERS_PER_PAGE = 100


def owned_question(request, pk):
    return get_object_or_404(questions_for(request.user), pk=pk)


def answers_view(request, pk):
    question = owned_question(request, pk)
    answers = question.answers.select_related("school").order_by("pk")
    page = Paginator(answers, ANSWERS_PER_PAGE).get_page(request.GET.get("p"))
    return render(
        request,
        "voices/admin/answers.html",
        {
            "question": question,
            "page": page,
            "count": answers.count(),
            "analysis": question.analyses.first(),
        },
    )


def poster_view(request, pk):
    """A page to print for the classroom or the parents' letter: the question, link, QR code."""
    question = owned_question(request, pk)
    link = answer_link(request, question)
    return render(
        request,
        "voices/admin/poster.html",
        {"question": question, "link": link, "qr": qr_svg(link, _("QR code for %s") % link)},
    )


@require_POST
def analyse_view(request, pk):
    question = owned_question(request, pk)
    analysis = start_analysis(question, request.user)
    messages.success(request, _("The analysis has started."))
    return redirect(reverse("voices_admin:analysis", args=[question.pk, analysis.pk]))


def picture_for_reading(analysis):
    """The stored result with masked texts beside the ids, for the owner's eyes."""
    result = analysis.result or {"themes": [], "unique_voices": []}
    ids = {int(i) for t in result["themes"] for i in t["quotes"]} | {
        int(i) for i in result["unique_voices"]
    }
    texts = dict(analysis.question.answers.filter(pk__in=ids).values_list("pk", "text"))
    total = max(analysis.answer_count, 1)
    themes = [
        {
            "name": theme["name"],
            "count": len(theme["answers"]),
            "share": round(100 * len(theme["answers"]) / total),
            "minority": theme["minority"],
            "quotes": [mask(texts.get(int(i), "")) for i in theme["quotes"]],
        }
        for theme in result["themes"]
    ]
    unique = [mask(texts.get(int(i), "")) for i in result["unique_voices"]]
    return themes, unique


def analysis_view(request, pk, analysis_pk):
    question = owned_question(request, pk)
    analysis = get_object_or_404(Analysis, question=question, pk=analysis_pk)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {"status": analysis.status, "progress": analysis.progress, "step": analysis.step}
        )
    themes, unique = picture_for_reading(analysis) if analysis.result else ([], [])
    return render(
        request,
        "voices/admin/analysis.html",
        {
            "question": question,
            "analysis": analysis,
            "themes": themes,
            "unique_voices": unique,
        },
    )
