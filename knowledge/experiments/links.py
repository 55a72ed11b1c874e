"""What an experiment builds on, and who built on it.

Validation keeps the "builds on" graph honest: no link to the experiment itself, no link to an
unpublished experiment, and no loop (A builds on B builds on A, at any length). The graph checked
is the one stored in the database: ExperimentLink rows are saved when an experiment is published.

The reading side returns links in a fixed number of queries and only to experiments the reader
may see: a members-only or unpublished experiment never shows up, not even as a count.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

# The models are imported inside the functions: the admin form built on this module is named
# by ExperimentPage itself (base_form_class), so importing them here would be circular.


class LinkError(ValueError):
    """A proposed link that must be refused; str(error) is the message for the editor."""


def _builds_on_paths(start_ids, skip_page_id):
    """Breadth-first walk of live links from start_ids; returns {page id: id it was reached from}.

    skip_page_id's own stored links are ignored: the form being validated replaces them.
    One query per level of the graph.
    """
    from knowledge.models import ExperimentLink

    reached_from = {page_id: None for page_id in start_ids}
    frontier = set(start_ids)
    while frontier:
        edges = (
            ExperimentLink.objects.filter(page_id__in=frontier, page__live=True)
            .exclude(page_id=skip_page_id)
            .values_list("page_id", "target_id")
        )
        next_frontier = set()
        for source, target in edges:
            if target not in reached_from:
                reached_from[target] = source
                next_frontier.add(target)
        frontier = next_frontier
    return reached_from


def find_loop(page_id, target_id):
    """The chain of experiment ids target -> ... -> page if linking page to target closes a loop."""
    if page_id is None:  # a page being created has no incoming links yet
        return None
    reached_from = _builds_on_paths([target_id], skip_page_id=page_id)
    if page_id not in reached_from:
        return None
    chain = [page_id]
    while chain[-1] != target_id:
        chain.append(reached_from[chain[-1]])
    chain.reverse()
    return chain


def unpublished_message(target, user):
    """The refusal for an unpublished experiment, naming it only to someone who may edit it:
    a draft's title is not for editors at other schools (any id can be posted)."""
    if user is not None and target.permissions_for_user(user).can_edit():
        return _("“%(title)s” is not published. Choose a published experiment.") % {
            "title": target.title
        }
    return _("That experiment is not published. Choose a published experiment.")


def check_link(page, target, user=None):
    """Raise LinkError with a message for the editor (user) if page may not build on target."""
    if target is None:
        return
    from knowledge.models import ExperimentPage

    if page.pk is not None and target.pk == page.pk:
        raise LinkError(_("An experiment cannot build on itself."))
    if not target.live:
        raise LinkError(unpublished_message(target, user))
    chain = find_loop(page.pk, target.pk)
    if chain:
        titles = dict(ExperimentPage.objects.filter(pk__in=chain).values_list("pk", "title"))
        titles[page.pk] = page.title  # the title being typed, not the stored one
        path = " → ".join(titles[pk] for pk in [page.pk, *chain])
        raise LinkError(
            _(
                "This link would make a loop: %(path)s. An experiment cannot, through other "
                "experiments, build on itself; remove one of the links."
            )
            % {"path": path}
        )


@dataclass
class BuiltOn:
    """An experiment building on the one being read: the experiment, its school, the link kind."""

    experiment: object
    school: object
    kind: str
    kind_label: str
    findings: list = field(default_factory=list)


@dataclass
class ExperimentLinks:
    builds_on: list  # ExperimentLink rows whose target the reader may see
    built_on_by: list  # BuiltOn, newest first
    other_school_count: int  # distinct schools, other than this one, that built on it

    def __bool__(self):
        return bool(self.builds_on or self.built_on_by)


def links_for(experiment, user):
    """Both directions of an experiment's links, limited to what user may see; 4 queries."""
    from knowledge.models import ExperimentLink, ExperimentPage, Finding
    from schools.models import SchoolPage

    visible = ExperimentPage.objects.visible_to(user)
    # experiment.links may be the editor's unsaved rows (preview), so filter them in Python.
    own_links = sorted(
        experiment.links.all(), key=lambda link: (link.sort_order or 0, link.pk or 0)
    )
    targets = visible.in_bulk([link.target_id for link in own_links])
    builds_on = []
    for link in own_links:
        if link.target_id in targets:
            link.target = targets[link.target_id]
            builds_on.append(link)
    if experiment.pk is None:  # a preview of an experiment not yet created: nobody built on it
        return ExperimentLinks(builds_on=builds_on, built_on_by=[], other_school_count=0)
    incoming = list(
        ExperimentLink.objects.filter(target=experiment, page__in=visible.values("pk"))
        .select_related("page")
        .prefetch_related(
            Prefetch("page__findings", queryset=Finding.objects.order_by("sort_order", "pk"))
        )
        .order_by("-page__first_published_at", "-pk")
    )
    steplen = ExperimentPage.steplen
    school_paths = {link.page.path[:-steplen] for link in incoming}
    schools = {}
    if incoming:
        schools = {s.path: s for s in SchoolPage.objects.filter(path__in=school_paths)}
    own_school_path = experiment.path[:-steplen]
    built_on_by = []
    seen = set()
    for link in incoming:
        if link.page_id in seen:  # two links from the same experiment: list it once
            continue
        seen.add(link.page_id)
        built_on_by.append(
            BuiltOn(
                experiment=link.page,
                school=schools.get(link.page.path[:-steplen]),
                kind=link.kind,
                kind_label=link.get_kind_display(),
                findings=list(link.page.findings.all()),
            )
        )
    other_schools = {path for path in school_paths if path != own_school_path}
    return ExperimentLinks(
        builds_on=builds_on, built_on_by=built_on_by, other_school_count=len(other_schools)
    )
