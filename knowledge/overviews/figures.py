"""The figures of the overviews: plain facts of the experiments a reader may see, counted.

Each function makes a fixed number of queries however many experiments there are: it loads
plain facts (status, team, dates, tag and subject names), never whole pages, and counts in
Python. Dates and places come from knowledge.places, as on every other page.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page, WorkflowState

from knowledge.listings.queries import public_pages
from knowledge.models import ExperimentPage, ExperimentStatus, ExperimentTag, Subject
from knowledge.places import school_path, school_term
from schools.models import SchoolPage, TeacherTeam

from .charts import bar_chart, timeline

MAX_BARS = 15  # a bar chart longer than this stops being readable; the table has them all
MAX_NETWORK_THEMES = 20  # tags from elsewhere in the network shown as "nobody here works on it"
MAX_TERMS = 20  # ten school years of activity


@dataclass
class Facts:
    """What the overviews count about one experiment; plain values, no page objects to build."""

    pk: int
    path: str
    status: str
    team_id: int
    start_date: object
    first_published_at: object
    tags: list = field(default_factory=list)  # names
    subjects: list = field(default_factory=list)


def experiment_facts(queryset):
    """Facts for every experiment in queryset, in three light queries (rows, tags, subjects)."""
    facts = {
        row[0]: Facts(*row)
        for row in queryset.order_by("pk").values_list(
            "pk", "path", "status", "team_id", "start_date", "first_published_at"
        )
    }
    ids = queryset.values("pk")
    tagged = ExperimentTag.objects.filter(content_object__in=ids).order_by("tag__name")
    # Skip ids not in facts: one published between these queries waits for the next view.
    for experiment_id, name in tagged.values_list("content_object_id", "tag__name"):
        if experiment_id in facts:
            facts[experiment_id].tags.append(name)
    described = ExperimentPage.subjects.through.objects.filter(experimentpage__in=ids)
    for experiment_id, name in described.order_by("subject__name").values_list(
        "experimentpage_id", "subject__name"
    ):
        if experiment_id in facts:
            facts[experiment_id].subjects.append(name)
    return list(facts.values())


def term_of(experiment):
    """The school term the experiment's listing date falls in (knowledge.places)."""
    return school_term(experiment.start_date, experiment.first_published_at)


def term_label(term):
    year, half = term
    if half:
        return _("Autumn %(year)s") % {"year": year}
    return _("Spring %(year)s") % {"year": year}


def terms_between(first, last):
    terms, term = [], first
    while term <= last:
        terms.append(term)
        term = (term[0], 1) if term[1] == 0 else (term[0] + 1, 0)
    return terms


def activity_rows(experiments):
    """(term label, experiments started that term) over at most the last MAX_TERMS terms that
    have experiments, gaps as 0 (a mistyped year must not stretch the chart over centuries)."""
    counts = Counter(term for term in map(term_of, experiments) if term is not None)
    if not counts:
        return []
    last = max(counts)
    first = max(min(counts), terms_before(last, MAX_TERMS - 1))
    return [(term_label(t), counts[t]) for t in terms_between(first, last)]


