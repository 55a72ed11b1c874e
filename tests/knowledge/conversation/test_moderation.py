"""The admin's list of reported comments: a school's leaders find what members reported on
their school's experiments, hide, show, keep or delete it (deleting asks first), and the
dashboard says how many wait. Administrators see every school's; others see none of it."""

import pytest
from bs4 import BeautifulSoup

from knowledge.conversation.models import Comment, CommentReport
from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db

LIST = "/admin/rapporterede-kommentarer/"


@pytest.fixture
def reported(network):
    """A reported comment at each school, and an unreported one at school A."""
    n = network
    n.experiment_a = make_experiment(n.school_a, "Læsemakkere i 4.a", team=n.team_a)
    n.experiment_b = make_experiment(n.school_b, "Matematik i skolegården", team=n.team_b)
    n.comment_a = Comment.objects.create(
        experiment=n.experiment_a, author=n.teacher_b, body="En grim bemærkning i Aarhus"
    )
    n.comment_b = Comment.objects.create(
        experiment=n.experiment_b, author=n.teacher_a, body="En grim bemærkning i Odense"
    )
    n.quiet = Comment.objects.create(
        experiment=n.experiment_a, author=n.teacher_b, body="Et helt almindeligt spørgsmål"
    )
    CommentReport.objects.create(comment=n.comment_a, reporter=n.teacher_a)
    CommentReport.objects.create(comment=n.comment_a, reporter=n.leader_b)
    CommentReport.objects.create(comment=n.comment_b, reporter=n.teacher_b)
    return n


def listed(client, user):
    client.force_login(user)
    response = client.get(LIST)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        row.select_one(".comment__body").get_text(strip=True): row
        for row in soup.select("#reported-comments tbody tr")
    }


def test_a_leader_lists_only_their_own_schools_reported_comments_in_danish(client, reported):
    rows = listed(client, reported.leader_a)
    assert list(rows) == ["En grim bemærkning i Aarhus"]
    cells = [td.get_text(" ", strip=True) for td in rows["En grim bemærkning i Aarhus"]("td")]
    assert cells[1:4] == ["Læsemakkere i 4.a", "2", "Ja"]
    page = client.get(LIST).content.decode()
    assert "<h1" in page and "Rapporterede kommentarer" in page and "Skjul" in page


def test_an_administrator_lists_every_schools_reported_comments(client, reported):
    assert set(listed(client, reported.admin)) == {
        "En grim bemærkning i Aarhus",
        "En grim bemærkning i Odense",
    }


def test_teachers_are_refused_the_list_and_another_schools_leader_its_comments(client, reported):
    client.force_login(reported.teacher_a)
    assert client.get(LIST).status_code == 403
    assert client.post(f"{LIST}{reported.comment_a.pk}/skjul/").status_code == 403
    assert client.get(f"{LIST}{reported.comment_a.pk}/slet/").status_code == 403
    client.force_login(reported.leader_b)
    for action in ("skjul", "behold", "slet"):
        assert client.post(f"{LIST}{reported.comment_a.pk}/{action}/").status_code == 404
    assert client.post(f"{LIST}99999999999999999999/skjul/").status_code == 404
    reported.comment_a.refresh_from_db()
    assert not reported.comment_a.hidden
    assert Comment.objects.filter(pk=reported.comment_a.pk).exists()


def test_the_leader_hides_and_shows_a_reported_comment_from_the_list(client, reported):
    client.force_login(reported.leader_a)
    response = client.post(f"{LIST}{reported.comment_a.pk}/skjul/", {"hidden": "1"})
    assert response.status_code == 302 and response["Location"] == LIST
    reported.comment_a.refresh_from_db()
    assert reported.comment_a.hidden and reported.comment_a.hidden_by == reported.leader_a
    row = listed(client, reported.leader_a)["En grim bemærkning i Aarhus"]
    assert row("td")[3].get_text(strip=True) == "Nej, skjult"
    assert row.find("button", string="Vis igen")
    client.post(f"{LIST}{reported.comment_a.pk}/skjul/", {"hidden": "0"})
    reported.comment_a.refresh_from_db()
    assert not reported.comment_a.hidden


def test_keeping_a_reported_comment_clears_its_reports(client, reported):
    client.force_login(reported.leader_a)
    assert client.post(f"{LIST}{reported.comment_a.pk}/behold/").status_code == 302
    assert not CommentReport.objects.filter(comment=reported.comment_a).exists()
    assert listed(client, reported.leader_a) == {}


def test_deleting_from_the_list_asks_first_then_deletes_on_the_confirming_post(client, reported):
    client.force_login(reported.leader_a)
    address = f"{LIST}{reported.comment_a.pk}/slet/"
    for asking in (client.get, client.post):
        response = asking(address)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Vil du slette kommentaren?" in page and "En grim bemærkning i Aarhus" in page
        assert 'name="confirmed" value="1"' in page and "csrfmiddlewaretoken" in page
    assert Comment.objects.filter(pk=reported.comment_a.pk).exists()
    response = client.post(address, {"confirmed": "1"})
    assert response.status_code == 302 and response["Location"] == LIST
    assert not Comment.objects.filter(pk=reported.comment_a.pk).exists()


def test_the_leaders_dashboard_counts_the_reported_comments_still_shown(client, reported):
    def panel_text(user):
        client.force_login(user)
        soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
        panel = soup.select_one("#reported-comments-section")
        return panel and panel.get_text(" ", strip=True)

    assert "1 rapporteret kommentar venter på dig." in panel_text(reported.leader_a)
    assert "2 rapporterede kommentarer venter på dig." in panel_text(reported.admin)
    assert panel_text(reported.teacher_a) is None
    reported.comment_a.set_hidden(True, by=reported.leader_a)
    assert "Ingen rapporterede kommentarer venter på dig." in panel_text(reported.leader_a)


def test_the_menu_leads_leaders_to_the_list_and_teachers_not(client, reported):
    client.force_login(reported.leader_a)
    assert LIST in client.get("/admin/").content.decode()
    client.force_login(reported.teacher_a)
    assert LIST not in client.get("/admin/").content.decode()


def test_the_list_costs_the_same_queries_however_many_comments_are_reported(client, reported):
    from tests.support.queries import cold_and_warm_queries

    def report_more(count):
        for number in range(count):
            comment = Comment.objects.create(
                experiment=reported.experiment_a, author=reported.teacher_b, body=f"Grimt {number}"
            )
            CommentReport.objects.create(comment=comment, reporter=reported.teacher_a)

    client.force_login(reported.leader_a)
    few = cold_and_warm_queries(client, LIST)
    report_more(8)
    assert len(listed(client, reported.leader_a)) == 9
    assert cold_and_warm_queries(client, LIST) == few
