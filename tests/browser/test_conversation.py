"""A conversation on an experiment, as three people have it in a browser, at a laptop's and a
phone's width: a member asks, the team answers, the school's leader hides a comment. The pages
pass axe-core with no serious violation and never scroll sideways."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, page_scrolls_sideways
from tests.browser.test_accessibility import axe_violations, describe, serious
from tests.support.network import PASSWORD, build_network, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network():
    n = build_network()
    n.experiment = make_experiment(n.school_a, "Læsemakkere i 4.a", team=n.team_a)
    return n


def as_user(page, live_server, user):
    page.context.clear_cookies()
    login(page, live_server, user.username, PASSWORD)


def assert_accessible(page, what):
    violations = serious(axe_violations(page))
    assert not violations, f"axe-core on {what}:\n{describe(violations)}"
    assert not page_scrolls_sideways(page), f"{what} scrolls sideways at {page.width} px"


def test_a_member_asks_the_team_answers_and_the_leader_hides_a_comment(
    live_server, sized_page, network
):
    page = sized_page
    address = live_server.url + network.experiment.url

    page.goto(address)
    conversation = page.locator("#samtale")
    expect(conversation.get_by_role("link", name="Log ind for at deltage")).to_be_visible()
    expect(conversation.locator("textarea")).to_have_count(0)

    as_user(page, live_server, network.teacher_b)
    page.goto(address)
    expect(page.locator(".ladder__now")).to_contain_text("Trin 1 af 4")
    page.get_by_label("Dit spørgsmål eller din kommentar").fill("Hvordan organiserede I grupperne?")
    page.get_by_role("button", name="Send spørgsmål").click()
    expect(page.get_by_text("Dit spørgsmål er sendt. Teamet har fået besked.")).to_be_visible()
    expect(conversation.locator(".comment__body")).to_have_text("Hvordan organiserede I grupperne?")
    page.get_by_label("Dit spørgsmål eller din kommentar").fill("Og hvor lang tid tog det? <b>")
    page.get_by_role("button", name="Send spørgsmål").click()
    expect(conversation.locator(".comment__body").nth(1)).to_have_text(
        "Og hvor lang tid tog det? <b>"
    )
    assert_accessible(page, "the experiment with a conversation")

    as_user(page, live_server, network.teacher_a)
    page.goto(address)
    first = conversation.locator(".conversation__list > li").first
    first.get_by_text("Svar på spørgsmålet").click()
    first.get_by_label("Dit svar").fill("I grupper á fire, blandet efter læseniveau.")
    first.get_by_role("button", name="Send svar").click()
    expect(conversation.locator(".comment--answer .comment__body")).to_have_text(
        "I grupper á fire, blandet efter læseniveau."
    )

    as_user(page, live_server, network.leader_a)
    page.goto(address)
    second = conversation.locator(".conversation__list > li").nth(1)
    second.get_by_role("button", name="Skjul").first.click()
    expect(
        page.get_by_text("Kommentaren er skjult. Kun skolens ledere kan se den.")
    ).to_be_visible()
    expect(conversation.get_by_text("Skjult: kun ledere kan se den")).to_be_visible()
    assert_accessible(page, "the experiment as its leader moderates it")

    as_user(page, live_server, network.teacher_b)
    page.goto(address)
    expect(conversation.locator(".comment__body")).to_have_count(2)
    expect(conversation.get_by_text("Og hvor lang tid tog det?")).to_have_count(0)
    page.get_by_role("link", name="Mine abonnementer").first.click()
    expect(page.locator("h1")).to_have_text("Mine abonnementer")
    assert_accessible(page, "My subscriptions")


def test_a_leader_finds_reported_comments_on_the_dashboard_and_deletes_after_confirming(
    live_server, page, network
):
    from knowledge.conversation.models import Comment, CommentReport

    rude = Comment.objects.create(
        experiment=network.experiment, author=network.teacher_b, body="En grim bemærkning"
    )
    advert = Comment.objects.create(
        experiment=network.experiment, author=network.teacher_b, body="Køb mit forløb"
    )
    for comment in (rude, advert):
        CommentReport.objects.create(comment=comment, reporter=network.teacher_a)
    page.width = 1280
    as_user(page, live_server, network.leader_a)

    panel = page.locator("#reported-comments-section")
    expect(panel).to_contain_text("2 rapporterede kommentarer venter på dig.")
    panel.get_by_role("link", name="Se de rapporterede kommentarer").click()
    expect(page.locator("h1")).to_have_text("Rapporterede kommentarer")
    row = page.locator("#reported-comments tbody tr", has_text="En grim bemærkning")
    row.get_by_role("button", name="Skjul").click()
    expect(
        page.get_by_text("Kommentaren er skjult. Kun skolens ledere kan se den.")
    ).to_be_visible()
    expect(row).to_contain_text("Nej, skjult")

    advert_row = page.locator("#reported-comments tbody tr", has_text="Køb mit forløb")
    advert_row.get_by_role("link", name="Slet").click()
    expect(page.get_by_role("heading", name="Vil du slette kommentaren?")).to_be_visible()
    page.get_by_role("button", name="Ja, slet den").click()
    expect(page.get_by_text("Kommentaren er slettet.")).to_be_visible()
    expect(page.locator("#reported-comments tbody tr")).to_have_count(1)

    # On the experiment's own page, deleting asks first too.
    page.goto(live_server.url + network.experiment.url)
    page.locator(f"#kommentar-{rude.pk}").get_by_role("link", name="Slet").click()
    expect(page.locator("h1")).to_have_text("Vil du slette kommentaren?")
    assert_accessible(page, "the confirmation before deleting a comment")
    page.get_by_role("link", name="Nej, behold den").click()
    expect(page.locator(f"#kommentar-{rude.pk}")).to_be_visible()
    assert Comment.objects.filter(pk=rude.pk).exists()
