from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Compile locale/*.po once per run when a .mo is missing or older: the .mo is build output."""
    stale = [
        po for po in LOCALE_DIR.glob("*/LC_MESSAGES/*.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        from django.core.management import call_command
        from django.utils import translation
        from django.utils.translation import trans_real

        languages = sorted({po.parent.parent.name for po in stale})
        call_command("compilemessages", locale=languages, ignore_patterns=[".venv", "node_modules"],
                     verbosity=0)
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


@pytest.fixture
def network(db):
    """A small network: see tests.network.Network."""
    # Imported here, not at the top: tests/conformance runs under settings without the project's
    # apps, and this conftest is loaded for it too.
    from tests.network import build_network

    return build_network()
