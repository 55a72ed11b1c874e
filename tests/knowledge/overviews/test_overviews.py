"""School and municipality overviews: the charts, their tables and the database agree."""

import datetime

import pytest
from bs4 import BeautifulSoup

from knowledge.models import ExperimentPage
from tests.support.network import PASSWORD, make_experiment, make_school, make_team
from tests.support.queries import cold_queries

pytestmark = pytest.mark.django_db


def school_url(school):
    return f"/skole-oversigt/{school.pk}/"


def municipality_url(municipality, tema=None):
    return f"/kommune-oversigt/{municipality.pk}/" + (f"?tema={tema}" if tema else "")


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def chart_numbers(soup, chart_id):
    """({label: number} drawn in the SVG, {label: number} in the table) of one chart."""
    figure = soup.select_one(f"#chart-{chart_id}")
    svg = figure.select_one("svg")
    assert svg["role"] == "img"
    assert svg.select_one("title").get_text(strip=True)
    assert svg.select_one("desc").get_text(strip=True)
    labels = [t.get_text() for t in svg.select("text.chart__label")]
    values = [int(t.get_text()) for t in svg.select("text.chart__value")]
    drawn = dict(zip(labels, values, strict=True))
    table = {
        row.th.get_text(strip=True): int(row.td.get_text(strip=True))
        for row in figure.select("table tbody tr")
    }
    return drawn, table


@pytest.fixture
def school_with_experiments(network):
    school = network.school_a
    make_experiment(
        school,
        "Læsebånd",
        team=network.team_a,
        status="completed",
        tags=["læsning", "motivation"],
        subjects=("Dansk",),
        start_date=datetime.date(2025, 9, 1),
    )
    make_experiment(
        school,
        "Makkerlæsning",
        team=network.team_a,
        status="completed",
        tags=["læsning"],
        subjects=("Dansk", "Engelsk"),
        start_date=datetime.date(2026, 3, 1),
    )
    make_experiment(
        school,
        "Udeskole",
        status="in_progress",
        tags=["udeskole"],
        subjects=("Natur/teknologi",),
        start_date=datetime.date(2026, 9, 1),
    )
    make_experiment(
        school,
        "Hemmeligt",
        status="planned",
        members_only=True,
        tags=["hemmelig"],
        start_date=datetime.date(2026, 9, 2),
    )
    make_experiment(school, "Kladde", status="planned", live=False, tags=["kladde"])
    return school


def test_status_chart_matches_table_and_database(client, school_with_experiments):
    soup = soup_of(client.get(school_url(school_with_experiments)))
    drawn, table = chart_numbers(soup, "status")
    assert drawn == table
    public = (
        ExperimentPage.objects.child_of(school_with_experiments).live().filter(members_only=False)
    )
    assert (
        table
        == {
            "Planned": public.filter(status="planned").count(),
            "In progress": public.filter(status="in_progress").count(),
            "Completed": public.filter(status="completed").count(),
        }
        == {"Planned": 0, "In progress": 1, "Completed": 2}
    )


def test_tags_subjects_and_activity_count_what_the_visitor_may_read(
    client, school_with_experiments
):
    soup = soup_of(client.get(school_url(school_with_experiments)))
    drawn, table = chart_numbers(soup, "tags")
    assert drawn == table == {"læsning": 2, "motivation": 1, "udeskole": 1}
    drawn, table = chart_numbers(soup, "subjects")
    assert drawn == table == {"Dansk": 2, "Engelsk": 1, "Natur/teknologi": 1}
    drawn, table = chart_numbers(soup, "activity")
    # Autumn 2025 to autumn 2026, with spring 2026 in between; the hidden ones are not counted.
    assert drawn == table == {"Autumn 2025": 1, "Spring 2026": 1, "Autumn 2026": 1}
    html = soup.decode()
    assert "hemmelig" not in html and "Kladde" not in html and "kladde" not in html


def test_teams_show_what_they_work_on(client, network, school_with_experiments):
    make_team(school_with_experiments, "Indskolingen")
    soup = soup_of(client.get(school_url(school_with_experiments)))
    rows = {
        row.th.get_text(" ", strip=True).split(" (")[0]: [
            td.get_text(strip=True) for td in row.select("td")
        ]
        for row in soup.select("table.overview-teams tbody tr")
    }
    assert rows["Mellemtrinnet A"] == ["2", "Dansk (2), Engelsk (1)", "læsning (2), motivation (1)"]
    assert rows["Indskolingen"] == ["0", "–", "–"]
    assert "1 experiment has no team." in soup.get_text(" ", strip=True)  # Udeskole


