"""The moderation path: a teacher writes and submits, a leader of the same school approves."""

import pytest
from django.urls import reverse

from knowledge.models import ExperimentPage, GradeLevel
from tests.support.admin_forms import experiment_form_data
from tests.support.network import make_experiment, subject

TITLE = "Højtlæsning med makker i 5. klasse"


def _add_url(school):
    return reverse("wagtailadmin_pages:add", args=["knowledge", "experimentpage", school.pk])


def _new_experiment_data(network, action):
    return experiment_form_data(
        title=TITLE,
        slug="hoejtlaesning-med-makker",
        summary="Eleverne læste højt for hinanden to og to, tre gange om ugen.",
        question="Læser eleverne mere flydende, når de læser højt for en makker?",
        team=network.team_a,
        grade_levels=GradeLevel.objects.filter(number__in=[5]),
        subjects=[subject("Dansk")],
        start_date="2026-01-12",
        end_date="2026-03-20",
        background="<p>Mange elever i 5. klasse læste langsomt og uden sammenhæng.</p>",
        tags="Læsning, Makkerlæsning",
        findings=[
            (
                "Eleverne læste flere ord i minuttet efter seks uger.",
                "test_results",
                "Ordlæseprøve før og efter.",
            ),
            ("De svage læsere bad selv om mere makkerlæsning.", "interviews", ""),
        ],
        action=action,
    )


def _task_state(page):
    return ExperimentPage.objects.get(pk=page.pk).current_workflow_task_state


def _workflow_action_url(page, action_name):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action_name, _task_state(page).pk]
    )


@pytest.fixture
def submitted(client, network):
    """teacher_a writes an experiment in the admin and submits it for moderation."""
    client.force_login(network.teacher_a)
    response = client.post(_add_url(network.school_a), _new_experiment_data(network, "submit"))
    assert response.status_code == 302, response.context["form"].errors
    client.logout()
    return ExperimentPage.objects.get(title=TITLE)


def test_a_submitted_experiment_is_saved_whole_and_waits_for_a_leader(network, submitted):
    assert not submitted.live
    assert submitted.get_parent().pk == network.school_a.pk
    assert submitted.owner == network.teacher_a
    draft = submitted.get_latest_revision_as_object()
    assert [f.statement for f in draft.findings.all()] == [
        "Eleverne læste flere ord i minuttet efter seks uger.",
        "De svage læsere bad selv om mere makkerlæsning.",
    ]
    assert sorted(t.name for t in draft.tags.all()) == ["Læsning", "Makkerlæsning"]
    assert draft.team == network.team_a
    task_state = _task_state(submitted)
    assert set(task_state.task.specific.groups.all()) == {network.school_a.leaders_group}


def test_a_leader_of_another_school_cannot_approve(client, network, submitted):
    client.force_login(network.leader_b)
    task = _task_state(submitted).task.specific
    assert task.get_actions(submitted, network.leader_b) == []

    response = client.post(_workflow_action_url(submitted, "approve"))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    submitted.refresh_from_db()
    assert not submitted.live
    assert _task_state(submitted).status == "in_progress"


def test_a_teacher_cannot_approve_their_own_submission(client, network, submitted):
    client.force_login(network.teacher_a)
    # Only the school's leaders moderate: a teacher is offered no moderation action at all.
    task = _task_state(submitted).task.specific
    assert task.get_actions(submitted, network.teacher_a) == []
    # Approving would also fail when publishing (teachers may not publish), so refusing
    # "request changes" is what shows that teachers are not in the approval group.
    for action in ("approve", "reject"):
        response = client.post(_workflow_action_url(submitted, action))
        assert response.status_code in (302, 403), action
        assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
        assert _task_state(submitted).status == "in_progress", action
    submitted.refresh_from_db()
    assert not submitted.live


def test_the_leader_approves_and_anonymous_visitors_then_see_it(client, network, submitted):
    assert TITLE not in client.get(network.school_a.url).content.decode()

    client.force_login(network.leader_a)
    task = _task_state(submitted).task.specific
    assert "approve" in [
        name for name, _label, _modal in task.get_actions(submitted, network.leader_a)
    ]
    response = client.post(_workflow_action_url(submitted, "approve"))
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    client.logout()

    school_page = client.get(network.school_a.url)
    assert school_page.status_code == 200
    assert TITLE in school_page.content.decode()
    experiment_page = client.get(submitted.url)
    assert experiment_page.status_code == 200
    assert "De svage læsere bad selv om mere makkerlæsning." in experiment_page.content.decode()


def test_a_teacher_cannot_publish_a_new_experiment_directly(client, network):
    client.force_login(network.teacher_a)
    response = client.post(_add_url(network.school_a), _new_experiment_data(network, "publish"))
    assert response.status_code == 302
    experiment = ExperimentPage.objects.get(title=TITLE)
    assert not experiment.live
    assert experiment.first_published_at is None
    client.logout()
    assert TITLE not in client.get(network.school_a.url).content.decode()


def test_a_team_from_another_school_is_refused_when_creating(client, network):
    client.force_login(network.teacher_a)
    data = _new_experiment_data(network, "submit")
    data["team"] = network.team_b.pk
    response = client.post(_add_url(network.school_a), data)
    assert response.status_code == 200
    assert "team" in response.context["form"].errors
    assert not ExperimentPage.objects.filter(title=TITLE).exists()


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def action_buttons(html):
    """(name, label) of the editor's footer actions: submit buttons and workflow actions."""
    from bs4 import BeautifulSoup

    footer = BeautifulSoup(html, "html.parser").select_one("footer")
    buttons = footer.select("button[name^=action-], button[data-workflow-action-name]")
    return [
        (b.get("name") or b["data-workflow-action-name"], " ".join(b.get_text().split()))
        for b in buttons
    ]


def test_a_leader_approving_an_experiment_is_offered_one_way_to_publish_it(
    client, network, submitted
):
    client.force_login(network.leader_a)
    buttons = action_buttons(client.get(_edit_url(submitted)).content.decode())
    labels = [label for _name, label in buttons]
    assert "Godkend og udgiv" in labels
    assert "action-publish" not in [name for name, _label in buttons]


def test_a_leader_still_publishes_their_own_new_experiment_directly(client, network):
    client.force_login(network.leader_a)
    page = make_experiment(network.school_a, "Ledelsens eget forsøg", live=False)
    buttons = action_buttons(client.get(_edit_url(page)).content.decode())
    assert ("action-publish", "Udgiv") in buttons
