"""Tests in this folder need ``praksisnet.settings.conformance`` (they install modelsearch's
test app). Run them on their own::

    pytest tests/conformance --ds=praksisnet.settings.conformance

Under any other settings module (e.g. the main run with ``praksisnet.settings.test``) this
folder is not collected, so the main run excludes it without further configuration.
"""

import os

CONFORMANCE_SETTINGS = "praksisnet.settings.conformance"


def _settings_module(config):
    return (
        getattr(config.option, "ds", None)
        or os.environ.get("DJANGO_SETTINGS_MODULE")
        or config.getini("DJANGO_SETTINGS_MODULE")
    )


def pytest_ignore_collect(collection_path, config):
    if _settings_module(config) != CONFORMANCE_SETTINGS and collection_path.name != "conftest.py":
        return True
    return None
