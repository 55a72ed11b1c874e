"""The publishing path in a real browser: a teacher writes an experiment with tags and a picture
and submits it; the school's leader approves it; anyone can then find it; a teacher of another
school cannot edit it."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from knowledge.models import ExperimentPage
from tests.browser.conftest import login
from tests.support.network import PASSWORD, build_network

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Udeskole med matematik i skolegården"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), (70, 140, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def log_out(page):
    page.context.clear_cookies()


def write_experiment(page, live_server, school):
    page.goto(f"{live_server.url}/admin/pages/add/knowledge/experimentpage/{school.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Vi flyttede matematiktimerne ud og målte, tegnede og talte.")
    page.fill("#id_question", "Lærer eleverne måling bedre, når de måler rigtige ting?")
    # The school's own teams in a plain list; grades and subjects are tick boxes.
    assert page.locator("#id_team option").all_inner_texts() == [
        "Intet team valgt",
        "Mellemtrinnet A",
    ]
    page.select_option("#id_team", label="Mellemtrinnet A")
    page.get_by_label("4. klasse", exact=True).check()
    page.get_by_label("5. klasse", exact=True).check()
    page.get_by_label("Matematik", exact=True).check()
    page.select_option("#id_status", value="in_progress")

    tag_input = page.locator("#id_tags").locator("xpath=..").locator("input.ui-autocomplete-input")
    for tag in ("Udeskole", "Måling"):
        tag_input.fill(tag)
        tag_input.press("Enter")
    expect(page.locator("#id_tags")).to_have_value(re.compile("Udeskole.*Måling|Måling.*Udeskole"))

    # The picture: uploaded through the image chooser's modal, alt text filled in.
    page.locator("#id_picture-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name=re.compile("Upload|Upload", re.I)).click()
    modal.locator("input[name='image-chooser-upload-title']").fill("Måling i skolegården")
    modal.locator("input[name='image-chooser-upload-file']").set_input_files(
        {"name": "maaling.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    modal.locator("[name='image-chooser-upload-description']").fill(
        "Elever måler skolegårdens længde med et målebånd"
    )
    modal.locator("form[data-chooser-modal-creation-form] button[type=submit]").click()
    expect(page.locator("#id_picture-title")).to_have_text("Måling i skolegården")

    # Submit for moderation: the second action in the footer's dropdown.
    page.locator("footer .w-dropdown__toggle").click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))


def test_teacher_submits_leader_approves_visitor_finds_other_school_cannot_edit(live_server, page):
    network = build_network()
    from knowledge.models import Subject

    Subject.objects.get_or_create(name="Matematik")

    login(page, live_server, network.teacher_a.username, PASSWORD)
    write_experiment(page, live_server, network.school_a)
    experiment = ExperimentPage.objects.get(title=TITLE)
    assert not experiment.live, "a teacher's submission must not be published"
    assert experiment.current_workflow_state.status == "in_progress"
    assert experiment.picture.description == "Elever måler skolegårdens længde med et målebånd"
    assert sorted(experiment.tags.names()) == ["Måling", "Udeskole"]
    assert experiment.team == network.team_a
    assert sorted(grade.number for grade in experiment.grade_levels.all()) == [4, 5]
    assert [subject.name for subject in experiment.subjects.all()] == ["Matematik"]
    log_out(page)

    # The school's leader approves it from the editor's action menu (Wagtail's workflow).
    login(page, live_server, network.leader_a.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/{experiment.pk}/edit/")
    page.locator("footer .w-dropdown__toggle").click()
    page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    experiment.refresh_from_db()
    assert experiment.live, "the leader's approval must publish the experiment"
    log_out(page)

    # An anonymous visitor finds it on the school page and on its tag page.
    page.goto(live_server.url + network.school_a.url)
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator(".experiment__picture img")).to_have_attribute(
        "alt", "Elever måler skolegårdens længde med et målebånd"
    )
    page.locator(".experiment__facts .tags").get_by_role("link", name="Udeskole").click()
    expect(page.locator("h1")).to_contain_text("Udeskole")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    # A teacher of another school cannot open it for editing.
    edit_url = f"{live_server.url}/admin/pages/{experiment.pk}/edit/"
    login(page, live_server, network.teacher_b.username, PASSWORD)
    response = page.goto(edit_url)
    assert page.url != edit_url or response.status == 403
    expect(page.locator("#id_title")).to_have_count(0)
    # Wagtail sends them to the dashboard with "Sorry, you do not have permission to access this area."
    expect(page.locator(".messages li.error")).to_contain_text(
        re.compile("permission|rettigheder", re.I)
    )
    experiment.refresh_from_db()
    assert experiment.title == TITLE
