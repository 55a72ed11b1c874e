"""The figures of the overviews: what the experiments a reader may see add up to.

The counts come from the listing facts (knowledge.listings.facts), a fixed few rows per school
and theme however many experiments there are. A member kept out of some restricted pages is
counted exactly instead: plain facts of the experiments (status, team, dates, tag and subject
names), never whole pages, counted in Python. Dates and places come from knowledge.places.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page, WorkflowState

from knowledge.listings import facts
from knowledge.listings.queries import public_pages, visible_tags
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


def activity_rows(counts):
    """(term label, experiments started that term) over at most the last MAX_TERMS terms that
    have experiments, gaps as 0 (a mistyped year must not stretch the chart over centuries).
    counts is a Counter of terms (year, half)."""
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


def team_summaries(teams, counts):
    summaries = []
    for team in teams:
        own = counts.teams.get(team.pk, TeamCounts())
        summaries.append(
            TeamSummary(
                name=team.name,
                grade_band=team.get_grade_band_display(),
                experiment_count=own.total,
                subjects=_most_common(own.subjects),
                tags=_most_common(own.tags),
            )
        )
    return summaries


@dataclass
class TeamCounts:
    total: int = 0
    subjects: Counter = field(default_factory=Counter)  # name -> experiments
    tags: Counter = field(default_factory=Counter)


@dataclass
class SchoolCounts:
    """What a school overview counts, from the listing facts or from the experiments' rows."""

    total: int = 0
    statuses: Counter = field(default_factory=Counter)
    terms: Counter = field(default_factory=Counter)  # (year, half) -> experiments
    subjects: Counter = field(default_factory=Counter)
    tags: Counter = field(default_factory=Counter)
    teams: dict = field(default_factory=dict)  # team id -> TeamCounts
    without_team: int = 0


def school_counts_from_rows(experiments):
    """SchoolCounts of experiment_facts() rows: the exact count for any reader."""
    counts = SchoolCounts(total=len(experiments))
    for e in experiments:
        counts.statuses[e.status] += 1
        term = term_of(e)
        if term is not None:
            counts.terms[term] += 1
        counts.subjects.update(e.subjects)
        counts.tags.update(e.tags)
        if e.team_id is None:
            counts.without_team += 1
        else:
            team = counts.teams.setdefault(e.team_id, TeamCounts())
            team.total += 1
            team.subjects.update(e.subjects)
            team.tags.update(e.tags)
    return counts


def _by_label(values):
    return Counter({label: n for _value, (label, n) in values.items()})


def school_counts_from_facts(school, team_ids, audiences):
    """SchoolCounts from the listing facts: one query, however many experiments."""
    school_scope = facts.school_scope(school.pk)
    team_scopes = {facts.team_scope(pk): pk for pk in team_ids}
    found = facts.counted(
        [school_scope, *team_scopes],
        ["total", "status", "term", "team", "fag", "emne"],
        audiences,
    )

    def values(scope, dimension):
        return found.get((scope, dimension), {})

    counts = SchoolCounts(
        total=values(school_scope, "total").get("", ("", 0))[1],
        statuses=Counter({v: n for v, (_label, n) in values(school_scope, "status").items()}),
        subjects=_by_label(values(school_scope, "fag")),
        tags=_by_label(values(school_scope, "emne")),
        without_team=values(school_scope, "team").get("", ("", 0))[1],
    )
    for term, (_label, n) in values(school_scope, "term").items():
        year, half = term.split("-")
        counts.terms[(int(year), int(half))] = n
    for scope, pk in team_scopes.items():
        counts.teams[pk] = TeamCounts(
            total=values(scope, "total").get("", ("", 0))[1],
            subjects=_by_label(values(scope, "fag")),
            tags=_by_label(values(scope, "emne")),
        )
    return counts


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
    """Counts and charts of the school's experiments that user may see: from the listing
    facts, or counted exactly for a reader kept out of some restricted pages."""
    teams = list(TeacherTeam.objects.filter(school=school).order_by("name"))
    audiences = facts.audiences_of(user)
    if audiences is None:
        counts = school_counts_from_rows(
            experiment_facts(ExperimentPage.objects.child_of(school).visible_to(user))
        )
    else:
        counts = school_counts_from_facts(school, [team.pk for team in teams], audiences)

    status_counts = counts.statuses
    tag_counts = _most_common(counts.tags)
    subject_counts = _most_common(counts.subjects)
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
            activity_rows(counts.terms),
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
        "experiment_count": counts.total,
        "charts": charts,
        "teams": team_summaries(teams, counts),
        "without_team": counts.without_team,
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


