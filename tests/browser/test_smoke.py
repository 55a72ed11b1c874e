import pytest

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback: the home page comes from a data migration, which an earlier
    # transactional test's flush would otherwise have removed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_page_renders_in_chromium(live_server, page):
    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text() == "Praksisnet"
