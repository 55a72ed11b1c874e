import pytest

from knowledge.models import ExperimentStatus
from tests.support.pages import (
    experiment_titles,
    facets,
    html,
    label,
    result_count,
    selected_values,
    statements,
)

pytestmark = pytest.mark.django_db

ALL_PUBLIC_FINDINGS = {
    "Eleverne læste mere, når de selv valgte bøgerne.",
    "Drengene bad om tegneserier.",
    "Færre elever gik i stå ved målingsopgaver.",
    "Læsebåndet gav ro om morgenen.",
}


def test_findings_page_lists_every_visible_finding_with_experiment_school_and_date(
    client, findings_network
):
    response = client.get("/fund/")
    assert set(statements(response)) == ALL_PUBLIC_FINDINGS
    page = html(response)
    assert "Frilæsning i 4.b" in page and "Skjoldhøjskolen" in page
    assert 'datetime="2025-09-01"' in page
    assert "Samtaler med 12 elever" in page  # what the finding rests on, in detail


def test_anonymous_visitors_never_see_members_only_or_draft_findings_or_counts(
    client, findings_network
):
    response = client.get("/fund/")
    page = html(response)
    assert "Hemmeligt fund" not in page and "Kladdefund" not in page
    assert "trivsel" not in page  # the members-only experiment's own tag is not even counted
    tag_counts = {value: count for value, _label, count, _url in facets(response)["emne"]}
    assert tag_counts["læsning"] == 3  # two from Frilæsning, one from Læsebånd; not the hidden ones


def test_members_see_members_only_findings_but_never_drafts(client, findings_network):
    client.force_login(findings_network.teacher_b)
    response = client.get("/fund/")
    found = set(statements(response))
    assert found == ALL_PUBLIC_FINDINGS | {"Hemmeligt fund om trivsel."}
    tag_counts = {value: count for value, _label, count, _url in facets(response)["emne"]}
    assert tag_counts["læsning"] == 4 and tag_counts["trivsel"] == 1


@pytest.mark.parametrize("as_member", [False, True])
@pytest.mark.parametrize(
    "path", ["/fund/", "/forsoeg/", "/fund/?emne=l%C3%A6sning", "/forsoeg/?aar=2026"]
)
def test_every_count_shown_is_what_the_filtered_page_then_lists(
    client, findings_network, path, as_member
):
    if as_member:
        client.force_login(findings_network.leader_a)
    current = client.get(path)
    shown, selected = facets(current), selected_values(current)
    assert shown, "the page shows filters"
    base = path.split("?")[0]
    for parameter, values in shown.items():
        for value, value_label, count, url in values:
            if selected.get(parameter) == value:
                # The chosen value's link removes it; its count is what the page lists now.
                assert count == result_count(current)
                continue
            filtered = client.get(base + url)
            rows = statements(filtered) if base == "/fund/" else experiment_titles(filtered)
            assert len(rows) == result_count(filtered)
            if parameter in selected:
                # Values of one facet are alternatives: adding one widens the list by the rows
                # it has that the chosen value has not (the count says how many it has).
                assert max(count, result_count(current)) <= result_count(filtered)
                assert result_count(filtered) <= count + result_count(current)
                continue
            assert result_count(filtered) == count, (parameter, value_label, url)


def test_filters_combine_and_counts_reflect_the_other_filters(client, findings_network):
    response = client.get("/fund/?emne=l%C3%A6sning&aar=2025")
    assert set(statements(response)) == {
        "Eleverne læste mere, når de selv valgte bøgerne.",
        "Drengene bad om tegneserier.",
    }
    shown = facets(response)
    # Year counts ignore the year filter itself but respect the tag filter.
    assert {value: count for value, _l, count, _u in shown["aar"]} == {"2025": 2, "2026": 1}
    # Evidence counts respect both filters.
    assert {value: count for value, _l, count, _u in shown["grundlag"]} == {
        "observations": 1,
        "interviews": 1,
    }
    selected_year = [url for value, _l, _c, url in shown["aar"] if value == "2025"][0]
    assert (
        "aar" not in selected_year and "emne=" in selected_year
    )  # a selected value removes itself