def network_theme_names(kind, user):
    """Themes in use anywhere in the network (the most used tags; every subject): one query."""
    if kind == "fag":
        return list(Subject.objects.values_list("name", flat=True))
    return [tag.name for tag in visible_tags(user, MAX_NETWORK_THEMES)]


@dataclass
class MunicipalityCounts:
    """Per school (by page id), experiments on each theme (name); and every visible
    experiment below the municipality."""

    schools: list  # the public schools, by title
    themes: dict  # school id -> Counter(theme name -> experiments)
    experiment_count: int


def municipality_counts(municipality, kind, user):
    """MunicipalityCounts from the listing facts (one query), or counted exactly for a reader
    kept out of some restricted pages."""
    schools = list(public_pages(SchoolPage.objects.child_of(municipality).live()).order_by("title"))
    audiences = facts.audiences_of(user)
    if audiences is None:
        experiments = experiment_facts(
            ExperimentPage.objects.descendant_of(municipality).visible_to(user)
        )
        by_path = {school.path: school.pk for school in schools}
        themes = defaultdict(Counter)
        for experiment in experiments:
            pk = by_path.get(school_path(experiment.path))
            if pk is not None:
                themes[pk].update(set(experiment.tags if kind == "tags" else experiment.subjects))
        return MunicipalityCounts(schools, dict(themes), len(experiments))
    every_school = SchoolPage.objects.child_of(municipality).values_list("pk", flat=True)
    scopes = {facts.school_scope(pk): pk for pk in every_school}
    dimension = "emne" if kind == "tags" else "fag"
    found = facts.counted(scopes, ["total", dimension], audiences)
    shown = {school.pk for school in schools}
    themes = {
        scopes[scope]: _by_label(values)
        for (scope, name), values in found.items()
        if name == dimension and scopes[scope] in shown
    }
    total = sum(
        values.get("", ("", 0))[1] for (_s, name), values in found.items() if name == "total"
    )
    return MunicipalityCounts(schools, themes, total)


def theme_matrix(schools, themes_by_school, network_names):
    """Themes × schools: the number of experiments at each school on each theme."""
    counts = defaultdict(lambda: [0] * len(schools))
    for index, school in enumerate(schools):
        for name, n in themes_by_school.get(school.pk, {}).items():
            counts[name][index] += n
    names = set(counts) | set(network_names)
    themes = [Theme(name=name, cells=counts[name]) for name in names]
    for theme in themes:
        theme.school_count = sum(1 for cell in theme.cells if cell)
    themes.sort(key=lambda t: (-t.school_count, -t.total, t.name))
    return themes


def municipality_figures(counts, kind, network_names):
    """The themes × schools matrix and its chart, from municipality_counts() and the network's
    theme names (cached apart: they change with the network, the counts with the municipality)."""
    schools = counts.schools
    themes = theme_matrix(schools, counts.themes, network_names)
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
        "experiment_count": counts.experiment_count,
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


def _experiments_urls():
    """A maker of addresses of the filtered experiments list, reversed once: a municipality's
    heat map links about 600 cells (a reverse each took 25 ms of a warm page at 100,000)."""
    listing = reverse("knowledge:experiments")
    return lambda **parameters: f"{listing}?{urlencode(parameters)}"


def municipality_layout(figures, municipality, kind):
    """figures (from municipality_figures) with what the page draws: rows whose numbers link to
    the filtered experiments list, the shared themes and gaps to name first, a compact heat map."""
    schools, themes = figures["schools"], figures["themes"]
    parameter = "emne" if kind == "tags" else "fag"
    slugs = _theme_slugs(kind, [theme.name for theme in themes])
    experiments_url = _experiments_urls()
    largest = max((cell for theme in themes for cell in theme.cells), default=0)
    rows = []
    for theme in themes:
        slug = slugs.get(theme.name)
        cells = []
        for school, count in zip(schools, theme.cells):
            url = experiments_url(skole=school.pk, **{parameter: slug}) if count and slug else ""
            level = -(-count * HEAT_LEVELS // largest) if count else 0
            cells.append(Cell(count=count, url=url, level=level))
        rows.append(
            ThemeRow(
                name=theme.name,
                cells=cells,
                school_count=theme.school_count,
                total=theme.total,
                municipality_url=(
                    experiments_url(kommune=municipality.pk, **{parameter: slug})
                    if slug and theme.school_count
                    else ""
                ),
                network_url=experiments_url(**{parameter: slug}) if slug else "",
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
