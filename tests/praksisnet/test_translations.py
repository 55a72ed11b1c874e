"""The site speaks Danish by default and English on request; the Danish catalogue is complete."""

import ast
from pathlib import Path

import pytest

from tests.support.network import PASSWORD, make_experiment

DANISH_PO = Path(__file__).resolve().parents[2] / "locale" / "da" / "LC_MESSAGES" / "django.po"


def switch_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302


def html(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def experiment(network):
    return make_experiment(
        network.school_a, "Læsebånd med selvvalgte bøger", team=network.team_a, tags=("Læsning",)
    )


@pytest.mark.django_db
def test_home_page_is_danish_by_default(client, experiment):
    page = html(client.get("/"))
    assert '<html lang="da">' in page
    for danish in (
        "Nyeste forsøg",
        "Netværket i tal",
        "Mest brugte emner",
        "Kommuner",
        "Log ind for lærere",
        "Spring til indholdet",
    ):
        assert danish in page
    assert "Newest experiments" not in page and "Skip to content" not in page


@pytest.mark.django_db
def test_home_page_is_english_after_switching_language(client, experiment):
    switch_to_english(client)
    page = html(client.get("/"))
    assert '<html lang="en">' in page
    for english in (
        "Newest experiments",
        "The network in numbers",
        "Most used tags",
        "Municipalities",
        "Log in for teachers",
        "Skip to content",
    ):
        assert english in page
    assert "Nyeste forsøg" not in page and "Netværket i tal" not in page


@pytest.mark.django_db
def test_admin_experiment_form_is_danish_by_default(client, network, experiment):
    client.login(username=network.leader_a.username, password=PASSWORD)
    page = html(client.get(f"/admin/pages/{experiment.pk}/edit/"))
    for danish in (
        "Om forsøget",
        "To-tre sætninger til oversigter og søgeresultater.",
        "Lærerteam",
        "Klassetrin",
        "Bygger videre på",
        "Planlagt",
        "I gang",
        "Afsluttet",
        "Elevprodukter",
        "Spørgeskema",
    ):
        assert danish in page
    assert "About the experiment" not in page and "Pupil work" not in page


@pytest.mark.django_db
def test_admin_experiment_form_is_english_after_switching_language(client, network, experiment):
    client.login(username=network.leader_a.username, password=PASSWORD)
    switch_to_english(client)
    page = html(client.get(f"/admin/pages/{experiment.pk}/edit/"))
    for english in (
        "About the experiment",
        "Two or three sentences for listings and search results.",
        "Teacher team",
        "Grade levels",
        "Builds on",
        "Planned",
        "In progress",
        "Completed",
        "Pupil work",
        "Survey",
    ):
        assert english in page
    assert "Om forsøget" not in page and "Elevprodukter" not in page


def po_entries(text):
    """(flags, msgid, [msgstr, ...]) for each entry of a .po file; obsolete entries skipped."""
    entries = []
    for block in text.split("\n\n"):
        flags, fields, current = [], {}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += [flag.strip() for flag in line[2:].split(",")]
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
            elif line.startswith(("msgid", "msgstr")):
                current, _, value = line.partition(" ")
                fields[current] = ast.literal_eval(value)
        if fields.get("msgid"):
            entries.append(
                (
                    flags,
                    fields["msgid"],
                    [value for key, value in fields.items() if key.startswith("msgstr")],
                )
            )
    return entries


def test_danish_catalogue_has_no_untranslated_or_fuzzy_entries():
    entries = po_entries(DANISH_PO.read_text(encoding="utf-8"))
    assert len(entries) > 250
    untranslated = [msgid for _, msgid, msgstrs in entries if not all(msgstrs)]
    fuzzy = [msgid for flags, msgid, _ in entries if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []


def test_catalogue_parser_sees_untranslated_plural_and_fuzzy_entries():
    entries = po_entries(
        'msgid ""\nmsgstr ""\n"Language: da\\n"\n\n'
        '#, fuzzy, python-format\nmsgid "Hi %(name)s"\nmsgstr "Hej %(name)s"\n\n'
        'msgid "%(counter)s school"\nmsgid_plural "%(counter)s schools"\n'
        'msgstr[0] "%(counter)s skole"\nmsgstr[1] ""\n\n'
        '#~ msgid "Gone"\n#~ msgstr ""\n'
    )
    assert entries == [
        (["fuzzy", "python-format"], "Hi %(name)s", ["Hej %(name)s"]),
        ([], "%(counter)s school", ["%(counter)s skole", ""]),
    ]


@pytest.mark.django_db
def test_the_site_stays_danish_for_a_browser_that_prefers_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert 'lang="da"' in response.content.decode()
    assert "Nyeste forsøg" in response.content.decode()
