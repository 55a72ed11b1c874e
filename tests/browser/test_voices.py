"""In Chromium: a leader asks a question in the admin, and answers arrive from a phone.

Uses this folder's browser fixtures (Debian's Chromium through Playwright) and axe-core.
"""

import datetime

import pytest
from django.utils import timezone

from knowledge.voices.models import Answer, OpenQuestion
from tests.browser.conftest import login
from tests.browser.test_accessibility import axe_violations, describe, serious
from tests.knowledge.voices.support import make_question
from tests.support.network import PASSWORD, build_network

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "locale": "da-DK",
}


def test_a_leader_asks_and_answers_arrive_from_a_phone(browser, live_server):
    network = build_network()
    desk = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    desk.set_default_timeout(20_000)
    leader = desk.new_page()
    login(leader, live_server, network.leader_a.username, PASSWORD)
    leader.goto(f"{live_server.url}/admin/open-questions/new/")
    leader.fill("#id_question", "Hvad skal der til, for at du får lyst til at læse?")
    leader.fill("#id_introduction", "Skriv med dine egne ord. Der er ingen forkerte svar.")
    leader.locator("form:has(#id_question) button[type=submit]").first.click()
    leader.wait_for_url("**/admin/voices/*/answers/")
    question = OpenQuestion.objects.get()
    assert question.owner_school == network.school_a and question.anonymous

    phone = browser.new_context(**PHONE)
    phone.set_default_timeout(20_000)
    pupil = phone.new_page()
    pupil.goto(f"{live_server.url}/stemmer/{question.key}/")
    problems = serious(axe_violations(pupil))
    assert not problems, describe(problems)
    width = pupil.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the answer page scrolls sideways on a phone ({width}px)"
    pupil.fill("textarea[name=text]", "flere bøger om heste og fodbold i klassen")
    pupil.check("input[name=group][value=pupil]")
    pupil.click("form.voices-answer__form button[type=submit]")
    pupil.wait_for_url(f"**/stemmer/{question.key}/tak/")
    assert "Tak for dit svar" in pupil.content()
    answer = Answer.objects.get()
    assert (answer.text, answer.group, answer.school) == (
        "flere bøger om heste og fodbold i klassen",
        "pupil",
        network.school_a,
    )

    leader.reload()
    assert "flere bøger om heste og fodbold i klassen" in leader.content()
    desk.close()
    phone.close()


def assert_fits_a_phone_and_passes_axe(page, state):
    problems = serious(axe_violations(page))
    assert not problems, f"{state}: {describe(problems)}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{state}: the page scrolls sideways on a phone ({width}px)"


def test_errors_thanks_and_a_closed_question_read_well_on_a_phone(browser, live_server):
    network = build_network()
    question = make_question(network.school_a, introduction="Skriv med dine egne ord.")
    phone = browser.new_context(**PHONE)
    phone.set_default_timeout(20_000)
    pupil = phone.new_page()
    pupil.goto(f"{live_server.url}/stemmer/{question.key}/")
    pupil.click("form.voices-answer__form button[type=submit]")  # nothing written or chosen
    assert "Skriv dit svar i feltet først." in pupil.content()
    assert pupil.locator("textarea[name=text]").get_attribute("aria-invalid") == "true"
    assert_fits_a_phone_and_passes_axe(pupil, "the page with its error messages")
    # The box stops at the limit, so no text beyond it can be lost on sending.
    limit = int(pupil.locator("textarea[name=text]").get_attribute("maxlength"))
    pupil.fill("textarea[name=text]", "en lang sætning " * 200)
    assert len(pupil.input_value("textarea[name=text]")) == limit
    pupil.fill("textarea[name=text]", "mere tid til at læse i skolen")
    pupil.check("input[name=group][value=pupil]")
    pupil.click("form.voices-answer__form button[type=submit]")
    pupil.wait_for_url(f"**/stemmer/{question.key}/tak/")
    assert_fits_a_phone_and_passes_axe(pupil, "the thank-you page")

    question.closes_at = timezone.now() - datetime.timedelta(days=1)
    question.save()
    pupil.goto(f"{live_server.url}/stemmer/{question.key}/")
    assert "Spørgsmålet er lukket" in pupil.content()
    assert pupil.locator("textarea").count() == 0
    assert_fits_a_phone_and_passes_axe(pupil, "a closed question")
    phone.close()
