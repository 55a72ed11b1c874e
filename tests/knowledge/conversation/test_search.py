"""Members find what was said in the conversations on the search page; nobody else does."""

import pytest

from knowledge.conversation.models import Comment
from tests.support.english import english  # noqa: F401
from tests.support.network import build_network, make_experiment, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def network():
    n = build_network()
    n.open = make_experiment(n.school_a, "Læsemakkere")
    n.secret = make_experiment(n.school_a, "Trivsel", members_only=True)
    for experiment, text in [
        (n.open, "Hvordan delte I makkerparrene?"),
        (n.secret, "Delte I makkerparrene efter niveau?"),
    ]:
        Comment.objects.create(experiment=experiment, author=n.teacher_b, body=text)
    Comment.objects.create(
        experiment=n.open, author=n.teacher_b, body="Skjult makkerparrene", hidden=True
    )
    return n


def test_members_find_comments_on_what_they_may_read(client, network):
    client.force_login(network.teacher_b)
    page = client.get("/soeg/", {"q": "makkerparrene"}).content.decode()
    assert "In the conversations (for members)" in page
    assert "Hvordan delte I <mark>makkerparrene</mark>?" in page
    assert "niveau" in page  # members-only experiment, readable by members
    assert "Skjult" not in page


def test_anonymous_visitors_never_search_the_conversations(client, network):
    page = client.get("/soeg/", {"q": "makkerparrene"}).content.decode()
    assert "In the conversations" not in page
    assert "Hvordan delte I" not in page
    assert "#kommentar-" not in page


def test_a_member_kept_out_of_a_group_restricted_experiment_does_not_find_its_comments(
    client, network
):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    group = Group.objects.create(name="Kun ledere")
    restriction = PageViewRestriction.objects.create(
        page=network.secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    client.force_login(make_user("anden"))
    page = client.get("/soeg/", {"q": "makkerparrene"}).content.decode()
    assert "Hvordan delte I" in page
    assert "niveau" not in page
