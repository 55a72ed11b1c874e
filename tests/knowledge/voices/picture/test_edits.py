"""The owner's edits: made through the page, kept across a re-analysis with new answers, and
guided mode keeping what the expected themes do not absorb visible."""

import pytest
from django.urls import reverse

from knowledge.voices.models import ThemeEdit
from knowledge.voices.picture.building import picture_of
from tests.support.network import PASSWORD

from ..support import BOOKS, PHONES, READING_TIME, add_answers, analysed, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(network):
    question = make_question(network.school_a)
    add_answers(question, BOOKS * 3, group="pupil")
    add_answers(question, PHONES * 3, group="parent")
    add_answers(question, READING_TIME * 3, group="teacher")
    analysed(question)
    return question


def theme_holding(picture, text, question):
    answer = question.answers.filter(text=text).first().pk
    return next(t for t in picture.themes if answer in t.anchor)


def edit(client, question, **fields):
    picture = picture_of(question)
    fields.setdefault("version", f"{picture.analysis_id}:{picture.version}")
    return client.post(reverse("voices_admin:picture_edit", args=[question.pk]), fields)


def test_rename_merge_and_pin_survive_a_reanalysis_with_new_answers(client, network, question):
    client.login(username=network.leader_a.username, password=PASSWORD)
    picture = picture_of(question)
    books = theme_holding(picture, BOOKS[0], question)
    phones = theme_holding(picture, PHONES[0], question)
    reading = theme_holding(picture, READING_TIME[0], question)
    edit(client, question, kind="rename", theme_index=books.index, name="Bøger og bibliotek")
    picture = picture_of(question)
    phones = theme_holding(picture, PHONES[0], question)
    reading = theme_holding(picture, READING_TIME[0], question)
    edit(client, question, kind="merge", theme_index=phones.index, other=reading.index)
    pinned = question.answers.filter(text=BOOKS[4]).first().pk
    edit(client, question, kind="pin", answer=pinned)
    assert ThemeEdit.objects.filter(question=question).count() == 3

    add_answers(question, ["flere bøger om rummet på biblioteket", "mobilen ud af soveværelset"])
    page = client.get(reverse("voices_admin:picture", args=[question.pk])).content.decode()
    assert "2 svar er kommet siden analysen" in page
    analysed(question)
    picture = picture_of(question)
    books = theme_holding(picture, BOOKS[0], question)
    assert books.name == "Bøger og bibliotek"
    holding = next(t for t in picture.themes if pinned in t.anchor)
    assert holding.quotes[0].answer == pinned and holding.quotes[0].pinned
    assert theme_holding(picture, PHONES[0], question) is theme_holding(
        picture, READING_TIME[0], question
    )
    assert picture.lost_edits == 0


def test_split_by_a_word_and_move_an_answer(client, network, question):
    client.login(username=network.leader_a.username, password=PASSWORD)
    picture = picture_of(question)
    books = theme_holding(picture, BOOKS[0], question)
    horses = theme_holding(picture, BOOKS[1], question)
    if books is not horses:
        edit(client, question, kind="merge", theme_index=books.index, other=horses.index)
    books = theme_holding(picture_of(question), BOOKS[0], question)
    with_horses = set(
        question.answers.filter(pk__in=books.anchor, text__icontains="heste").values_list(
            "pk", flat=True
        )
    )
    assert 0 < len(with_horses) < len(books.anchor)
    edit(client, question, kind="split", theme_index=books.index, word="heste", name="Heste")
    picture = picture_of(question)
    horses = next(t for t in picture.themes if t.name == "Heste")
    assert set(horses.anchor) == with_horses and horses.split_from
    assert horses.voices == len(with_horses)
    assert not with_horses & set(theme_holding(picture, BOOKS[0], question).anchor)
    answer = question.answers.filter(text=PHONES[0]).first().pk
    edit(client, question, kind="move", answer=answer, theme_index=horses.index)
    assert answer in next(t for t in picture_of(question).themes if t.name == "Heste").anchor


def test_an_edit_on_a_picture_that_changed_is_refused_with_a_message(client, network, question):
    client.login(username=network.leader_a.username, password=PASSWORD)
    response = edit(client, question, kind="rename", theme_index=0, name="X", version="0:0-0")
    assert response.status_code == 302
    assert not ThemeEdit.objects.exists()
    page = client.get(response.url).content.decode()
    assert "Billedet ændrede sig" in page


