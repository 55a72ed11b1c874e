"""An experiment restricted to some groups (or behind a shared password) is listed only for
those who pass the restriction: never for every logged-in member of the network."""

import pytest
from wagtail.models import PageViewRestriction

from knowledge.models import ExperimentPage
from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db

SURFACES = (
    "/fund/",
    "/forsoeg/",
    "/forsoeg/eksport.csv",
    "/fund/eksport.csv",
    "/soeg/?q=ledelsesforsøg",
    "/soeg/forslag/?q=Ledelses",
    "/emner/",
    "/emner/ledelse/",
)


@pytest.fixture
def restricted(network):
    for_leaders = make_experiment(
        network.school_a,
        "Ledelsesforsøg om trivsel",
        tags=("Ledelse",),
        findings=("Ledelsesfund om trivsel.",),
    )
    restriction = PageViewRestriction.objects.create(
        page=for_leaders, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network.school_a.leaders_group])
    secret = make_experiment(network.school_b, "Ledelsesforsøg med kodeord", tags=("Ledelse",))
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt"
    )
    make_experiment(network.school_b, "Åbent forsøg om ledelse", tags=("Ledelse",))
    return ExperimentPage.objects.get(pk=for_leaders.pk), ExperimentPage.objects.get(pk=secret.pk)


def seen(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode("utf-8-sig")


def test_both_restrictions_make_the_experiments_members_only(restricted):
    assert all(page.members_only for page in restricted)


@pytest.mark.parametrize("url", SURFACES)
def test_a_member_outside_the_group_sees_neither_anywhere(client, network, restricted, url):
    client.force_login(network.teacher_b)
    page = seen(client, url)
    assert "Ledelsesforsøg om trivsel" not in page and "Ledelsesfund" not in page
    assert "Ledelsesforsøg med kodeord" not in page


@pytest.mark.parametrize("url", ["/fund/", "/forsoeg/", "/soeg/?q=ledelsesforsøg"])
def test_a_member_of_the_group_sees_it_but_not_the_password_one(client, network, restricted, url):
    client.force_login(network.leader_a)
    page = seen(client, url)
    assert "Ledelsesforsøg om trivsel" in page
    assert "Ledelsesforsøg med kodeord" not in page


def test_members_of_different_groups_never_share_a_cached_listing(client, network, restricted):
    client.force_login(network.leader_a)
    assert "Ledelsesforsøg om trivsel" in seen(client, "/forsoeg/")
    client.force_login(network.teacher_b)  # same cache, another reader
    assert "Ledelsesforsøg om trivsel" not in seen(client, "/forsoeg/")


def test_the_tag_count_leaves_out_what_the_member_may_not_read(client, network, restricted):
    client.force_login(network.teacher_b)
    page = seen(client, "/emner/ledelse/")
    assert "Åbent forsøg om ledelse" in page
    assert "Ledelsesforsøg" not in page
