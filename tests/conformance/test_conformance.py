"""modelsearch's backend conformance suite (``BackendTests``) against the Whoosh backend.

Run separately from the main suite, because it needs its own settings::

    pytest tests/conformance --ds=praksisnet.settings.conformance

The fixture ``search.json`` comes from ``$MODELSEARCH_CONFORMANCE_FIXTURES`` (default
``<project root>/../shared/conformance/modelsearch``). When that folder is missing the module
fails (it does not skip) and says where it looked.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import TestCase

FIXTURE_DIR = Path(settings.CONFORMANCE_FIXTURES)
if not (FIXTURE_DIR / "search.json").is_file():
    pytest.fail(
        f"modelsearch conformance fixture not found: looked for {FIXTURE_DIR / 'search.json'}. "
        f"Point the environment variable {settings.CONFORMANCE_FIXTURES_ENV} at the folder holding "
        "search.json (CI has it at ../shared/conformance/modelsearch from the project root).",
        pytrace=False,
    )

from modelsearch.tests.test_backends import BackendTests  # noqa: E402


class TestWhooshBackendConformance(BackendTests, TestCase):
    backend_path = "knowledge.search.whoosh_backend"