def test_each_filter_narrows_the_findings(client, findings_network):
    n = findings_network
    expectations = {
        f"kommune={n.municipality_b.pk}": {"Færre elever gik i stå ved målingsopgaver."},
        f"skole={n.school_c.pk}": {"Læsebåndet gav ro om morgenen."},
        "fag=matematik": {"Færre elever gik i stå ved målingsopgaver."},
        "klassetrin=3": {"Læsebåndet gav ro om morgenen."},
        "emne=udeskole": {"Færre elever gik i stå ved målingsopgaver."},
        f"status={ExperimentStatus.IN_PROGRESS}": {"Læsebåndet gav ro om morgenen."},
        "aar=2025": {
            "Eleverne læste mere, når de selv valgte bøgerne.",
            "Drengene bad om tegneserier.",
        },
        "grundlag=interviews": {"Drengene bad om tegneserier."},
    }
    for query, expected in expectations.items():
        assert set(statements(client.get(f"/fund/?{query}"))) == expected, query


def test_experiments_list_filters_by_what_findings_rest_on(client, findings_network):
    response = client.get("/forsoeg/?grundlag=interviews")
    assert experiment_titles(response) == ["Frilæsning i 4.b"]
    anonymous = experiment_titles(client.get("/forsoeg/"))
    assert "Skjult forsøg om trivsel" not in anonymous and "Kladde om læsebånd" not in anonymous
    client.force_login(findings_network.teacher_a)
    assert "Skjult forsøg om trivsel" in experiment_titles(client.get("/forsoeg/"))


def test_bad_filter_values_give_a_clear_message_not_an_error(client, findings_network):
    response = client.get("/fund/?kommune=abc&status=udsolgt&aar=2025")
    page = html(response)
    errors = page[
        page.index('class="filter-errors"') : page.index(
            "</div>", page.index('class="filter-errors"')
        )
    ]
    assert errors.count("<li>") == 2
    assert label("Municipality") in errors and label("Status") in errors
    # The valid filter still applies.
    assert set(statements(response)) == {
        "Eleverne læste mere, når de selv valgte bøgerne.",
        "Drengene bad om tegneserier.",
    }


def test_a_filter_nothing_matches_says_so_and_can_be_removed(client, findings_network):
    response = client.get("/fund/?skole=999999")
    page = html(response)
    assert statements(response) == []
    assert label("No findings you can see match these filters.") in page
    assert 'class="unmatched-filters"' in page and 'href="?"' in page


def test_pagination_keeps_the_filters_in_shareable_urls(client, findings_network, monkeypatch):
    from knowledge.listings import views as listing_views

    monkeypatch.setattr(listing_views, "FINDINGS_PER_PAGE", 2)
    first = client.get("/fund/?fag=dansk")
    assert len(statements(first)) == 2
    next_url = first.context["page"].next_url
    assert next_url.startswith("?fag=dansk&efter=")
    assert f'href="{next_url.replace("&", "&amp;")}"' in html(first)
    second = client.get("/fund/" + next_url)
    assert len(statements(second)) == 1
    assert set(statements(first) + statements(second)) == {
        "Eleverne læste mere, når de selv valgte bøgerne.",
        "Drengene bad om tegneserier.",
        "Læsebåndet gav ro om morgenen.",
    }
    back = client.get("/fund/" + second.context["page"].previous_url)
    assert statements(back) == statements(first)


@pytest.mark.parametrize("cursor", ["efter=tre", "efter=1-2-3", "foer=99999999999999999999-1-0-1"])
def test_a_malformed_page_address_shows_the_first_page_and_says_so(
    client, findings_network, monkeypatch, cursor
):
    from knowledge.listings import views as listing_views

    monkeypatch.setattr(listing_views, "FINDINGS_PER_PAGE", 2)
    first = client.get("/fund/?fag=dansk")
    response = client.get(f"/fund/?fag=dansk&{cursor}")
    assert response.status_code == 200
    assert statements(response) == statements(first)
    assert label("That page of the list could not be found; here is the first.") in html(response)
