"""The admin names a page by the title its reader may know (praksisnet/admin_titles.py): the
latest draft's title to those who may edit the page, the published title to other readers of a
live page, and a neutral phrase for pages they may not read, wherever the admin lists pages."""

from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from knowledge.models import ExperimentPage, LinkKind
from tests.knowledge.experiments.test_links import post_edit
from tests.support.network import PASSWORD, make_experiment

pytestmark = pytest.mark.django_db

PUBLISHED = "Offentligt forsøg om trivsel"
PENDING = "Ny hemmelig titel om trivsel"
DRAFT = "Kladde der aldrig blev udgivet"


@pytest.fixture
def pages(network):
    live = make_experiment(network.school_a, PUBLISHED)
    changed = ExperimentPage.objects.get(pk=live.pk)
    changed.title = PENDING
    changed.save_revision()  # an unpublished change: the draft title is PENDING
    draft = make_experiment(network.school_a, DRAFT, live=False)
    return live, draft


def logged_in(user):
    client = Client()
    client.login(username=user.username, password=PASSWORD)
    return client


def text_of(response):
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        payload = response.json()
        return payload.get("html") or str(payload)
    return response.content.decode()


def test_the_page_chooser_shows_another_schools_page_by_its_published_title(network, pages):
    other_school = logged_in(network.teacher_b)
    for url, params in [
        (f"/admin/choose-page/{network.school_a.pk}/", {}),
        ("/admin/choose-page/search/", {"q": "trivsel"}),
    ]:
        shown = text_of(other_school.get(url, params))
        assert PUBLISHED in shown and PENDING not in shown, url
    own_school = logged_in(network.teacher_a)
    shown = text_of(own_school.get(f"/admin/choose-page/{network.school_a.pk}/"))
    assert PENDING in shown  # its own editors see what they are working on


def test_choosing_pages_by_id_tells_no_draft_title(network, pages):
    live, draft = pages
    shown = text_of(
        logged_in(network.teacher_b).get(
            "/admin/choose-page/chosen-multiple/", {"id": [live.pk, draft.pk]}
        )
    )
    assert PENDING not in shown and DRAFT not in shown
    assert PUBLISHED in shown


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_a_bulk_action_confirmation_for_any_id_tells_no_title_it_should_not(network, pages, action):
    live, draft = pages
    response = logged_in(network.teacher_b).get(
        f"/admin/bulk/wagtailcore/page/{action}/", {"id": [live.pk, draft.pk]}
    )
    shown = response.content.decode()
    assert PENDING not in shown and DRAFT not in shown


REPORT_URLS = ("/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/")


def test_the_page_types_report_which_counts_every_schools_drafts_is_for_administrators(
    network, pages
):
    for user in (network.teacher_b, network.leader_b, network.curator_a):
        client = logged_in(user)
        for url in REPORT_URLS:
            response = client.get(url)
            # Refused as the admin refuses: back to the dashboard, with a message.
            assert response.status_code == 302 and response["Location"] == "/admin/", (user, url)
            assert DRAFT not in response.content.decode()
        assert "page-types-usage" not in client.get("/admin/").content.decode()
    for url in REPORT_URLS:  # anonymous: the admin's login page
        response = Client().get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    administrator = logged_in(network.admin)
    assert "page-types-usage" in administrator.get("/admin/").content.decode()
    for url in REPORT_URLS:
        assert administrator.get(url).status_code == 200


def external_link(client, url):
    return client.post(
        "/admin/choose-external-link/",
        {"external-link-chooser-url": url, "external-link-chooser-link_text": "et link"},
    ).json()


def test_a_pasted_address_of_a_page_is_named_by_the_title_its_reader_may_know(network, pages):
    live, _draft = pages
    address = unquote(live.url)  # as typed; Wagtail matches no percent-encoded "ø" in a slug
    other_school = logged_in(network.teacher_b)
    for url in (live.url, address, address + "?fra=nyhedsbrev"):
        answer = external_link(other_school, url)
        internal = answer.get("internal") or answer["result"]  # to confirm, or converted
        if url == live.url:
            assert "id" not in internal  # Wagtail's router does not match "%C3%B8"
            continue
        assert internal["id"] == live.pk, url
        assert internal["adminTitle"] == PUBLISHED, url
        assert PENDING not in str(answer), url
    confirm = external_link(other_school, address + "?fra=nyhedsbrev")
    assert confirm["step"] == "confirm_external_to_internal" and PUBLISHED in confirm["html"]
    for outsider in (Client(enforce_csrf_checks=False),):  # no admin access: the login page
        response = outsider.post(
            "/admin/choose-external-link/", {"external-link-chooser-url": address}
        )
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    own_school = external_link(logged_in(network.teacher_a), address)
    assert own_school["internal"]["adminTitle"] == PENDING  # its editors see their own draft


def test_the_chooser_widget_rerendered_after_an_error_tells_no_draft_title(network, pages):
    live, draft = pages
    own = make_experiment(network.school_b, "Beta")
    response = post_edit(
        logged_in(network.leader_b), own, [(draft, LinkKind.EXTENDS), (live, LinkKind.ADAPTS)]
    )
    form = str(BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form"))
    assert DRAFT not in form and PENDING not in form
    assert PUBLISHED in form  # the chosen live experiment, by the title its reader may know