def test_members_see_members_only_experiments_in_the_counts(
    client, network, school_with_experiments
):
    client.login(username=network.teacher_b.username, password=PASSWORD)
    drawn, table = chart_numbers(soup_of(client.get(school_url(school_with_experiments))), "status")
    assert table["Planned"] == 1  # the members-only one; the draft stays out


def in_moderation(school, title, user):
    page = make_experiment(school, title, live=False)
    page.get_workflow().start(page, user)
    return page


@pytest.mark.parametrize("who", ["leader_a", "admin"])
def test_leaders_see_unpublished_work(client, network, school_with_experiments, who):
    in_moderation(school_with_experiments, "Til godkendelse", network.teacher_a)
    client.login(username=getattr(network, who).username, password=PASSWORD)
    soup = soup_of(client.get(school_url(school_with_experiments)))
    details = {dd["data-number"]: int(dd.get_text()) for dd in soup.select("[data-number]")}
    assert details == {"drafts": 2, "in_moderation": 1, "members_only": 1}


@pytest.mark.parametrize("who", [None, "teacher_a", "leader_b", "curator_a"])
def test_others_do_not_see_the_leaders_part(client, network, school_with_experiments, who):
    in_moderation(school_with_experiments, "Til godkendelse", network.teacher_a)
    if who:
        client.login(username=getattr(network, who).username, password=PASSWORD)
    soup = soup_of(client.get(school_url(school_with_experiments)))
    assert soup.select("[data-number]") == []
    assert "For the school's leaders" not in soup.get_text()


def test_unknown_school_is_a_404(client, network):
    assert client.get("/skole-oversigt/999999/").status_code == 404
    assert client.get(f"/skole-oversigt/{network.municipality_a.pk}/").status_code == 404


def count_queries(client, url):
    return cold_queries(client, url)[0]


def add_schools_and_teams(network, size):
    """size more teams, schools and experiments: the overviews count schools and teams, so
    these grow too (tests.support.network.grow adds experiments only)."""
    for number in range(size):
        team = make_team(network.school_a, f"Team {size}-{number}")
        make_experiment(
            network.school_a,
            f"Forsøg {size}-{number}",
            team=team,
            tags=[f"emne-{number}", "fælles"],
            subjects=("Dansk", f"Fag {number}"),
            start_date=datetime.date(2020 + number, 1 + number, 1),
        )
        school = make_school(network.municipality_a, f"Skole {size}-{number}")
        make_experiment(school, f"Andet forsøg {size}-{number}", tags=["fælles"])


@pytest.mark.parametrize("who", [None, "leader_a"])
def test_school_overview_queries_do_not_grow(client, network, who):
    if who:
        client.login(username=getattr(network, who).username, password=PASSWORD)
    add_schools_and_teams(network, 1)
    small = count_queries(client, school_url(network.school_a))
    add_schools_and_teams(network, 6)
    assert count_queries(client, school_url(network.school_a)) == small


@pytest.mark.parametrize("tema", ["tags", "fag"])
def test_municipality_overview_queries_do_not_grow(client, network, tema):
    add_schools_and_teams(network, 1)
    small = count_queries(client, municipality_url(network.municipality_a, tema))
    add_schools_and_teams(network, 6)
    assert count_queries(client, municipality_url(network.municipality_a, tema)) == small


@pytest.fixture
def municipality_with_themes(network):
    a = network.school_a
    c = make_school(network.municipality_a, "Ellekærskolen")
    make_school(network.municipality_a, "Tilst Skole")  # no experiments at all
    make_experiment(a, "Læsebånd", tags=["læsning", "motivation"], subjects=("Dansk",))
    make_experiment(a, "Makkerlæsning", tags=["læsning"], subjects=("Dansk",))
    make_experiment(c, "Læsekaravane", tags=["læsning"], subjects=("Dansk", "Engelsk"))
    make_experiment(c, "Skjult", tags=["hemmelig"], members_only=True)
    make_experiment(network.school_b, "Odense-udeskole", tags=["udeskole"], subjects=("Idræt",))
    return network.municipality_a


def matrix(soup):
    heads = [th.get_text(strip=True) for th in soup.select("table.theme-matrix thead th")]
    rows = {}
    for row in soup.select("table.theme-matrix tbody tr"):
        cells = [td.get_text(strip=True) for td in row.select("td")]
        rows[row.th.get_text(strip=True)] = cells
    return heads, rows


