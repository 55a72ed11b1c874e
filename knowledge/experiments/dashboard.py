"""The admin's front page for the people who write experiments, and its Danish help page.

Wagtail's dashboard shows a teacher nothing of their own until they have edited something, and
its help links lead to Wagtail's English guide. These panels say what is theirs (their own and
their team's experiments, with where each stands), where to start a new one, and, for a
curator, which municipality they curate.
"""

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from knowledge.models import CollectionIndexPage, ExperimentPage
from knowledge.places import attach_places
from schools.models import MunicipalityPage, SchoolPage

MY_EXPERIMENTS_SHOWN = 15


def schools_of(user):
    """The schools whose experiments user may write: teacher or leader there."""
    groups = user.groups.all()
    return list(
        SchoolPage.objects.filter(Q(teachers_group__in=groups) | Q(leaders_group__in=groups))
        .distinct()
        .order_by("title")
    )


def publication_state(page, in_moderation):
    if page.pk in in_moderation:
        return _("Waiting for approval")
    if page.live and page.has_unpublished_changes:
        return _("Published, with unpublished changes")
    if page.live:
        return _("Live")
    return _("Draft")


def my_experiments(user):
    """The user's own and their teams' experiments, newest change first (4 queries)."""
    experiments = list(
        ExperimentPage.objects.filter(Q(owner=user) | Q(team__members=user))
        .distinct()
        .select_related("team")
        .order_by("-latest_revision_created_at", "-pk")[:MY_EXPERIMENTS_SHOWN]
    )
    attach_places(experiments)
    in_moderation = set(
        int(pk)
        for pk in WorkflowState.objects.active()
        .filter(object_id__in=[str(e.pk) for e in experiments])
        .values_list("object_id", flat=True)
    )
    for experiment in experiments:
        experiment.publication_state = publication_state(experiment, in_moderation)
    return experiments


class MyExperimentsPanel(Component):
    name = "my_experiments"
    template_name = "knowledge/admin/my_experiments_panel.html"
    order = 50  # before Wagtail's own panels

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        schools = schools_of(self.user)
        return {
            "experiments": my_experiments(self.user),
            "new_links": [
                (
                    school,
                    reverse(
                        "wagtailadmin_pages:add", args=["knowledge", "experimentpage", school.pk]
                    ),
                )
                for school in schools
            ],
            "help_url": reverse("praksisnet_help"),
        }


class CuratorPanel(Component):
    name = "curated_municipalities"
    template_name = "knowledge/admin/curator_panel.html"
    order = 60

    def __init__(self, municipalities):
        self.municipalities = municipalities

    def get_context_data(self, parent_context=None):
        return {
            "curated": [
                (m, CollectionIndexPage.objects.child_of(m).first()) for m in self.municipalities
            ],
        }


def curated_by(user):
    return list(
        MunicipalityPage.objects.filter(curators_group__in=user.groups.all()).order_by("title")
    )


def dashboard_panels(request, panels):
    """construct_homepage_panels: the writer's panels first, for whoever writes or curates."""
    user = request.user
    municipalities = curated_by(user)
    if municipalities:
        panels.insert(0, CuratorPanel(municipalities))
    if schools_of(user) or ExperimentPage.objects.filter(owner=user).exists():
        panels.insert(0, MyExperimentsPanel(user))


def help_page(request):
    """Praksisnet's help for teachers, leaders and curators, in Danish."""
    return render(request, "knowledge/admin/help.html", {"page_title": _("Help with Praksisnet")})
