"""The admin's front page shows a teacher their work and where to start, a curator their
municipality; help is Praksisnet's own Danish page, and no avatar is fetched from Gravatar."""

import pytest
from bs4 import BeautifulSoup

from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_teacher_sees_their_own_and_their_teams_experiments_with_where_each_stands(
    client, network
):
    mine = make_experiment(
        network.school_a, "Mit kladdeforsøg", live=False, owner=network.teacher_a
    )
    team = make_experiment(network.school_a, "Teamets forsøg", team=network.team_a)
    make_experiment(network.school_a, "En kollegas forsøg")  # neither theirs nor their team's
    make_experiment(network.school_b, "Odense-forsøg", team=network.team_b)
    panel = dashboard(client, network.teacher_a).select_one("#my-experiments-section")
    rows = {
        row.select_one("td.title a").get_text(): [td.get_text(" ", strip=True) for td in row("td")]
        for row in panel.select("tbody tr")
    }
    assert set(rows) == {"Mit kladdeforsøg", "Teamets forsøg"}
    assert rows["Mit kladdeforsøg"][1:4] == ["Skjoldhøjskolen", "Planlagt", "Kladde"]
    assert rows["Teamets forsøg"][3] == "Udgivet"
    assert panel.select_one(f'a[href="/admin/pages/{mine.pk}/edit/"]')
    assert team.pk
    new = panel.select_one("a.button")
    assert new.get_text(strip=True) == "Opret nyt forsøg"
    assert new["href"] == f"/admin/pages/add/knowledge/experimentpage/{network.school_a.pk}/"


def test_help_is_praksisnets_danish_page_not_wagtails_english_guide(client, network):
    soup = dashboard(client, network.teacher_a)
    html = soup.decode()
    assert "guide.wagtail.org" not in html
    assert soup.select_one('#my-experiments-section a[href="/admin/hjaelp/"]')
    help_page = client.get("/admin/hjaelp/").content.decode()
    assert "Sådan skriver du et forsøg" in help_page and "Send til godkendelse" in help_page


def test_a_curator_is_told_which_municipality_they_curate(client, network):
    panel = dashboard(client, network.curator_a).select_one("#curated-municipalities-section")
    assert "Du kuraterer samlingerne for Aarhus Kommune." in panel.get_text(" ", strip=True)
    assert panel.select_one("a[href^='/admin/pages/add/knowledge/collectionpage/']")


@pytest.mark.parametrize("who", ["teacher_a", "leader_a", "curator_a", "admin"])
def test_no_avatar_is_fetched_from_gravatar(client, network, who):
    user = getattr(network, who)
    client.force_login(user)
    for url in ("/admin/", "/admin/account/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
