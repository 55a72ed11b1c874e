"""A tag's page and feed exist for a reader only when the reader may see an experiment with it."""

import pytest

from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/emner/{slug}/", "/feeds/emne/{slug}/forsoeg.rss", "/feeds/emne/{slug}/forsoeg.atom"]
)
def test_a_tag_only_on_a_draft_is_as_unknown_as_a_tag_that_does_not_exist(client, network, url):
    make_experiment(
        network.school_a, "Kladde om hemmeligt emne", tags=("Hemmeligt emne",), live=False
    )
    assert client.get(url.format(slug="hemmeligt-emne")).status_code == 404
    assert client.get(url.format(slug="findes-ikke")).status_code == 404
    client.force_login(network.teacher_a)  # not even the school's own teacher sees a draft tag
    assert client.get(url.format(slug="hemmeligt-emne")).status_code == 404


def test_a_members_only_tag_opens_for_members_only(client, network):
    make_experiment(network.school_a, "Lukket forsøg", tags=("Lukket emne",), members_only=True)
    assert client.get("/emner/lukket-emne/").status_code == 404
    client.force_login(network.teacher_b)
    assert "Lukket forsøg" in client.get("/emner/lukket-emne/").content.decode()
