"""Page models: where each page type may live, what an experiment requires, and the messages an
editor reads (in Danish, the site's language) when something is wrong."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from knowledge.models import (
    CollectionIndexPage,
    CollectionPage,
    ExperimentPage,
    GradeLevel,
    HomePage,
)
from schools.models import MunicipalityPage, SchoolPage
from tests.support.admin_forms import experiment_form_data
from tests.support.network import home_page, make_experiment, subject


@pytest.fixture
def folder(network):
    return CollectionIndexPage.objects.child_of(network.municipality_a).get()


@pytest.mark.parametrize(
    ("model", "parent", "allowed"),
    [
        (ExperimentPage, "school", True),
        (ExperimentPage, "municipality", False),
        (ExperimentPage, "home", False),
        (ExperimentPage, "folder", False),
        (SchoolPage, "municipality", True),
        (SchoolPage, "home", False),
        (SchoolPage, "school", False),
        (MunicipalityPage, "home", True),
        (MunicipalityPage, "municipality", False),
        (CollectionPage, "folder", True),
        (CollectionPage, "school", False),
        (CollectionPage, "municipality", False),
        (HomePage, "home", False),
    ],
)
def test_where_each_page_type_can_be_created(network, folder, model, parent, allowed):
    parents = {
        "home": home_page(),
        "municipality": network.municipality_b,
        "school": network.school_a,
        "folder": folder,
    }
    assert model.can_create_at(parents[parent]) is allowed


def test_allowed_children(network):
    assert SchoolPage.allowed_subpage_models() == [ExperimentPage]
    assert ExperimentPage.allowed_subpage_models() == []
    assert set(MunicipalityPage.allowed_subpage_models()) == {SchoolPage, CollectionIndexPage}
    assert ExperimentPage.allowed_parent_page_models() == [SchoolPage]


def test_a_municipality_has_one_collections_folder(network, folder):
    assert not CollectionIndexPage.can_create_at(network.municipality_a)


def _form(network, school=None, **changes):
    school = school or network.school_a
    fields = {
        "title": "Makkerlæsning",
        "slug": "makkerlaesning",
        "summary": "Eleverne læste højt for hinanden.",
        "question": "Læser eleverne mere flydende med en makker?",
        "team": network.team_a,
        "grade_levels": GradeLevel.objects.filter(number=5),
        "subjects": [subject("Dansk")],
    }
    fields.update(changes)
    form_class = ExperimentPage.get_edit_handler().get_form_class()
    return form_class(
        experiment_form_data(**fields),
        instance=ExperimentPage(owner=network.teacher_a),
        parent_page=school,
        for_user=network.teacher_a,
    )


def test_a_complete_experiment_is_valid(network):
    form = _form(network)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("field", ["summary", "question"])
def test_required_text(network, field):
    form = _form(network, **{field: ""})
    assert not form.is_valid()
    assert list(form.errors) == [field]


@pytest.mark.parametrize("field", ["grade_levels", "subjects"])
def test_required_choices(network, field):
    form = _form(network, **{field: []})
    assert not form.is_valid()
    assert list(form.errors) == [field]


def test_the_end_date_cannot_be_before_the_start_date_in_danish(network):
    with translation.override("da"):
        form = _form(network, start_date="2026-03-01", end_date="2026-02-01")
        assert not form.is_valid()
        assert form.errors["end_date"] == ["Slutdatoen kan ikke ligge før startdatoen."]


def test_the_end_date_message_in_english(network):
    with translation.override("en"):
        form = _form(network, start_date="2026-03-01", end_date="2026-02-01")
        assert not form.is_valid()
        assert form.errors["end_date"] == ["The end date cannot be before the start date."]


def test_the_same_day_is_a_valid_period(network):
    form = _form(network, start_date="2026-03-01", end_date="2026-03-01")
    assert form.is_valid(), form.errors


def test_the_team_must_belong_to_the_school_in_danish(network):
    with translation.override("da"):
        form = _form(network, team=network.team_b)
        assert not form.is_valid()
        assert form.errors["team"] == ["Vælg et team fra Skjoldhøjskolen."]


def test_the_team_is_checked_when_an_existing_experiment_is_edited(network):
    experiment = make_experiment(network.school_a, "Læsebånd", team=network.team_a)
    experiment.team = network.team_b
    experiment.end_date = experiment.start_date - datetime.timedelta(days=1)
    with translation.override("da"), pytest.raises(ValidationError) as error:
        experiment.full_clean()
    messages = error.value.message_dict
    assert messages["team"] == ["Vælg et team fra Skjoldhøjskolen."]
    assert messages["end_date"] == ["Slutdatoen kan ikke ligge før startdatoen."]


def test_required_field_message_in_danish(network):
    with translation.override("da"):
        form = _form(network, summary="")
        assert not form.is_valid()
        assert form.errors["summary"] == ["Dette felt er påkrævet."]
