"""Shared by bench/search.py and bench/search_relevance.py: a throwaway site with the demo
network and the search backends side by side: Whoosh with vectors (the hybrid, as "default"),
the same Whoosh on words alone ("words"), and SQLite FTS5 ("fts5")."""

import os
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
FTS5_BACKEND = "wagtail.search.backends.database.sqlite.sqlite"
BACKENDS = {"whoosh": "default", "whoosh-words": "words", "fts5": "fts5"}
EMBEDDER = "knowledge.search.embedding.search_embedder"


def set_up_django(data_dir=None):
    """Point Django at a data folder (database, index; a fresh one by default) and configure
    both backends."""
    data_dir = data_dir or tempfile.mkdtemp(prefix="praksisnet-search-bench-")
    os.environ["PRAKSISNET_DATA_DIR"] = data_dir
    os.environ.pop("PRAKSISNET_SEARCH_INDEX", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "praksisnet.settings.dev"
    sys.path.insert(0, str(BASE_DIR))
    from django.conf import settings

    whoosh = {
        "BACKEND": "knowledge.search.whoosh_backend",
        "PATH": Path(data_dir) / "whoosh_index",
        "LANGUAGE": "da",
        "SYNONYMS": "knowledge.search.synonyms.synonym_groups",
        "VECTORS": EMBEDDER,
        "VECTOR_FIELDS": settings.WAGTAILSEARCH_BACKENDS["default"]["VECTOR_FIELDS"],
        "AUTO_UPDATE": False,
    }
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": whoosh,
        "words": {**whoosh, "PATH": Path(data_dir) / "whoosh_words", "VECTORS": None},
        "fts5": {"BACKEND": FTS5_BACKEND, "AUTO_UPDATE": False},
    }
    import django

    django.setup()
    settings.DEBUG = False
    settings.LOGGING_CONFIG = None
    import logging

    logging.getLogger("knowledge").setLevel(logging.WARNING)
    return data_dir


def build_network(experiments, seed=1):
    from django.core.management import call_command

    from knowledge.demo.builder import NetworkBuilder

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    NetworkBuilder(
        seed=seed, experiments=experiments, progress=False, index=False, log=lambda *a, **k: None
    ).build()
    return time.monotonic() - started


def indexed_document_count():
    """Documents in a full rebuild: each model's own indexed objects (a page counts once,
    under its specific type, as Page.get_indexed_objects filters by content type)."""
    from modelsearch.index import get_indexed_models

    return sum(model.get_indexed_objects().count() for model in get_indexed_models())


def rebuild(backend_name):
    """Full rebuild with manage.py update_index; returns seconds."""
    import io

    from django.core.management import call_command

    started = time.monotonic()
    call_command("update_index", backend_name=backend_name, stdout=io.StringIO())
    return time.monotonic() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


class Anonymous:
    is_authenticated = False


def synthetic_document_vectors():
    """Replace the documents' embedding by unit vectors drawn from a checksum of each text (the
    query is still embedded by the model): at 10,000 experiments e5 would need an hour of this
    machine's CPU, and the cost measured here, one query embedding plus a matrix-vector
    product over every stored vector, does not depend on what the vectors hold."""
    import zlib

    import numpy as np

    from knowledge.search.embedding import SearchEmbedder

    def documents(self, texts):
        rows = []
        for text in texts:
            rng = np.random.default_rng(zlib.crc32(text.encode()))
            row = rng.standard_normal(384).astype(np.float32)
            rows.append(row / np.linalg.norm(row))
        return np.vstack(rows) if rows else np.zeros((0, 384), np.float32)

    SearchEmbedder.documents = documents
