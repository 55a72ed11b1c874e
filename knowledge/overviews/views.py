"""Overviews for leaders: a school's experiments at a glance, and a municipality's themes.

The public school overview shows what the reader may read; the school's own leaders (and
administrators) also see drafts, experiments in moderation and members-only counts. The
figures (knowledge.overviews.figures) are cached per visibility class.
"""

import hashlib

from django import forms
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy

from knowledge.cache import cached_listing
from knowledge.listings.queries import public_pages
from schools.models import MunicipalityPage, SchoolPage

from .figures import (
    leader_details,
    municipality_counts,
    municipality_figures,
    municipality_layout,
    network_theme_names,
    school_figures,
)


def is_school_leader(user, school):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(pk=school.leaders_group_id).exists()


class ThemeForm(forms.Form):
    tema = forms.ChoiceField(
        label=gettext_lazy("Themes"),
        choices=[("tags", gettext_lazy("Tags")), ("fag", gettext_lazy("Subjects"))],
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "“%(value)s” is not a kind of theme. Choose tags or subjects; tags are shown."
            )
        },
    )


def school_overview(request, school_id):
    school = get_object_or_404(public_pages(SchoolPage.objects.live()), pk=school_id)
    # The figures depend only on which experiments the reader may see: cached per visibility.
    figures = cached_listing(
        "school-overview", request.user, [school.pk], lambda: school_figures(school, request.user)
    )
    context = {
        "school": school,
        **figures,
        "details": leader_details(school) if is_school_leader(request.user, school) else None,
    }
    return render(request, "knowledge/overviews/school_overview.html", context)


def municipality_overview(request, municipality_id):
    municipality = get_object_or_404(
        public_pages(MunicipalityPage.objects.live()), pk=municipality_id
    )
    form = ThemeForm(request.GET)
    kind = (form.is_valid() and form.cleaned_data["tema"]) or "tags"
    # The counts change with the municipality's experiments, the network's themes with any
    # experiment: cached apart, per visibility class, and put together here.
    names = cached_listing(
        "network-themes", request.user, [kind], lambda: network_theme_names(kind, request.user)
    )

    def drawn():
        # The counts looked up after the drawing's key was made: never older than its version.
        counts = cached_listing(
            "municipality-overview",
            request.user,
            [municipality.pk, kind],
            lambda: municipality_counts(municipality, kind, request.user),
        )
        figures = municipality_layout(municipality_figures(counts, kind, names), municipality, kind)
        context = {"municipality": municipality, "kind": kind, **figures}
        html = render_to_string(
            "knowledge/overviews/_municipality_figures.html", context, request=request
        )
        return figures["experiment_count"], html

    # Drawn once per change, not per visit: the heat map and the full table are some 1,000
    # cells (a third of a warm page at 100,000 experiments). They show the municipality's
    # counts (renewed with its scope) and the network's theme names (in the key).
    experiment_count, figures_html = cached_listing(
        "municipality-overview-html",
        request.user,
        [municipality.pk, kind, hashlib.sha256(repr(names).encode()).hexdigest()[:16]],
        drawn,
    )
    context = {
        "municipality": municipality,
        "form": form,
        "kind": kind,
        "experiment_count": experiment_count,
        "figures_html": figures_html,
    }
    return render(request, "knowledge/overviews/municipality_overview.html", context)
