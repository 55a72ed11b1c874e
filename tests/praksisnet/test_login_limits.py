"""Login brute-force protection (django-axes, see base.py): after too many wrong passwords a user
name is locked from that address, with a clear message; other users keep logging in."""

import pytest
from django.urls import reverse

from tests.support.network import PASSWORD

LOGIN_FORMS = ["/admin/login/", reverse("wagtailcore_login")]  # the admin's and the members' login


@pytest.fixture(autouse=True)
def login_limits(settings):
    settings.AXES_ENABLED = True  # off in the test settings for the test client's login()


def log_in(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


def logged_in_as(client):
    from django.contrib.auth import get_user

    user = get_user(client)
    return user.username if user.is_authenticated else None


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_sixty_wrong_passwords_lock_the_user_out_even_with_the_right_one(client, network, url):
    for _ in range(60):
        wrong = log_in(client, url, network.leader_a.username, "forkert-gæt")
        assert logged_in_as(client) is None
    assert wrong.status_code == 429

    refused = log_in(client, url, network.leader_a.username, PASSWORD)
    assert refused.status_code == 429
    assert logged_in_as(client) is None
    page = refused.content.decode()
    assert "For mange mislykkede login" in page
    assert "Prøv igen om 30 minutter." in page


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_another_user_from_the_same_address_is_not_locked_out(client, network, url):
    for _ in range(60):
        log_in(client, url, network.leader_a.username, "forkert-gæt")

    accepted = log_in(client, url, network.leader_b.username, PASSWORD)
    assert accepted.status_code == 302
    assert logged_in_as(client) == network.leader_b.username


@pytest.mark.django_db
def test_a_few_wrong_passwords_do_not_lock_anyone_out(client, network):
    for _ in range(9):
        assert (
            log_in(client, "/admin/login/", network.leader_a.username, "forkert").status_code == 200
        )

    assert log_in(client, "/admin/login/", network.leader_a.username, PASSWORD).status_code == 302
    assert logged_in_as(client) == network.leader_a.username


@pytest.mark.django_db
def test_the_lockout_message_is_english_for_visitors_who_chose_english(client, network):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    for _ in range(10):
        log_in(client, "/admin/login/", network.leader_a.username, "wrong")

    refused = log_in(client, "/admin/login/", network.leader_a.username, PASSWORD)
    assert refused.status_code == 429
    assert "Too many failed logins" in refused.content.decode()


def test_behind_a_proxy_attempts_count_against_the_address_the_proxy_saw(settings, rf):
    from praksisnet.login_limits import client_ip

    forged_then_seen = {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7", "REMOTE_ADDR": "10.0.0.2"}
    settings.PRAKSISNET_PROXY_COUNT = 1
    assert client_ip(rf.post("/admin/login/", **forged_then_seen)) == "203.0.113.7"
    settings.PRAKSISNET_PROXY_COUNT = 0  # no proxy: the header is the client's own and ignored
    assert client_ip(rf.post("/admin/login/", **forged_then_seen)) == "10.0.0.2"


@pytest.mark.django_db
def test_behind_a_proxy_one_clients_failures_do_not_lock_another_client_out(
    client, network, settings
):
    settings.PRAKSISNET_PROXY_COUNT = 1
    for _ in range(60):
        client.post(
            "/admin/login/",
            {"username": network.leader_a.username, "password": "forkert"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )

    elsewhere = client.post(
        "/admin/login/",
        {"username": network.leader_a.username, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert elsewhere.status_code == 302
    assert logged_in_as(client) == network.leader_a.username
