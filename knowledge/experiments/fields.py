"""What the exports, the API and the demo network say about an experiment: one declaration.

Each ExperimentField is one column of the experiments export (and, where ``in_findings`` says
so, of the findings export), and, when ``api`` is set, a field of /api/v2/experiments/. A
field with ``demo`` gets its demo network value from it. So adding a plain field to experiments
is: the model, its migration, the page template, and one line here.

Values are read from rows prepared by knowledge.listings.rows (school, municipality and date
attached from the tree paths; team, subjects, grades and tags fetched with the rows), so a
column never costs a query per row.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from knowledge.addresses import full_url


def _names(items):
    return ", ".join(str(item) for item in items)


def _title(page):
    return page.title if page else ""


@dataclass(frozen=True)
class ExperimentField:
    name: str
    label: str
    value: object  # (experiment, request) -> the cell's value
    api: bool = False  # a plain model field the API serves under the same name
    in_experiments: bool = True  # a column of the experiments export
    in_findings: bool = False  # a column of the findings export (after the finding's own)
    demo: object = None  # (random.Random) -> a value for the demo network


def _model_field(name):
    return lambda experiment, request: getattr(experiment, name)


EXPERIMENT_FIELDS = (
    ExperimentField("title", _("Experiment"), _model_field("title"), in_findings=True),
    ExperimentField("link", _("Link"), lambda e, request: full_url(e, request), in_findings=True),
    ExperimentField("school", _("School"), lambda e, r: _title(e.listing_school), in_findings=True),
    ExperimentField(
        "municipality",
        _("Municipality"),
        lambda e, r: _title(e.listing_municipality),
        in_findings=True,
    ),
    ExperimentField(
        "team", _("Teacher team"), lambda e, r: e.team.name if e.team else "", in_findings=True
    ),
    ExperimentField(
        "date", _("Date"), lambda e, r: e.listing_date, in_experiments=False, in_findings=True
    ),
    ExperimentField(
        "status", _("Status"), lambda e, r: e.get_status_display(), api=True, in_findings=True
    ),
    ExperimentField("start_date", _("Start date"), _model_field("start_date"), api=True),
    ExperimentField("end_date", _("End date"), _model_field("end_date"), api=True),
    ExperimentField(
        "pupil_count",
        _("Pupils involved"),
        _model_field("pupil_count"),
        api=True,
        demo=lambda rng: rng.choice([None, rng.randint(8, 28), rng.randint(20, 90)]),
    ),
    ExperimentField(
        "subjects", _("Subjects"), lambda e, r: _names(e.subjects.all()), in_findings=True
    ),
    ExperimentField(
        "grade_levels",
        _("Grade levels"),
        lambda e, r: _names(e.grade_levels.all()),
        in_findings=True,
    ),
    ExperimentField(
        "tags", _("Tags"), lambda e, r: _names(t.name for t in e.tags.all()), in_findings=True
    ),
    ExperimentField("finding_count", _("Findings"), lambda e, r: e.finding_count),
    ExperimentField("summary", _("Summary"), _model_field("summary"), api=True),
)

API_FIELDS = tuple(field.name for field in EXPERIMENT_FIELDS if field.api)


def demo_values(rng):
    """{field name: value} for a demo experiment, from the fields that declare one."""
    return {field.name: field.demo(rng) for field in EXPERIMENT_FIELDS if field.demo}
