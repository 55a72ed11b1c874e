"""Links between experiments ("builds on"): validation in the editor, and what readers see."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from knowledge.experiments.links import links_for
from knowledge.models import ExperimentLink, ExperimentPage, LinkKind
from tests.support.english import english  # noqa: F401
from tests.support.network import PASSWORD, make_experiment, make_school
from tests.support.queries import cold_queries

# The editor messages and headings are asserted in English (tests/support/english.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def link(page, target, kind=LinkKind.REPLICATES):
    """Publish page with one more "builds on" link, as the editor's publish button would."""
    page = ExperimentPage.objects.get(pk=page.pk)
    page.links.add(ExperimentLink(target=target, kind=kind))
    page.save_revision().publish()
    return ExperimentPage.objects.get(pk=page.pk)


def edit_form_data(page, targets):
    """The admin edit form as a browser would post it, with the given (target, kind) links."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "team": "",
            "status": page.status,
            "start_date": "",
            "end_date": "",
            "question": page.question,
            "background": rich_text(""),
            "what_we_did": streamfield([]),
            "observations": rich_text(""),
            "findings": inline_formset([]),
            "next_steps": rich_text(""),
            "reflection": rich_text(""),
            "picture": "",
            "tags": "",
            "links": inline_formset(
                [{"kind": kind, "target": target.pk} for target, kind in targets]
            ),
            "members_only": "",
            "action-publish": "publish",
        }
    )
    # Multiple-choice fields post one value per choice (nested_form_data would number them).
    data["grade_levels"] = [g.pk for g in page.grade_levels.all()]
    data["subjects"] = [s.pk for s in page.subjects.all()]
    return data


def post_edit(client, page, targets):
    return client.post(f"/admin/pages/{page.pk}/edit/", edit_form_data(page, targets))


def target_errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(e.get_text(" ", strip=True) for e in soup.select(".error-message"))


@pytest.fixture
def admin_client(client, network):
    client.login(username=network.admin.username, password=PASSWORD)
    return client


def test_a_valid_link_is_saved_through_the_editor(network, admin_client):
    earlier = make_experiment(network.school_b, "Læsebånd")
    later = make_experiment(network.school_a, "Læsebånd 2")
    response = post_edit(admin_client, later, [(earlier, LinkKind.ADAPTS)])
    assert response.status_code == 302, target_errors(response)
    assert list(later.links.values_list("target_id", "kind")) == [(earlier.pk, "adapts")]


def test_self_link_is_refused_with_a_message(network, admin_client):
    page = make_experiment(network.school_a, "Læsebånd")
    response = post_edit(admin_client, page, [(page, LinkKind.EXTENDS)])
    assert response.status_code == 200
    assert "An experiment cannot build on itself." in target_errors(response)
    assert not ExperimentLink.objects.exists()


def test_two_step_loop_is_refused_and_names_the_chain(network, admin_client):
    a = make_experiment(network.school_a, "Alfa")
    b = link(make_experiment(network.school_b, "Beta"), a)
    response = post_edit(admin_client, a, [(b, LinkKind.EXTENDS)])
    assert response.status_code == 200
    message = target_errors(response)
    assert "This link would make a loop: Alfa → Beta → Alfa." in message
    assert not a.links.exists()


def test_long_loop_is_refused(network, admin_client):
    a = make_experiment(network.school_a, "Alfa")
    b = link(make_experiment(network.school_b, "Beta"), a)
    c = link(make_experiment(network.school_a, "Gamma"), b)
    d = link(make_experiment(network.school_b, "Delta"), c)
    response = post_edit(admin_client, a, [(d, LinkKind.REPLICATES)])
    assert "This link would make a loop: Alfa → Delta → Gamma → Beta → Alfa." in target_errors(
        response
    )
    assert not a.links.exists()


def test_chain_without_loop_and_a_diamond_are_allowed(network, admin_client):
    a = make_experiment(network.school_a, "Alfa")
    b = link(make_experiment(network.school_b, "Beta"), a)
    c = make_experiment(network.school_a, "Gamma")
    # Gamma builds on both Beta and Alfa: two paths to Alfa, but no loop.
    response = post_edit(admin_client, c, [(b, LinkKind.EXTENDS), (a, LinkKind.ADAPTS)])
    assert response.status_code == 302, target_errors(response)
    assert set(c.links.values_list("target_id", flat=True)) == {a.pk, b.pk}


def test_unpublished_target_is_refused(network, admin_client):
    draft = make_experiment(network.school_b, "Kladde", live=False)
    page = make_experiment(network.school_a, "Alfa")
    response = post_edit(admin_client, page, [(draft, LinkKind.EXTENDS)])
    assert "“Kladde” is not published. Choose a published experiment." in target_errors(response)
    assert not page.links.exists()


def test_same_target_twice_is_refused(network, admin_client):
    earlier = make_experiment(network.school_b, "Beta")
    page = make_experiment(network.school_a, "Alfa")
    response = post_edit(admin_client, page, [(earlier, "extends"), (earlier, "adapts")])
    assert "This experiment is already linked above." in target_errors(response)


def test_tried_at_other_schools_counts_distinct_visible_schools(network):
    original = make_experiment(network.school_a, "Læsebånd")
    school_c = make_school(network.municipality_b, "Tarup Skole")
    link(make_experiment(network.school_b, "Læsebånd i Odense"), original)
    link(make_experiment(network.school_b, "Læsebånd igen"), original, LinkKind.ADAPTS)
    link(make_experiment(school_c, "Læsebånd på Tarup"), original, LinkKind.CONTRADICTS)
    link(make_experiment(network.school_a, "Læsebånd, 2. år"), original, LinkKind.EXTENDS)
    secret = link(make_experiment(school_c, "Hemmeligt", members_only=True), original)
    # A draft created with a link has the row stored (as Wagtail's create view does) but is not live.
    draft = make_experiment(school_c, "Kladde", live=False)
    ExperimentLink.objects.create(page=draft, target=original, kind=LinkKind.EXTENDS)

    public = links_for(original, AnonymousUser())
    assert public.other_school_count == 2  # Rosengård and Tarup; the own school is not "other"
    titles = [b.experiment.title for b in public.built_on_by]
    assert sorted(titles) == sorted(
        ["Læsebånd i Odense", "Læsebånd igen", "Læsebånd på Tarup", "Læsebånd, 2. år"]
    )
    assert secret.title not in titles

    members = links_for(original, network.teacher_b)
    assert "Hemmeligt" in [b.experiment.title for b in members.built_on_by]
    assert members.other_school_count == 2


def test_unpublishing_a_follower_removes_it_from_the_count(network):
    original = make_experiment(network.school_a, "Læsebånd")
    follower = link(make_experiment(network.school_b, "Læsebånd i Odense"), original)
    assert links_for(original, AnonymousUser()).other_school_count == 1
    follower.unpublish()
    assert links_for(original, AnonymousUser()).other_school_count == 0


def test_experiment_page_shows_followers_kinds_and_findings(network, client):
    original = make_experiment(network.school_a, "Læsebånd")
    link(
        make_experiment(network.school_b, "Læsebånd i Odense", findings=("Drengene læste mest.",)),
        original,
        LinkKind.CONTRADICTS,
    )
    response = client.get(original.url)
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one("#tried-elsewhere")
    text = section.get_text(" ", strip=True)
    assert "Tried at 1 other school" in text
    assert "Læsebånd i Odense" in text and "Rosengårdskolen" in text
    assert "contradicts" in text
    assert "Drengene læste mest." in text


def test_public_page_hides_links_to_members_only_targets(network, client):
    secret = make_experiment(network.school_b, "Hemmeligt forsøg", members_only=True)
    shown = make_experiment(network.school_b, "Åbent forsøg")
    page = link(link(make_experiment(network.school_a, "Alfa"), secret), shown, LinkKind.EXTENDS)

    anonymous = client.get(page.url).content.decode()
    assert "Åbent forsøg" in anonymous
    assert "Hemmeligt forsøg" not in anonymous

    client.login(username=network.teacher_a.username, password=PASSWORD)
    assert "Hemmeligt forsøg" in client.get(page.url).content.decode()


def test_members_only_follower_does_not_reach_anonymous_readers(network, client):
    original = make_experiment(network.school_a, "Læsebånd")
    link(make_experiment(network.school_b, "Hemmelig opfølgning", members_only=True), original)
    html = client.get(original.url).content.decode()
    assert "Hemmelig opfølgning" not in html
    assert "Tried at" not in html


def test_links_section_takes_constant_queries(network, client):
    original = make_experiment(network.school_a, "Læsebånd")
    link(make_experiment(network.school_b, "Følger 1"), original)

    few = cold_queries(client, original.url)[0]
    for number in range(2, 7):
        school = make_school(network.municipality_b, f"Skole {number}")
        link(make_experiment(school, f"Følger {number}", findings=("a", "b")), original)
    assert cold_queries(client, original.url)[0] == few


def test_preview_shows_unsaved_links_without_an_error(network, admin_client):
    earlier = make_experiment(network.school_b, "Læsebånd i Odense")
    secret = make_experiment(network.school_b, "Hemmeligt forsøg", members_only=True)
    page = make_experiment(network.school_a, "Alfa")
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    data = edit_form_data(page, [(earlier, LinkKind.ADAPTS), (secret, LinkKind.EXTENDS)])
    assert admin_client.post(preview_url, data).status_code == 200
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Læsebånd i Odense" in html
    assert "Hemmeligt forsøg" in html  # the administrator is a member: members-only is shown
    assert not page.links.exists()  # a preview saves nothing


def test_an_editor_at_another_school_is_not_told_a_drafts_title(network, client):
    draft = make_experiment(network.school_a, "Hemmelig kladde om trivsel", live=False)
    page = make_experiment(network.school_b, "Beta")
    client.login(username=network.leader_b.username, password=PASSWORD)
    errors = target_errors(post_edit(client, page, [(draft, LinkKind.EXTENDS)]))
    assert "That experiment is not published. Choose a published experiment." in errors
    assert "Hemmelig kladde" not in errors
    assert not page.links.exists()


def chooser_html(response):
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_the_page_chooser_lists_no_draft_of_another_school(network, client):
    make_experiment(network.school_a, "Hemmelig kladde om trivsel", live=False)
    make_experiment(network.school_a, "Offentligt forsøg om trivsel")
    make_experiment(network.school_b, "Egen kladde om trivsel", live=False)
    client.login(username=network.teacher_b.username, password=PASSWORD)
    found = chooser_html(client.get("/admin/choose-page/search/", {"q": "trivsel"}))
    assert "Offentligt forsøg om trivsel" in found and "Egen kladde om trivsel" in found
    assert "Hemmelig kladde" not in found
    browsed = chooser_html(client.get(f"/admin/choose-page/{network.school_a.pk}/"))
    assert "Offentligt forsøg om trivsel" in browsed and "Hemmelig kladde" not in browsed
