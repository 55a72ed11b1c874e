"""Following schools, tags, collections and experiments, and managing it on "Mine abonnementer"."""

import html

import pytest
from django.conf import settings

from knowledge.conversation.models import DigestFrequency, DigestSettings, Follow, FollowKind
from knowledge.conversation.tokens import unsubscribe_token
from tests.support.english import english  # noqa: F401
from tests.support.network import build_network, make_experiment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def network():
    n = build_network()
    n.experiment = make_experiment(n.school_a, "Læsemakkere", tags=["læsning"])
    n.secret = make_experiment(n.school_a, "Trivsel", members_only=True, tags=["hemmelig"])
    return n


def log_out(client):
    """Log out and keep reading the site in English (logout() forgets every cookie)."""
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def text(response):
    return html.unescape(response.content.decode())


def follow(client, kind, target_id, **extra):
    return client.post("/samtale/foelg/", {"kind": kind, "id": target_id, **extra})


def test_a_member_follows_a_school_from_its_page_and_sees_it_listed(client, network):
    client.force_login(network.teacher_b)
    page = text(client.get(network.school_a.url))
    assert 'name="kind" value="school"' in page
    response = follow(client, "school", network.school_a.pk, next=network.school_a.url)
    assert response.status_code == 302 and response["Location"] == network.school_a.url
    assert Follow.objects.get().page_id == network.school_a.pk
    assert "Following ✓ (stop)" in text(client.get(network.school_a.url))
    mine = text(client.get("/samtale/abonnementer/"))
    assert "Skjoldhøjskolen" in mine
    assert "Stop following Skjoldhøjskolen" in mine


def test_tags_collections_and_experiments_can_be_followed_and_unfollowed(client, network):
    from taggit.models import Tag

    client.force_login(network.teacher_b)
    tag = Tag.objects.get(name="læsning")
    assert 'value="tag"' in text(client.get(f"/emner/{tag.slug}/"))
    follow(client, "tag", tag.pk)
    follow(client, "experiment", network.experiment.pk)
    follow(client, "experiment", network.experiment.pk)  # twice is still once
    assert Follow.objects.filter(kind=FollowKind.EXPERIMENT).count() == 1
    assert Follow.objects.filter(kind=FollowKind.TAG, tag=tag).exists()
    follow(client, "experiment", network.experiment.pk, stop="1")
    assert not Follow.objects.filter(kind=FollowKind.EXPERIMENT).exists()


def test_what_one_may_not_read_cannot_be_followed(client, network):
    from taggit.models import Tag

    client.force_login(network.teacher_b)
    # Anonymous-only things aside, a stranger's account may read members-only experiments;
    # an unknown kind, a draft, a tag used only on what they cannot see and junk are refused.
    draft = make_experiment(network.school_a, "Kladde", live=False)
    hidden_tag = Tag.objects.get(name="hemmelig")
    log_out(client)
    response = follow(client, "experiment", network.secret.pk)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]
    client.force_login(network.teacher_b)
    for kind, target in [
        ("experiment", draft.pk),
        ("school", network.experiment.pk),
        ("planet", 1),
        ("school", "abc"),
        ("school", "9" * 30),
    ]:
        response = follow(client, kind, target)
        assert response.status_code == 404
        assert "There is nothing you can follow at that address." in text(response)
    assert follow(client, "tag", hidden_tag.pk).status_code == 302  # members see it
    assert not Follow.objects.filter(page__isnull=False).exists()


def test_anonymous_visitors_get_no_follow_button_and_no_subscriptions_page(client, network):
    assert 'name="kind"' not in text(client.get(network.school_a.url))
    response = client.get("/samtale/abonnementer/")
    assert response.status_code == 302 and "/_util/login/" in response["Location"]


def test_the_member_chooses_daily_weekly_or_no_digest(client, network):
    client.force_login(network.teacher_b)
    response = client.post("/samtale/abonnementer/", {"frequency": "daily"})
    assert response.status_code == 302
    assert DigestSettings.objects.get(user=network.teacher_b).frequency == DigestFrequency.DAILY
    response = client.post("/samtale/abonnementer/", {"frequency": "hourly"})
    assert response.status_code == 200
    assert "Choose daily, weekly or no e-mail." in text(response)
    assert DigestSettings.objects.get(user=network.teacher_b).frequency == DigestFrequency.DAILY


def test_the_unsubscribe_link_works_without_login_and_only_with_a_real_token(client, network):
    DigestSettings.objects.create(user=network.teacher_b, frequency=DigestFrequency.WEEKLY)
    address = f"/samtale/afmeld/{unsubscribe_token(network.teacher_b)}/"
    assert "Stop the digest" in text(client.get(address))
    assert DigestSettings.objects.get().frequency == DigestFrequency.WEEKLY  # GET changes nothing
    response = client.post(address)
    assert "you will receive no more digests" in text(response)
    assert DigestSettings.objects.get().frequency == DigestFrequency.NEVER

    forged = f"/samtale/afmeld/{network.teacher_b.pk}:forged/"
    response = client.post(forged)
    assert response.status_code == 400
    assert "This link is not valid" in text(response)
