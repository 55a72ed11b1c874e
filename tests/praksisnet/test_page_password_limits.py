"""Guessing a password-protected page's shared password (praksisnet/password_limits.py): after
ten wrong tries from one address the form says so and refuses even the right password."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.support.network import make_experiment

SECRET = "hemmeligt-kodeord"


@pytest.fixture
def protected(network):
    pages = []
    for title in ("Forsøg med kodeord", "Andet forsøg med kodeord"):
        page = make_experiment(network.school_b, title, findings=("Fund bag kodeord.",))
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
        )
        pages.append((page, restriction))
    return pages


def try_password(client, page, restriction, password, address="10.0.0.1"):
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def reads_the_page(client, page, address="10.0.0.1"):
    response = client.get(page.url, REMOTE_ADDR=address)
    return response.status_code == 200 and "Fund bag kodeord." in response.content.decode()


@pytest.mark.django_db
def test_sixty_wrong_passwords_lock_the_page_even_for_the_right_one(client, protected):
    page, restriction = protected[0]
    for _ in range(60):
        wrong = try_password(client, page, restriction, "gæt")
    assert wrong.status_code == 429
    refused = try_password(client, page, restriction, SECRET)
    assert refused.status_code == 429
    assert "For mange forkerte adgangskoder" in refused.content.decode()
    assert "Prøv igen om 30 minutter." in refused.content.decode()
    assert not reads_the_page(client, page)


@pytest.mark.django_db
def test_a_few_wrong_passwords_then_the_right_one_opens_the_page(client, protected):
    page, restriction = protected[0]
    for _ in range(9):
        assert try_password(client, page, restriction, "gæt").status_code == 200
    assert try_password(client, page, restriction, SECRET).status_code == 302
    assert reads_the_page(client, page)


@pytest.mark.django_db
def test_the_lock_holds_for_one_address_and_one_page(client, protected):
    (page, restriction), (other, other_restriction) = protected
    for _ in range(10):
        try_password(client, page, restriction, "gæt")
    assert try_password(client, page, restriction, SECRET, address="10.0.0.2").status_code == 302
    assert try_password(client, other, other_restriction, SECRET).status_code == 302
