"""In Chromium: a leader shapes the picture of a question with a few hundred answers (renames and
merges themes, pins a quote, links a theme to an experiment) and publishes it; an anonymous
visitor reads the report, axe-checked on a phone, and the experiment page shows the link."""

import pytest

from knowledge.voices import tasks
from knowledge.voices.models import ThemeEdit, ThemeExperimentLink
from knowledge.voices.picture.building import picture_of
from tests.browser.conftest import login
from tests.browser.test_accessibility import axe_violations, describe, inject_axe, serious
from tests.knowledge.voices.support import BOOKS, PHONES, READING_TIME, add_answers, make_question
from tests.support.network import PASSWORD, build_network, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "locale": "da-DK"}


def theme_holding(question, text):
    answer = question.answers.filter(text=text).first().pk
    return next(t for t in picture_of(question).themes if answer in t.anchor)


def picture_violations(page):
    """axe-core on the picture itself (the admin's frame around it is Wagtail's)."""
    inject_axe(page)
    return page.evaluate(
        "async () => (await axe.run(document.querySelector('.voices-picture'),"
        " {resultTypes: ['violations']})).violations"
    )


def test_a_leader_shapes_and_publishes_the_picture_and_the_public_reads_it(
    browser, live_server, monkeypatch
):
    network = build_network()
    experiment = make_experiment(network.school_a, "Nye bøger på biblioteket", team=network.team_a)
    question = make_question(network.school_a)
    for copies, group in ((8, "pupil"), (6, "parent"), (6, "teacher")):
        add_answers(question, BOOKS * copies + PHONES * copies + READING_TIME * copies, group=group)
    assert question.answers.count() == 300
    monkeypatch.setattr(tasks, "load_embedder", lambda: None)  # words only: a quick analysis

    desk = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    desk.set_default_timeout(30_000)
    leader = desk.new_page()
    login(leader, live_server, network.leader_a.username, PASSWORD)
    leader.goto(f"{live_server.url}/admin/voices/{question.pk}/picture/")
    leader.click("text=Find temaerne")
    leader.goto(f"{live_server.url}/admin/voices/{question.pk}/picture/")
    assert "Billedet af 300 svar" in leader.content()
    problems = serious(picture_violations(leader))
    assert not problems, describe(problems)

    books = theme_holding(question, BOOKS[0])
    section = leader.locator(f"#theme-{books.index}")
    section.locator("summary").click()
    section.locator(f"#rename-{books.index}").fill("Bøger og bibliotek")
    section.locator("form:has(input[value=rename]) button").click()
    leader.wait_for_load_state()
    assert "Bøger og bibliotek" in leader.content()

    books = theme_holding(question, BOOKS[0])
    # Whichever other theme the analysis found (how it groups the answers is the engine's).
    other = next(t for t in picture_of(question).themes if t.index != books.index)
    section = leader.locator(f"#theme-{books.index}")
    section.locator("summary").click()
    section.locator("select[name=other]").select_option(str(other.index))
    section.locator("form:has(input[value=merge]) button").click()
    leader.wait_for_load_state()

    books = theme_holding(question, BOOKS[0])
    section = leader.locator(f"#theme-{books.index}")
    section.locator("form:has(input[value=pin]) button").first.click()
    leader.wait_for_load_state()
    assert list(ThemeEdit.objects.values_list("kind", flat=True)) == ["rename", "merge", "pin"]

    books = theme_holding(question, BOOKS[0])
    leader.click(f"#theme-{books.index} >> text=Foreslå forsøg til dette tema")
    leader.click(f"#theme-{books.index} >> text=Knyt til temaet")
    leader.wait_for_load_state()
    assert ThemeExperimentLink.objects.filter(experiment=experiment).exists()
    leader.click("text=Offentliggør rapporten")
    leader.wait_for_load_state()
    voices = theme_holding(question, BOOKS[0]).voices

    phone = browser.new_context(**PHONE)
    phone.set_default_timeout(30_000)
    reader = phone.new_page()
    reader.goto(f"{live_server.url}/stemmer/{question.key}/rapport/")
    assert "Bøger og bibliotek" in reader.content()
    problems = serious(axe_violations(reader))
    assert not problems, describe(problems)
    width = reader.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the report scrolls sideways on a phone ({width}px)"
    reader.emulate_media(media="print")
    assert reader.locator("header").first.is_hidden()
    reader.emulate_media(media="screen")
    reader.goto(f"{live_server.url}{experiment.url}")
    assert (
        f"Adresserer et tema rejst af {voices} stemmer i »{question.question}«" in reader.content()
    )
    desk.close()
    phone.close()
