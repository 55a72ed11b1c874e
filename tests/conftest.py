import pytest


@pytest.fixture
def network(db):
    """A small network: see tests.network.Network."""
    # Imported here, not at the top: tests/conformance runs under settings without the project's
    # apps, and this conftest is loaded for it too.
    from tests.network import build_network

    return build_network()
