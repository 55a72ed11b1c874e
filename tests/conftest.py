from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Compile locale/*.po once per run when a .mo is missing or older: the .mo is build output."""
    stale = [
        po
        for po in LOCALE_DIR.glob("*/LC_MESSAGES/*.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        from django.core.management import call_command
        from django.utils import translation
        from django.utils.translation import trans_real

        languages = sorted({po.parent.parent.name for po in stale})
        call_command(
            "compilemessages",
            locale=languages,
            ignore_patterns=[".venv", "node_modules"],
            verbosity=0,
        )
        # Forget catalogues loaded before the .mo existed.
        trans_real._translations = {}
        trans_real._default = None
        translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache, so cached listings cannot leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def search_index_per_test(settings, tmp_path):
    """Every test searches an index of its own. Rolled-back tests reuse primary keys, so documents
    a shared index kept from an earlier test could turn up in a later test's results."""
    import copy

    if not hasattr(settings, "WAGTAILSEARCH_BACKENDS"):
        return None  # tests/conformance: modelsearch's own settings and index
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["PATH"] = tmp_path / "search_index"
    settings.WAGTAILSEARCH_BACKENDS = backends
    return backends["default"]["PATH"]


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    return bool(
        (marker and marker.kwargs.get("transaction", marker.args[0] if marker.args else False))
        or {"transactional_db", "live_server"} & set(request.fixturenames)
    )


@pytest.fixture(autouse=True)
def base_content(request):
    """Transactional tests flush the database after each test, which deletes what the migrations
    created (home page, default site, grade levels...): put it back before each such test. Plain
    `db` tests roll back instead and never lose it."""
    from django.apps import apps

    if apps.is_installed("knowledge") and _is_transactional(request):
        request.getfixturevalue("transactional_db")
        from knowledge.bootstrap import ensure_base_content

        ensure_base_content()


@pytest.fixture
def network(db):
    """A small network: see tests.support.network.Network."""
    # Imported here, not at the top: tests/conformance runs under settings without the project's
    # apps, and this conftest is loaded for it too.
    from tests.support.network import build_network

    return build_network()


@pytest.fixture
def findings_network(network):
    """The small network with findings of several kinds: see tests.support.network.add_findings."""
    from tests.support.network import add_findings

    return add_findings(network)
