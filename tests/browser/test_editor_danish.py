"""The page editor a teacher writes in is Danish after its JavaScript has run: the texts the
admin's scripts render (autosave and unsaved-changes notices, side panels, the minimap, the
comments, the chooser modals, StreamField's block menu) come from Wagtail's JavaScript catalogue
(/admin/jsi18n/, domain "djangojs") and the wagtailConfig strings, which Wagtail's own Danish
translation leaves largely untranslated; locale/da/LC_MESSAGES/djangojs.po fills it in."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.support.admin_language import english_messages
from tests.support.network import PASSWORD, build_network, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The visible texts of the page, and the labels a screen reader reads, one string each.
SHOWN_TEXTS = """() => {
  const shown = new Set();
  const visible = (element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return style.visibility !== "hidden" && style.display !== "none" && box.width + box.height > 0;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (!parent || ["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"].includes(parent.tagName)) continue;
    if (!visible(parent)) continue;
    const text = walker.currentNode.textContent.replace(/\\s+/g, " ").trim();
    if (text) shown.add(text);
  }
  const names = ["aria-label", "title", "placeholder", "data-w-tooltip-content-value"];
  for (const element of document.querySelectorAll(names.map((n) => `[${n}]`).join(","))) {
    if (!visible(element)) continue;
    for (const name of names) {
      const value = element.getAttribute(name);
      if (value) shown.add(value.replace(/\\s+/g, " ").trim());
    }
  }
  return [...shown];
}"""


def english_shown(page):
    """The English messages of Wagtail's catalogues that the page shows as they are."""
    plain, formatted = english_messages(domains=("django", "djangojs"))
    found = set()
    for text in page.evaluate(SHOWN_TEXTS):
        if text in plain:
            found.add(text)
        found |= {msgid for msgid, pattern in formatted if pattern.match(text)}
    return found


@pytest.fixture
def network():
    n = build_network()
    n.experiment = make_experiment(n.school_a, "Læsemakkere i 4.a", team=n.team_a)
    return n


def use_the_editor(page, look):
    """What a teacher does in the editor, looking at the page after each step."""
    page.wait_for_load_state("networkidle")
    look("the editor")
    page.fill("#id_title", page.input_value("#id_title") + " og 4.b")
    page.wait_for_timeout(1500)  # autosave runs half a second after a change
    indicator = page.locator("#w-autosave-indicator")
    if indicator.is_visible():  # a page not yet saved once is not autosaved
        indicator.hover()
    look("the editor after an autosave")
    for toggle in page.locator("[data-side-panel-toggle]").all():
        name = toggle.get_attribute("data-side-panel-toggle")
        toggle.click()
        look(f"the side panel {name}")
        if name == "comments":  # commenting is on while the panel is open
            page.hover("#id_title")
            page.locator("[data-comment-add][aria-describedby=id_title-label]").click(force=True)
            look("a new comment")
        toggle.click()
    minimap = page.locator("#w-minimap-toggle")
    expect(minimap).to_have_attribute("aria-label", "Vis eller skjul sidepanelet")
    minimap.click()
    look("the minimap")
    page.locator(".c-sf-add-button").first.click()
    expect(page.get_by_placeholder("Søg blandt mulighederne …")).to_be_visible()
    look("the block menu")
    page.keyboard.press("Escape")
    page.locator("#id_picture-chooser [data-chooser-action-choose]").click()
    expect(page.locator(".modal-dialog")).to_be_visible()
    look("the image chooser")
    page.keyboard.press("Escape")


def test_the_editor_a_teacher_writes_in_is_danish_after_its_scripts_ran(live_server, page, network):
    login(page, live_server, network.teacher_a.username, PASSWORD)
    seen = {}

    def look(where):
        page.wait_for_timeout(300)
        english = english_shown(page)
        if english:
            seen[where] = sorted(english)

    page.goto(f"{live_server.url}/admin/pages/add/knowledge/experimentpage/{network.school_a.pk}/")
    page.fill("#id_title", "Makkerlæsning i 5.b")
    use_the_editor(page, lambda where: look(f"new: {where}"))
    page.goto(f"{live_server.url}/admin/pages/{network.experiment.pk}/edit/")
    use_the_editor(page, look)
    assert seen == {}
