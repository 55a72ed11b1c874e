"""The evidence ladder for small trials: how far a practice has been tried, in four steps.

1. Tried in one class.
2. Tried in several classes at the school: more pupils than one class holds, more than one grade
   level, or another experiment at the same school repeats it.
3. Replicated at another school: an experiment at another school repeats or adapts it, or it
   repeats or adapts one from another school ("builds on" links, either direction).
4. Replicated at several schools with measured results: two or more other schools, and test
   results or a survey among the findings of the experiment or its replications.

Computed in Python from five queries for any number of experiments (``evidence_steps``), and
kept per listed experiment (``ListedExperiment.evidence_step``, by knowledge.listings.facts, in the
transaction of every change to the experiment, its findings or a "builds on" link to or from it),
so the facet (knowledge.listings.facets) filters and counts by a stored number. As one SQL
expression it cost 108 ms per experiment at 10,000 experiments (an OR of two joins per row):
the findings page took 9 s cold at 1,000. Only links with live, public experiments count: the
step is the same for every reader, reveals nothing about members-only work, and anyone can check
the replications it rests on. The help page (/evidens/) says this in plain Danish.

Members-only replications were weighed and left out on purpose: a step that rose for members
would disagree with the filter, the counts, the exports and the API (one value per experiment),
and a member who cites "trin 3" to a parent or the municipality would cite what they cannot
check. A member is told instead, under the ladder, how many members-only experiments they may
read repeat this one (members_only_repetitions), so the step below their links is no puzzle.
"""

from collections import defaultdict

from django.db.models import IntegerChoices, Q
from django.utils.translation import gettext_lazy as _

from knowledge.models import EvidenceKind, ExperimentLink, ExperimentPage, Finding, LinkKind
from knowledge.places import school_path


class EvidenceStep(IntegerChoices):
    ONE_CLASS = 1, _("Tried in one class")
    SEVERAL_CLASSES = 2, _("Tried in several classes at the school")
    ANOTHER_SCHOOL = 3, _("Replicated at another school")
    SEVERAL_SCHOOLS = 4, _("Replicated at several schools with measured results")


#: Links that mean "we tried the same practice" (extending or contradicting is something else).
REPEATING_KINDS = (LinkKind.REPLICATES, LinkKind.ADAPTS)
#: Findings that rest on something measured.
MEASURED_KINDS = (EvidenceKind.TEST_RESULTS, EvidenceKind.SURVEY)
#: The most pupils one Danish class holds (folkeskolen's class size limit).
ONE_CLASS_PUPILS = 28


def repeating_links(ids=None):
    """[(page id, target id)] of the links that repeat, to or from the experiments ids (all
    experiments when None)."""
    links = ExperimentLink.objects.filter(kind__in=REPEATING_KINDS)
    if ids is not None:
        ids = list(ids)
        links = links.filter(Q(page_id__in=ids) | Q(target_id__in=ids))
    return list(links.values_list("page_id", "target_id"))


def _among(queryset, field, ids):
    return queryset if ids is None else queryset.filter(**{f"{field}__in": list(ids)})


def evidence_steps(ids=None):
    """{experiment id: EvidenceStep} of the saved experiments ids (every experiment when None):
    four queries however many there are."""
    own = {
        pk: (path, pupils)
        for pk, path, pupils in _among(ExperimentPage.objects.all(), "pk", ids).values_list(
            "pk", "path", "pupil_count"
        )
    }
    if not own:
        return {}
    every = ids is None
    grades = defaultdict(set)
    through = ExperimentPage.grade_levels.through.objects.all()
    for pk, grade in _among(through, "experimentpage_id", None if every else own).values_list(
        "experimentpage_id", "gradelevel_id"
    ):
        grades[pk].add(grade)
    near = defaultdict(set)
    for page_id, target_id in repeating_links(None if every else own):
        near[page_id].add(target_id)
        near[target_id].add(page_id)
    # Only live public neighbours count: the step reveals nothing about members-only work.
    public = ExperimentPage.objects.filter(live=True, members_only=False)
    if not every:
        public = public.filter(pk__in={n for pk in own for n in near[pk]})
    schools = {pk: school_path(path) for pk, path in public.values_list("pk", "path")}
    measured = Finding.objects.filter(evidence_kind__in=MEASURED_KINDS)
    if not every:
        measured = measured.filter(page_id__in=set(own) | set(schools))
    measured = set(measured.values_list("page_id", flat=True).distinct())
    steps = {}
    for pk, (path, pupils) in own.items():
        school = school_path(path)
        neighbours = [n for n in near[pk] if n in schools]
        other_schools = {schools[n] for n in neighbours} - {school}
        several_classes = (
            (pupils or 0) > ONE_CLASS_PUPILS
            or len(grades[pk]) > 1
            or any(schools[n] == school for n in neighbours)
        )
        if len(other_schools) >= 2 and (pk in measured or any(n in measured for n in neighbours)):
            steps[pk] = EvidenceStep.SEVERAL_SCHOOLS
        elif other_schools:
            steps[pk] = EvidenceStep.ANOTHER_SCHOOL
        elif several_classes:
            steps[pk] = EvidenceStep.SEVERAL_CLASSES
        else:
            steps[pk] = EvidenceStep.ONE_CLASS
    return steps


def members_only_repetitions(experiment, user):
    """How many live members-only experiments the user may read repeat this one or are repeated
    by it (the ladder does not count them); 0 for an anonymous visitor, always."""
    if user is None or not user.is_authenticated:
        return 0
    pk = experiment.pk
    return (
        ExperimentPage.objects.visible_to(user)
        .filter(members_only=True)
        .filter(
            Q(links__target_id=pk, links__kind__in=REPEATING_KINDS)
            | Q(incoming_links__page_id=pk, incoming_links__kind__in=REPEATING_KINDS)
        )
        .exclude(pk=pk)
        .distinct()
        .count()
    )


def evidence_step_of(experiment):
    """The EvidenceStep of one saved experiment (counted afresh, live or not)."""
    return evidence_steps([experiment.pk]).get(experiment.pk, EvidenceStep.ONE_CLASS)
