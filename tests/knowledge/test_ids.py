"""Any id in an address gives a clear answer: a 404 for a page that cannot exist, a 400 with a
message for an API parameter, never a server error (SQLite cannot even compare 2**63)."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = str(2**63)
LONG = "9" * 40


@pytest.mark.parametrize(
    "path",
    [
        "/skole-oversigt/{id}/",
        "/kommune-oversigt/{id}/",
        "/feeds/skole/{id}/forsoeg.rss",
        "/feeds/skole/{id}/forsoeg.atom",
        "/feeds/samling/{id}/forsoeg.rss",
        "/api/v2/experiments/{id}/",
    ],
)
@pytest.mark.parametrize("number", [HUGE, LONG, "0"])
def test_an_impossible_page_id_in_a_path_is_not_found(client, network, path, number):
    assert client.get(path.format(id=number)).status_code == 404


@pytest.mark.parametrize("parameter", ["school", "offset", "limit", "child_of", "id"])
@pytest.mark.parametrize("value", [HUGE, LONG, "tekst", "-1"])
def test_an_impossible_number_in_the_api_is_a_bad_request_with_a_message(
    client, network, parameter, value
):
    path = "/api/v2/experiments/find/" if parameter == "id" else "/api/v2/experiments/"
    response = client.get(path, {parameter: value})
    assert response.status_code == 400
    assert parameter in response.json()["message"]


def test_ordinary_numbers_still_work_in_the_api(client, network):
    from tests.support.network import make_experiment

    experiment = make_experiment(network.school_a, "Tal i adressen")
    assert client.get("/api/v2/experiments/", {"offset": "0", "limit": "5"}).status_code == 200
    found = client.get("/api/v2/experiments/find/", {"id": str(experiment.pk)})
    assert found.status_code == 302
    listed = client.get("/api/v2/experiments/", {"school": str(network.school_a.pk)}).json()
    assert [item["title"] for item in listed["items"]] == ["Tal i adressen"]
