"""Every message a teacher (or the leader who approves) meets in the admin is Danish.

The screens teachers use are read as they get them, and each visible text and label is looked
up among the English messages of Wagtail and Django: one that the Danish catalogue (Wagtail's
own plus locale/da, which overrides it) leaves untranslated is listed, and the test fails.
"""

import json
import re
from functools import cache

import pytest
from bs4 import BeautifulSoup, Comment
from django.urls import reverse
from django.utils import translation

from knowledge.conversation.models import Comment as MemberComment
from knowledge.conversation.models import CommentReport
from knowledge.models import ExperimentPage, GradeLevel
from tests.schools.test_moderation import _task_state
from tests.support.admin_forms import experiment_form_data
from tests.support.admin_language import english_messages
from tests.support.network import make_experiment, subject

pytestmark = pytest.mark.django_db

ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")


@cache
def untranslated_messages():
    plain, formatted = english_messages()
    with translation.override("da"):
        catalogue = translation.trans_real.translation("da")._catalog
        missing_plain = {m for m in plain if not catalogue.get(m)}
        missing_formatted = [(m, p) for m, p in formatted if not catalogue.get(m)]
    return missing_plain, missing_formatted


def shown_texts(html):
    """The visible texts and the labels a screen reader reads, one string each."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    texts = {" ".join(text.split()) for text in soup.find_all(string=True)}
    for name in ATTRIBUTES:
        texts |= {" ".join(tag[name].split()) for tag in soup.find_all(attrs={name: True})}
    return {text for text in texts if text}


def english_on(html):
    plain, formatted = untranslated_messages()
    found = set()
    for text in shown_texts(html):
        if text in plain:
            found.add(text)
            continue
        for msgid, pattern in formatted:
            if pattern.match(text):
                found.add(msgid)
    return found


def screens(client, urls):
    """{url: sorted English messages} for each url that shows any."""
    report = {}
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="da")
        assert response.status_code == 200, url
        content = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            content = response.json().get("html", "")
        english = english_on(content)
        if english:
            report[url] = sorted(english)
    return report


def test_the_detector_finds_wagtails_english(client):
    assert english_on("<p>Toggle the thing</p><button>Show filters</button>") == set()
    plain, _formatted = untranslated_messages()
    sample = sorted(plain)[0]
    assert english_on(f"<span>{sample}</span>") == {sample}


@pytest.fixture
def teachers_work(client, network):
    """A published experiment and a draft in moderation at the teacher's school."""
    published = make_experiment(network.school_a, "Læsebånd", team=network.team_a)
    client.force_login(network.teacher_a)
    data = experiment_form_data(
        title="Højtlæsning med makker",
        slug="hoejtlaesning-med-makker",
        summary="Eleverne læste højt for hinanden.",
        question="Læser eleverne mere flydende?",
        team=network.team_a,
        grade_levels=GradeLevel.objects.filter(number__in=[5]),
        subjects=[subject("Dansk")],
        action="submit",
    )
    add = reverse(
        "wagtailadmin_pages:add", args=["knowledge", "experimentpage", network.school_a.pk]
    )
    assert client.post(add, data).status_code == 302
    submitted = ExperimentPage.objects.get(slug="hoejtlaesning-med-makker")
    return published, submitted


def test_the_screens_a_teacher_uses_are_danish(client, network, teachers_work):
    published, submitted = teachers_work
    school = network.school_a.pk
    urls = [
        "/admin/",
        f"/admin/pages/{school}/",
        f"/admin/pages/add/knowledge/experimentpage/{school}/",
        f"/admin/pages/{published.pk}/edit/",
        f"/admin/pages/{submitted.pk}/edit/",
        f"/admin/pages/{published.pk}/history/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/documents/chooser/",
        f"/admin/choose-page/{school}/",
        "/admin/hjaelp/",
    ]
    assert screens(client, urls) == {}


WRONG_DANISH = ("skitse", "moderation", ">Live<", "Publicér")


def test_the_editor_says_draft_and_approval_in_a_teachers_words(client, network, teachers_work):
    published, _submitted = teachers_work
    editor = client.get(f"/admin/pages/{published.pk}/edit/").content.decode()
    assert "Gem kladde" in editor and "Send til Godkendelse: Skjoldhøjskolen" in editor
    assert [word for word in WRONG_DANISH if word in editor] == []


def test_the_screens_a_leader_approves_from_are_danish(client, network, teachers_work):
    published, submitted = teachers_work
    reported = MemberComment.objects.create(
        experiment=published, author=network.teacher_b, body="Hm"
    )
    CommentReport.objects.create(comment=reported, reporter=network.teacher_a)
    client.force_login(network.leader_a)
    task_state = _task_state(submitted).pk
    urls = [
        "/admin/",
        f"/admin/pages/{submitted.pk}/edit/",
        reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state]),
        reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "reject", task_state]),
        reverse("conversation_moderation:reported"),
        reverse("conversation_moderation:delete", args=[reported.pk]),
    ]
    assert screens(client, urls) == {}


def served_js_catalogue(client):
    """{msgid: translation} of the admin's JavaScript catalogue as the browser gets it."""
    response = client.get(reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    return json.loads(found.group(1))


def test_every_message_of_the_admins_scripts_is_danish(client, network):
    """Wagtail's own Danish catalogue translates 29 of the admin scripts' 88 messages; the
    project's locale/da/LC_MESSAGES/djangojs.po the rest (the editor's autosave, minimap,
    comments, StreamField and Draftail)."""
    client.force_login(network.teacher_a)
    catalogue = served_js_catalogue(client)
    plain, formatted = english_messages(domains=("djangojs",), django_admin=False)
    messages = plain | {msgid for msgid, _pattern in formatted}

    def translated(msgid):
        danish = catalogue.get(msgid)
        return all(danish) if isinstance(danish, list) else bool(danish)

    assert sorted(m for m in messages if not translated(m)) == []
    assert catalogue["Toggle side panel"] == "Vis eller skjul sidepanelet"
