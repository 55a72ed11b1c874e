"""The admin's tag suggestions (knowledge/tags/autocomplete.py) never name a tag that is only on
another school's draft or on an experiment behind a restriction the user does not pass."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db


def suggested(client, term):
    urls = [
        reverse("wagtailadmin_tag_autocomplete"),
        reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"]),
    ]
    answers = []
    for url in urls:
        response = client.get(url, {"term": term})
        assert response.status_code == 200
        answers.append(response.json())
    assert answers[0] == answers[1]
    return answers[0]


@pytest.fixture
def tagged(network):
    make_experiment(network.school_a, "Offentligt", tags=["trivselsråd"])
    make_experiment(network.school_a, "Kladde", tags=["trivselshemmelighed"], live=False)
    restricted = make_experiment(network.school_a, "For ledere", tags=["trivselsledelse"])
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network.school_a.leaders_group])
    make_experiment(network.school_b, "Egen kladde", tags=["trivselsplan"], live=False)


def test_another_schools_teacher_is_offered_only_tags_they_may_read_or_edit(
    client, network, tagged
):
    client.force_login(network.teacher_b)
    assert suggested(client, "trivsel") == ["trivselsplan", "trivselsråd"]


def test_the_schools_own_leader_is_offered_its_drafts_and_restricted_tags(client, network, tagged):
    client.force_login(network.leader_a)
    assert suggested(client, "trivsel") == [
        "trivselshemmelighed",
        "trivselsledelse",
        "trivselsråd",
    ]


def test_an_unknown_tag_model_is_not_found(client, network):
    client.force_login(network.teacher_b)
    url = reverse("wagtailadmin_tag_model_autocomplete", args=["auth", "user"])
    assert client.get(url, {"term": "a"}).status_code == 404
