"""The site's WSGI application, counting the listing cache's hits and misses (for bench/load.py).

Each gunicorn worker writes its running counts to ``cache-stats-<pid>`` in PRAKSISNET_DATA_DIR
after every request; the load run adds them up. Only keys of knowledge.cache's listings count.
"""

import os
from pathlib import Path

from django.core.cache.backends.filebased import FileBasedCache

LISTING_PREFIX = "praksisnet:listing:"
_counts = {"hits": 0, "misses": 0}
_original_get = FileBasedCache.get


def _counting_get(self, key, default=None, version=None):
    value = _original_get(self, key, default, version)
    if isinstance(key, str) and key.startswith(LISTING_PREFIX):
        _counts["misses" if value is default else "hits"] += 1
    return value


FileBasedCache.get = _counting_get

from praksisnet.wsgi import application as _site  # noqa: E402  (after the counting is in place)


def application(environ, start_response):
    try:
        return _site(environ, start_response)
    finally:
        path = Path(os.environ["PRAKSISNET_DATA_DIR"]) / f"cache-stats-{os.getpid()}"
        path.write_text(f"{_counts['hits']} {_counts['misses']}")
