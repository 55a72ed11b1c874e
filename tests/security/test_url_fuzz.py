"""Hostile addresses: every public URL pattern of the site, resolved from the URL
configuration itself, with fuzzed ids, slugs and query parameters. No answer may be a server
error, and none may grow with the input beyond a bounded size."""

import re

import pytest
from django.test import Client
from django.urls import get_resolver
from django.urls.resolvers import URLPattern, URLResolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.network import make_experiment

#: No answer to a fuzzed address may be larger than this (a whole listing page is ~100 KB).
MAX_RESPONSE_BYTES = 2_000_000
PARAMETERS = ["q", "side", "sort", "kommune", "skole", "emne", "fag", "klasse", "status", "id"]
PARAMETERS += ["offset", "limit", "school", "search", "type", "fields", "order", "format"]

_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)|<(?:(\w+):)?(\w+)>")


def public_patterns():
    """(pattern text) of every URL pattern outside the admin, flattened."""
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            text = prefix + str(entry.pattern).lstrip("^").rstrip("$").replace("\\.", ".")
            if isinstance(entry, URLResolver):
                if not text.startswith(("admin/", "documents/")):
                    walk(entry.url_patterns, text)
            elif isinstance(entry, URLPattern):
                found.append(text)

    walk(get_resolver().url_patterns, "")
    return sorted(set(found))


PATTERNS = public_patterns()

segments = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(min_size=0, max_size=40),
    st.sampled_from(["0", "00", "1e9", "-1", "9" * 30, "%00", "..", "NaN", "ø", "csv", "xlsx"]),
)
values = st.one_of(
    st.text(max_size=200),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["", "0", "-1", "9" * 40, "'", '"', "<script>", "a" * 3000, "\x00"]),
)


def fill(pattern, data):
    def substitute(match):
        return data.draw(segments).replace("/", "")

    path = _GROUP.sub(substitute, pattern)
    path = re.sub(r"[\\^$?*+()|\[\]]", "", path)  # what is left of regular expressions
    return "/" + path


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """A small network, made once for all examples (the fuzz only reads)."""
    from tests.support.network import build_network

    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            network = build_network()
            make_experiment(network.school_a, "Læsebånd", tags=["læsning"])
            yield network
            transaction.set_rollback(True)


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_fuzzed_address_gives_a_server_error_or_an_unbounded_answer(site, data):
    pattern = data.draw(st.sampled_from(PATTERNS))
    path = fill(pattern, data)
    query = data.draw(st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=4))
    client = Client(raise_request_exception=False)
    if data.draw(st.booleans()):
        client.force_login(site.teacher_b)
    response = client.get(path, query)
    assert response.status_code < 500, (path, query)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert len(body) <= MAX_RESPONSE_BYTES, (path, query, len(body))


def test_the_fuzz_covers_the_public_patterns():
    assert len(PATTERNS) >= 20
    assert any("forslag" in p for p in PATTERNS) and any("eksport" in p for p in PATTERNS)