def test_bad_edits_get_clear_messages_and_change_nothing(client, network, question):
    client.login(username=network.leader_a.username, password=PASSWORD)
    books = theme_holding(picture_of(question), BOOKS[0], question)
    for fields, message in [
        ({"kind": "rename", "theme_index": 99, "name": "X"}, "Vælg et af de viste temaer"),
        ({"kind": "merge", "theme_index": books.index, "other": books.index}, "Vælg et andet tema"),
        ({"kind": "split", "theme_index": books.index, "word": "og", "name": "X"}, "lille ord"),
        ({"kind": "split", "theme_index": books.index, "word": "zebra", "name": "X"}, "Intet svar"),
    ]:
        response = edit(client, question, **fields)
        assert message in client.get(response.url).content.decode(), fields
    assert not ThemeEdit.objects.exists()


def test_guided_mode_keeps_what_the_expected_themes_do_not_absorb_as_new_themes(
    client, network, question
):
    client.login(username=network.leader_a.username, password=PASSWORD)
    url = reverse("voices_admin:picture_expect", args=[question.pk])
    client.post(url, {"name": "Flere bøger", "words": "bibliotek, bøger"})
    client.post(url, {"name": "Lektiecafé", "words": "lektier"})
    picture = picture_of(question)
    books = theme_holding(picture, BOOKS[0], question)
    assert books.name == "Flere bøger" and books.expected
    unheard = next(t for t in picture.themes if t.name == "Lektiecafé")
    assert unheard.expected and unheard.voices == 0
    for text in (PHONES[0], READING_TIME[0]):
        theme = theme_holding(picture, text, question)
        assert theme.new and not theme.expected
    assert sum(t.voices for t in picture.themes) == question.answers.count()
    page = client.get(reverse("voices_admin:picture", args=[question.pk])).content.decode()
    assert "Ingen rejste dette forventede tema" in page
    assert "nyt: ikke blandt de forventede temaer" in page


def test_an_answer_about_two_things_counts_as_a_voice_in_both_themes(client, network, question):
    client.login(username=network.leader_a.username, password=PASSWORD)
    picture = picture_of(question)
    books = theme_holding(picture, BOOKS[0], question)
    phones = theme_holding(picture, PHONES[0], question)
    assert books is not phones
    answer = question.answers.filter(text=BOOKS[0]).first().pk
    before = {t.index: t.voices for t in (books, phones)}
    page = client.get(reverse("voices_admin:picture", args=[question.pk])).content.decode()
    assert "Også i temaet" in page  # offered beside every quote

    edit(client, question, kind="move", answer=answer, theme_index=phones.index, also="1")
    picture = picture_of(question)
    books_now = theme_holding(picture, BOOKS[1], question)
    phones_now = theme_holding(picture, PHONES[0], question)
    assert answer in books_now.anchor and answer in phones_now.anchor
    assert phones_now.voices == before[phones.index] + 1
    assert books_now.voices == before[books.index]
    assert sorted(picture.theme_of[answer]) == sorted([books_now.index, phones_now.index])
    assert picture.total == question.answers.count()  # still one person, not two

    add_answers(question, ["flere bøger om rummet på biblioteket"])
    analysed(question)  # a re-analysis keeps the owner's addition
    picture = picture_of(question)
    assert len(picture.theme_of[answer]) == 2


def test_a_quote_in_two_themes_is_pinned_in_the_theme_whose_pin_was_pressed(
    client, network, question
):
    client.login(username=network.leader_a.username, password=PASSWORD)
    picture = picture_of(question)
    books = theme_holding(picture, BOOKS[0], question)
    phones = theme_holding(picture, PHONES[0], question)
    answer = question.answers.filter(text=BOOKS[0]).first().pk
    edit(client, question, kind="move", answer=answer, theme_index=phones.index, also="1")
    phones = theme_holding(picture_of(question), PHONES[0], question)

    edit(client, question, kind="pin", answer=answer, theme_index=phones.index)
    picture = picture_of(question)
    phones = theme_holding(picture, PHONES[0], question)
    books = theme_holding(picture, BOOKS[1], question)
    assert [q.answer for q in phones.quotes if q.pinned] == [answer]
    assert not any(q.pinned for q in books.quotes)
    page = client.get(reverse("voices_admin:picture", args=[question.pk])).content.decode()
    assert f'name="theme_index" value="{books.index}"><input type="hidden" name="answer"' in page