def terms_before(term, number):
    """The term ``number`` terms before ``term``."""
    year, half = term
    index = year * 2 + half - number
    return (index // 2, index % 2)


def _most_common(counter):
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


@dataclass
class TeamSummary:
    name: str
    grade_band: str
    experiment_count: int = 0
    subjects: list = field(default_factory=list)  # (name, count), most used first
    tags: list = field(default_factory=list)


def team_summaries(teams, experiments):
    by_team = defaultdict(list)
    for experiment in experiments:
        by_team[experiment.team_id].append(experiment)
    summaries = []
    for team in teams:
        own = by_team.get(team.pk, [])
        summaries.append(
            TeamSummary(
                name=team.name,
                grade_band=team.get_grade_band_display(),
                experiment_count=len(own),
                subjects=_most_common(Counter(name for e in own for name in e.subjects)),
                tags=_most_common(Counter(name for e in own for name in e.tags)),
            )
        )
    return summaries


def leader_details(school):
    """What only the school's leaders see: unpublished work and members-only counts (3 queries)."""
    all_experiments = ExperimentPage.objects.child_of(school)
    page_type = ContentType.objects.get_for_model(Page)
    in_moderation = WorkflowState.objects.active().filter(
        base_content_type=page_type,
        # WorkflowState.object_id is text, so compare with the page ids as text.
        object_id__in=all_experiments.annotate(pk_text=Cast("pk", CharField())).values("pk_text"),
    )
    return {
        "drafts": all_experiments.filter(live=False).count(),
        "in_moderation": in_moderation.count(),
        "members_only": all_experiments.live().filter(members_only=True).count(),
    }


def school_figures(school, user):
    """Counts and charts of the school's experiments that user may see."""
    experiments = experiment_facts(ExperimentPage.objects.child_of(school).visible_to(user))
    teams = list(TeacherTeam.objects.filter(school=school).order_by("name"))

    status_counts = Counter(e.status for e in experiments)
    tag_counts = _most_common(Counter(name for e in experiments for name in e.tags))
    subject_counts = _most_common(Counter(name for e in experiments for name in e.subjects))
    number = _("Experiments")
    charts = {
        "status": bar_chart(
            "status",
            _("Experiments by status"),
            _("A bar for each status with the number of experiments in it."),
            [(label, status_counts[value]) for value, label in ExperimentStatus.choices],
            _("Status"),
            number,
        ),
        "activity": timeline(
            "activity",
            _("Experiments started per term"),
            _(
                "A column for each school term, from the first to the latest, with the number of "
                "experiments started in it."
            ),
            activity_rows(experiments),
            _("Term"),
            number,
        ),
        "subjects": bar_chart(
            "subjects",
            _("Subjects in use"),
            _("The subjects the school's experiments are about, most used first."),
            subject_counts[:MAX_BARS],
            _("Subject"),
            number,
        ),
        "tags": bar_chart(
            "tags",
            _("Tags in use"),
            _("The tags on the school's experiments, most used first."),
            tag_counts[:MAX_BARS],
            _("Tag"),
            number,
        ),
    }
    return {
        "experiment_count": len(experiments),
        "charts": charts,
        "teams": team_summaries(teams, experiments),
        "without_team": sum(1 for e in experiments if e.team_id is None),
        "all_tags": tag_counts,
    }


@dataclass
class Theme:
    name: str
    cells: list  # experiments per school, in the order of the matrix's schools
    school_count: int = 0

    @property
    def total(self):
        return sum(self.cells)


def _themes_of(experiment, kind):
    return set(experiment.tags if kind == "tags" else experiment.subjects)


def _network_theme_names(kind, user):
    """Themes in use anywhere in the network (the most used tags; every subject): one query."""
    if kind == "fag":
        return list(Subject.objects.values_list("name", flat=True))
    visible = ExperimentPage.objects.visible_to(user).values("pk")
    return list(
        Tag.objects.filter(knowledge_experimenttag_items__content_object__in=visible)
        .annotate(uses=Count("knowledge_experimenttag_items", distinct=True))
        .order_by("-uses", "name")
        .values_list("name", flat=True)[:MAX_NETWORK_THEMES]
    )


def theme_matrix(schools, experiments, kind, network_names):
    """Themes × schools: the number of experiments at each school on each theme."""
    column = {school.path: index for index, school in enumerate(schools)}
    counts = defaultdict(lambda: [0] * len(schools))
    for experiment in experiments:
        index = column.get(school_path(experiment.path))
        if index is None:
            continue
        for name in _themes_of(experiment, kind):
            counts[name][index] += 1
    names = set(counts) | set(network_names)
    themes = [Theme(name=name, cells=counts[name]) for name in names]
    for theme in themes:
        theme.school_count = sum(1 for cell in theme.cells if cell)
    themes.sort(key=lambda t: (-t.school_count, -t.total, t.name))
    return themes


def municipality_figures(municipality, kind, user):
    """The themes × schools matrix and its chart, over the experiments user may see."""
    schools = list(public_pages(SchoolPage.objects.child_of(municipality).live()).order_by("title"))
    experiments = experiment_facts(
        ExperimentPage.objects.descendant_of(municipality).visible_to(user)
    )
    themes = theme_matrix(schools, experiments, kind, _network_theme_names(kind, user))
    kind_label = _("Tag") if kind == "tags" else _("Subject")
    chart = bar_chart(
        "schools-per-theme",
        _("Schools working on each theme"),
        _(
            "A bar for each theme with the number of the municipality's schools that have "
            "experiments on it, most shared first."
        ),
        [(t.name, t.school_count) for t in themes if t.school_count][:MAX_BARS],
        kind_label,
        _("Schools"),
    )
    return {
        "kind_label": kind_label,
        "kind_plural": _("Tags") if kind == "tags" else _("Subjects"),
        "schools": schools,
        "themes": themes,
        "shared": [t for t in themes if t.school_count >= 2],
        "untouched": [t for t in themes if t.school_count == 0],
        "chart": chart,
        "experiment_count": len(experiments),
    }


# --- How the municipality overview presents its figures --------------------------------------

HEATMAP_THEMES = 10  # the compact heat map: the most shared themes; the full table has them all
HIGHLIGHTS_SHOWN = 8  # shared themes and gaps named at the top of the overview
HEAT_LEVELS = 4


@dataclass
class Cell:
    count: int
    url: str  # the filtered experiments list behind the number ("" for 0)
    level: int  # 0 (none) to HEAT_LEVELS (the most experiments on one theme at one school)


@dataclass
class ThemeRow:
    name: str
    cells: list  # Cell per school, in the order of the matrix's schools
    school_count: int
    total: int
    municipality_url: str  # the theme's experiments in the whole municipality
    network_url: str  # the theme's experiments anywhere in the network


def _theme_slugs(kind, names):
    """{name: slug} of the named tags or subjects: one query."""
    model = Tag if kind == "tags" else Subject
    return dict(model.objects.filter(name__in=names).values_list("name", "slug"))


def _experiments_url(**parameters):
    return f"{reverse('knowledge:experiments')}?{urlencode(parameters)}"


def municipality_layout(figures, municipality, kind):
    """figures (from municipality_figures) with what the page draws: rows whose numbers link to
    the filtered experiments list, the shared themes and gaps to name first, a compact heat map."""
    schools, themes = figures["schools"], figures["themes"]
    parameter = "emne" if kind == "tags" else "fag"
    slugs = _theme_slugs(kind, [theme.name for theme in themes])
    largest = max((cell for theme in themes for cell in theme.cells), default=0)
    rows = []
    for theme in themes:
        slug = slugs.get(theme.name)
        cells = []
        for school, count in zip(schools, theme.cells):
            url = _experiments_url(skole=school.pk, **{parameter: slug}) if count and slug else ""
            level = -(-count * HEAT_LEVELS // largest) if count else 0
            cells.append(Cell(count=count, url=url, level=level))
        rows.append(
            ThemeRow(
                name=theme.name,
                cells=cells,
                school_count=theme.school_count,
                total=theme.total,
                municipality_url=(
                    _experiments_url(kommune=municipality.pk, **{parameter: slug})
                    if slug and theme.school_count
                    else ""
                ),
                network_url=_experiments_url(**{parameter: slug}) if slug else "",
            )
        )
    worked_on = [row for row in rows if row.school_count]
    idle = [
        school
        for index, school in enumerate(schools)
        if not any(theme.cells[index] for theme in themes)
    ]
    return {
        **figures,
        "rows": rows,
        "shared_rows": [row for row in rows if row.school_count >= 2][:HIGHLIGHTS_SHOWN],
        "shared_total": len(figures["shared"]),
        "gap_rows": [row for row in rows if not row.school_count][:HIGHLIGHTS_SHOWN],
        "gap_total": len(figures["untouched"]),
        "heatmap_rows": worked_on[:HEATMAP_THEMES],
        "heatmap_more": max(len(worked_on) - HEATMAP_THEMES, 0),
        "idle_schools": idle,
    }
