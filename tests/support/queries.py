"""Counting the database queries of a page, cold (cache just emptied) and warm.

Pages keep listings and rendered fragments in the cache, so a count taken after a warm-up
request measures cache hits only and could never catch a query per row. The cold count is
the one that shows how a page's queries grow with the network.
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def cold_and_warm_queries(client, url):
    """``[cold, warm]`` query counts of ``url``: right after the cache is emptied, then again."""
    client.get(url)  # fill what lives outside the cache framework (content types)
    cache.clear()
    counts = []
    for _ in ("cold", "warm"):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(context.captured_queries))
    return counts


def cold_queries(client, url):
    """``(query count, response)`` of ``url`` right after the cache is emptied."""
    client.get(url)  # fill what lives outside the cache framework (content types)
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries), response
