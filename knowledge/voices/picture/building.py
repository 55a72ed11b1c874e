"""The picture of a question: the newest finished analysis, the owner's edits re-applied, the
quotes masked, the group and school differences, the charts and the map.

Drawing it for 5,000 answers reads every answer's words once (to re-apply edits, pick quotes and
place the map), so the drawn picture is cached per analysis and state of the edits: a new edit
or a new analysis makes a new key, nothing else can change what it shows (bench/voices_picture.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext as _

from knowledge.cache import voices_picture_key

from ..analysis.masking import mask
from ..analysis.normalise import content_stems
from ..analysis.pipeline import MINORITY_SHARE
from ..models import AnalysisStatus, RespondentGroup
from . import charts
from .differences import difference_table
from .edits import edited_picture
from .quotes import theme_quotes

PICTURE_TIMEOUT = 60 * 60


@dataclass
class Quote:
    answer: int
    text: str  # masked
    group: str  # the group's label, or ""
    pinned: bool = False


@dataclass
class ShownTheme:
    index: int
    name: str
    found_name: str
    voices: int
    share: int
    minority: bool
    expected: bool
    new: bool
    split_from: str
    quotes: list[Quote]
    anchor: list[int]


@dataclass
class Picture:
    analysis_id: int
    version: str
    total: int
    themes: list[ShownTheme]
    unique_voices: list[Quote]
    lost_edits: int
    guided: bool
    by_group: object
    by_school: object
    themes_chart: object
    group_chart: object
    school_chart: object
    map_points: list
    theme_of: dict = field(default_factory=dict)  # answer id -> theme indices

    @property
    def main_themes(self):
        return [t for t in self.themes if not t.minority]

    @property
    def minority_themes(self):
        return [t for t in self.themes if t.minority]


def newest_analysis(question):
    return question.analyses.filter(status=AnalysisStatus.DONE).order_by("-pk").first()


def edit_version(question):
    """Changes with every edit made or undone: the edits' count and newest id."""
    edits = list(question.edits.values_list("pk", flat=True))
    return f"{len(edits)}-{max(edits, default=0)}"


def picture_of(question, analysis=None):
    """The question's picture (cached), or None before its first finished analysis."""
    analysis = analysis or newest_analysis(question)
    if analysis is None:
        return None
    version = edit_version(question)
    key = voices_picture_key(analysis.pk, version)
    picture = cache.get(key)
    if picture is None:
        picture = draw(question, analysis, version)
        cache.set(key, picture, PICTURE_TIMEOUT)
    return picture


def group_labels():
    return {value: str(label) for value, label in RespondentGroup.choices}


def draw(question, analysis, version):
    from schools.models import SchoolPage

    rows = list(question.answers.values_list("pk", "text", "group", "school_id"))
    texts = {pk: text for pk, text, _g, _s in rows}
    group_of = {pk: group for pk, _t, group, _s in rows}
    school_of = {pk: str(school or "") for pk, _t, _g, school in rows}
    stems_of = {pk: set(content_stems(text)) for pk, text in texts.items()}
    lengths = {pk: len(text) for pk, text in texts.items()}
    edits = list(question.edits.order_by("pk").values_list("kind", "payload"))
    edited = edited_picture(analysis.result, edits, stems_of)
    # Answers deleted since the analysis are gone from the picture too.
    for theme in edited.themes:
        theme.answers = [a for a in theme.answers if a in texts]
    total = max(analysis.answer_count, 1)
    labels = group_labels()
    ordered = sorted(edited.themes, key=lambda t: (not t.expected, -t.voices))
    several = len(ordered) > 1

    def quote(answer, pinned=False):
        return Quote(answer, mask(texts[answer]), labels.get(group_of.get(answer, ""), ""), pinned)

    themes = []
    for index, theme in enumerate(ordered):
        chosen = theme_quotes(theme, stems_of, group_of, lengths, texts)
        themes.append(
            ShownTheme(
                index=index,
                name=theme.name,
                found_name=theme.found_name,
                voices=theme.voices,
                share=round(100 * theme.voices / total),
                minority=several and 0 < theme.voices <= MINORITY_SHARE * total,
                expected=theme.expected,
                new=theme.new,
                split_from=theme.split_from,
                quotes=[quote(a, a in theme.pinned) for a in chosen],
                anchor=sorted(set(theme.answers)),
            )
        )
    theme_of = {}
    for theme in themes:
        for answer in theme.anchor:
            theme_of.setdefault(answer, []).append(theme.index)
    members = [(t.name, t.anchor) for t in themes]
    by_group = difference_table(members, group_of, labels)
    schools = dict(
        SchoolPage.objects.filter(pk__in={s for s in school_of.values() if s}).values_list(
            "pk", "title"
        )
    )
    by_school = difference_table(
        members,
        school_of,
        {str(pk): title for pk, title in sorted(schools.items(), key=lambda x: x[1])},
    )
    fewer = _("fewer than 5")
    return Picture(
        analysis_id=analysis.pk,
        version=version,
        total=analysis.answer_count,
        themes=themes,
        unique_voices=[quote(a) for a in edited.unique_voices if a in texts],
        lost_edits=edited.lost_edits,
        guided=edited.guided,
        by_group=by_group,
        by_school=by_school,
        themes_chart=charts.themes_chart(
            [t for t in themes if t.voices],
            _("Voices per theme"),
            _("How many people raised each theme; one person can raise several."),
            _("Theme"),
            _("Voices"),
        ),
        group_chart=charts.group_chart(by_group, fewer),
        school_chart=charts.group_chart(by_school, fewer),
        map_points=charts.theme_map([t for t in themes if t.voices], stems_of),
        theme_of=theme_of,
    )
