import pytest

from tests.network import build_network


@pytest.fixture
def network(db):
    """A small network: see tests.network.Network."""
    return build_network()