def test_matrix_shows_where_schools_share_a_theme_and_where_nobody_works(
    client, municipality_with_themes
):
    soup = soup_of(client.get(municipality_url(municipality_with_themes)))
    heads, rows = matrix(soup)
    assert heads == ["Tag", "Ellekærskolen", "Skjoldhøjskolen", "Tilst Skole", "Schools"]
    assert rows["læsning"] == ["1", "2", "·0", "2 schools – shared"]
    assert rows["motivation"] == ["·0", "1", "·0", "1 school"]
    assert rows["udeskole"] == ["·0", "·0", "·0", "No school"]  # used in Odense only
    assert "hemmelig" not in rows  # members-only: not for anonymous visitors
    drawn, table = chart_numbers(soup, "schools-per-theme")
    assert drawn == table == {"læsning": 2, "motivation": 1}


def test_matrix_by_subjects_lists_every_subject(client, municipality_with_themes):
    soup = soup_of(client.get(municipality_url(municipality_with_themes, "fag")))
    heads, rows = matrix(soup)
    assert heads[0] == "Subject"
    assert rows["Dansk"][-1] == "2 schools – shared"
    assert rows["Engelsk"][:3] == ["1", "·0", "·0"]
    assert rows["Idræt"][-1] == "No school"


def test_matrix_for_members_counts_members_only_experiments(
    client, network, municipality_with_themes
):
    client.login(username=network.teacher_b.username, password=PASSWORD)
    _heads, rows = matrix(soup_of(client.get(municipality_url(municipality_with_themes))))
    assert rows["hemmelig"][-1] == "1 school"


def test_unknown_theme_kind_gets_a_message_not_an_error(client, municipality_with_themes):
    soup = soup_of(client.get(municipality_url(municipality_with_themes, "farver")))
    assert (
        "“farver” is not a kind of theme. Choose tags or subjects; tags are shown."
        in soup.select_one("[role=alert]").get_text()
    )
    assert matrix(soup)[0][0] == "Tag"


def test_overviews_are_linked_from_school_and_municipality_pages(client, network):
    assert school_url(network.school_a) in client.get(network.school_a.url).content.decode()
    municipality = network.municipality_a
    assert municipality_url(municipality) in client.get(municipality.url).content.decode()


def test_municipality_overview_names_shared_themes_and_gaps_first_with_links(
    client, municipality_with_themes
):
    soup = soup_of(client.get(municipality_url(municipality_with_themes)))
    municipality = municipality_with_themes.pk
    shared = soup.select_one(".shared-themes a")
    assert shared.get_text() == "læsning"
    assert shared["href"] == f"/forsoeg/?kommune={municipality}&emne=l%C3%A6sning"
    gaps = {a.get_text(): a["href"] for a in soup.select(".gap-themes a")}
    assert gaps == {"udeskole": "/forsoeg/?emne=udeskole"}  # worked on in Odense only
    assert [a.get_text() for a in soup.select(".idle-schools a")] == ["Tilst Skole"]
    # The full table is folded away below the heat map.
    assert soup.select_one("details.full-matrix table.theme-matrix") is not None


def test_every_number_in_the_heat_map_and_the_table_opens_the_experiments_it_counts(
    client, network, municipality_with_themes
):
    soup = soup_of(client.get(municipality_url(municipality_with_themes)))
    cells = "table.heatmap td a, table.theme-matrix td:not(.theme-schools) a"
    links = soup.select(cells)
    assert len(links) == 2 * 3  # læsning at two schools, motivation at one: in both tables
    for link in links:
        listed = soup_of(client.get(link["href"]))
        rows = listed.select("table.experiments tr.experiment")
        assert str(len(rows)) == link.get_text(), link["href"]
    heat = {a.get_text() for a in soup.select("table.heatmap td a")}
    assert heat == {"1", "2"}


def test_subject_matrix_links_filter_by_subject(client, municipality_with_themes):
    soup = soup_of(client.get(municipality_url(municipality_with_themes, "fag")))
    hrefs = [a["href"] for a in soup.select("table.theme-matrix td a")]
    assert any("fag=dansk" in href and "skole=" in href for href in hrefs)


def test_a_drawn_overview_follows_a_publish_here_and_a_new_theme_elsewhere(
    client, network, municipality_with_themes
):
    url = municipality_url(municipality_with_themes)
    client.get(url)  # drawn and kept
    make_experiment(network.school_a, "Trivselsforsøg", tags=["trivsel"])
    _heads, rows = matrix(soup_of(client.get(url)))
    assert rows["trivsel"] == ["·0", "1", "·0", "1 school"]
    make_experiment(network.school_b, "Bevægelse i Odense", tags=["bevægelse"])
    soup = soup_of(client.get(url))
    assert "bevægelse" in [a.get_text() for a in soup.select(".gap-themes a")]
    # Members see their own drawing, with the members-only theme in it.
    client.login(username=network.teacher_b.username, password=PASSWORD)
    assert "hemmelig" in matrix(soup_of(client.get(url)))[1]
