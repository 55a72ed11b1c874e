"""Content-Security-Policy and Permissions-Policy (praksisnet.security_headers) on every response:
strict on the public pages, which run no inline code; looser in Wagtail's admin, which does.
tests/browser/test_content_security_policy.py checks in Chromium that nothing is refused."""

import re

import pytest

from tests.support.network import make_experiment


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: rest.split()
        for name, _, rest in (
            part.strip().partition(" ") for part in policy.split(";") if part.strip()
        )
    }


@pytest.fixture
def experiment(network):
    return make_experiment(
        network.school_a, "Læsebånd med selvvalgte bøger", team=network.team_a, tags=("Læsning",)
    )


def public_urls(experiment):
    return [
        "/",
        "/soeg/?q=l%C3%A6seb%C3%A5nd",
        experiment.url,
        experiment.get_parent().url,
        "/fund/",
        "/forsoeg/",
        "/feeds/forsoeg.rss",
        "/api/v2/experiments/",
    ]


@pytest.mark.django_db
def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, experiment):
    for url in public_urls(experiment):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert "camera=()" in response["Permissions-Policy"], url
        assert "geolocation=()" in response["Permissions-Policy"], url


INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I
)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+=", re.I)


@pytest.mark.django_db
def test_public_pages_hold_no_inline_code_the_strict_policy_would_block(client, experiment):
    for url in public_urls(experiment)[:6]:
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_STYLE.search(html), url
        assert not EVENT_HANDLER.search(html), url


@pytest.mark.django_db
def test_the_admin_edit_page_loads_under_the_admins_policy(client, network, experiment):
    client.force_login(network.leader_a)
    response = client.get(f"/admin/pages/{experiment.pk}/edit/")
    assert response.status_code == 200
    assert INLINE_SCRIPT.search(response.content.decode())  # why the admin needs 'unsafe-inline'
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "blob:" in policy["img-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the admin frames its own previews
    assert policy["object-src"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_responses_outside_pages_carry_the_headers_too(client):
    for response in (client.get("/ingen-side-her/"), client.get("/admin/login/")):
        assert "Content-Security-Policy" in response
        assert "Permissions-Policy" in response
