import pytest
from wagtail.models import PageViewRestriction

from knowledge.models import ExperimentLink, LinkKind

pytestmark = pytest.mark.django_db


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_api_lists_only_live_public_experiments(client, findings_network):
    titles = {item["title"] for item in items(client.get("/api/v2/experiments/"))}
    assert titles == {"Frilæsning i 4.b", "Matematik udenfor", "Læsebånd på Ellekær"}
    assert client.get(f"/api/v2/experiments/{findings_network.members.pk}/").status_code == 404
    assert client.get(f"/api/v2/experiments/{findings_network.draft.pk}/").status_code == 404


def test_api_is_anonymous_even_for_logged_in_members(client, findings_network):
    client.force_login(findings_network.teacher_a)
    titles = {item["title"] for item in items(client.get("/api/v2/experiments/"))}
    assert "Skjult forsøg om trivsel" not in titles


def test_api_fields(client, findings_network):
    n = findings_network
    ExperimentLink.objects.create(
        page=n.c_reading, target=n.reading, kind=LinkKind.ADAPTS, sort_order=0
    )
    ExperimentLink.objects.create(
        page=n.c_reading, target=n.members, kind=LinkKind.EXTENDS, sort_order=1
    )
    item = client.get(f"/api/v2/experiments/{n.reading.pk}/").json()
    assert item["title"] == "Frilæsning i 4.b"
    assert item["summary"] == n.reading.summary
    assert item["status"] == "planned" and item["start_date"] == "2025-09-01"
    assert item["school"]["id"] == n.school_a.pk and item["school"]["title"] == "Skjoldhøjskolen"
    assert item["school"]["url"].endswith(n.school_a.url)
    assert item["team"] == {"id": n.team_a.pk, "name": "Mellemtrinnet A"}
    assert item["subjects"] == [{"name": "Dansk", "slug": "dansk"}]
    assert item["grade_levels"] == [4]
    assert {tag["name"] for tag in item["tags"]} == {"læsning", "motivation"}
    assert {"statement": "Drengene bad om tegneserier.", "evidence_kind": "interviews"} in item[
        "findings"
    ]
    listed = {i["id"]: i for i in items(client.get("/api/v2/experiments/"))}
    # A link to an experiment the API may not show is left out.
    assert listed[n.c_reading.pk]["links"] == [
        {"kind": "adapts", "target": {"id": n.reading.pk, "title": "Frilæsning i 4.b"}}
    ]


def test_api_filters_by_tag_and_school(client, findings_network):
    n = findings_network
    by_tag = {i["title"] for i in items(client.get("/api/v2/experiments/?tags=læsning"))}
    assert by_tag == {"Frilæsning i 4.b", "Læsebånd på Ellekær"}
    by_school = [
        i["title"] for i in items(client.get(f"/api/v2/experiments/?school={n.school_c.pk}"))
    ]
    assert by_school == ["Læsebånd på Ellekær"]
    child_of = [
        i["title"] for i in items(client.get(f"/api/v2/experiments/?child_of={n.school_b.pk}"))
    ]
    assert child_of == ["Matematik udenfor"]
    both = items(client.get(f"/api/v2/experiments/?tags=læsning&school={n.school_b.pk}"))
    assert both == []
    assert items(client.get("/api/v2/experiments/?tags=trivsel")) == []


def test_api_bad_parameters_get_a_clear_400(client, findings_network):
    response = client.get("/api/v2/experiments/?school=abc")
    assert response.status_code == 400 and "school" in response.json()["message"]
    response = client.get("/api/v2/experiments/?school=999999")
    assert response.status_code == 400 and "no school" in response.json()["message"]
    response = client.get("/api/v2/experiments/?colour=blue")
    assert response.status_code == 400


def test_api_addresses_use_the_host_the_request_came_to(client, findings_network):
    """The default Site says http://localhost/; a program reading the API from elsewhere must get
    addresses that open: html_url, detail_url and the school's url on the request's host."""
    n = findings_network
    host = {"HTTP_HOST": "praksisnet.example.dk:8443", "secure": True}
    base = "https://praksisnet.example.dk:8443"
    listed = {item["id"]: item for item in items(client.get("/api/v2/experiments/", **host))}
    item = listed[n.reading.pk]
    assert item["meta"]["html_url"] == base + n.reading.url
    assert item["meta"]["detail_url"] == f"{base}/api/v2/experiments/{n.reading.pk}/"
    assert item["school"]["url"] == base + n.school_a.url
    detail = client.get(f"/api/v2/experiments/{n.reading.pk}/", **host).json()
    assert detail["meta"]["html_url"] == base + n.reading.url
    assert detail["meta"]["detail_url"] == f"{base}/api/v2/experiments/{n.reading.pk}/"
    assert "localhost" not in client.get("/api/v2/experiments/", **host).content.decode()


def test_api_serves_a_network_with_thousands_of_members_only_experiments(client, findings_network):
    """Wagtail's public pages for the API exclude each restricted page in its own condition:
    past about a thousand members-only experiments SQLite refused the query (a 500)."""
    n = findings_network
    PageViewRestriction.objects.bulk_create(
        PageViewRestriction(page=n.members, restriction_type=PageViewRestriction.LOGIN)
        for _ in range(1200)
    )
    titles = {item["title"] for item in items(client.get("/api/v2/experiments/"))}
    assert titles == {"Frilæsning i 4.b", "Matematik udenfor", "Læsebånd på Ellekær"}
    # A restriction above experiments hides them all (the school's only public one here).
    PageViewRestriction.objects.create(page=n.school_a, restriction_type=PageViewRestriction.LOGIN)
    titles = {item["title"] for item in items(client.get("/api/v2/experiments/"))}
    assert titles == {"Matematik udenfor", "Læsebånd på Ellekær"}
    assert client.get(f"/api/v2/experiments/?school={n.school_b.pk}").status_code == 200
    assert client.get("/api/v2/experiments/?site=nowhere.example").status_code == 404
