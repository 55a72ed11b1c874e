"""Content-Security-Policy in Chromium (praksisnet.security_headers): the public pages, the search
box's script and Wagtail's admin work, and the browser refuses nothing."""

import pytest

from tests.browser.conftest import login
from tests.praksisnet.test_security_headers import public_urls
from tests.support.network import PASSWORD, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


def test_chromium_reports_no_policy_violation_on_public_pages_or_in_the_admin(
    live_server, page, network
):
    experiment = make_experiment(
        network.school_a, "Læsebånd med selvvalgte bøger", team=network.team_a, tags=("Læsning",)
    )
    refused = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    page.add_init_script(CSP_LISTENER)

    visited = [f"{live_server.url}{url}" for url in public_urls(experiment)[:5]]
    for url in visited:
        page.goto(url)
        assert page.evaluate("window.__cspViolations") == [], url
    page.goto(f"{live_server.url}/soeg/")
    page.locator("#search-q").press_sequentially("Læse", delay=30)
    page.locator("#search-q-suggestions [role=option]").first.wait_for()  # search.js fetched

    login(page, live_server, network.leader_a.username, PASSWORD)
    for url in (f"/admin/pages/{experiment.pk}/edit/", f"/admin/pages/{network.school_a.pk}/"):
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], url
    assert refused == []
