"""A Whoosh search backend for Wagtail's search layer (the ``modelsearch`` package).

Configure it with::

    MODELSEARCH_BACKENDS / WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "knowledge.search.whoosh_backend",
            "PATH": BASE_DIR / "data" / "whoosh_index",   # optional, this is the default
            "LANGUAGE": "da",                              # optional, default settings.LANGUAGE_CODE
            "INDEX_PROCESSES": 2,                          # optional, rebuild workers; default: CPUs, max 4
        }
    }

Design
------
* One Whoosh index per indexed model hierarchy root (``wagtailcore.Page``, ``testapp.Book``...).
  Every document carries the labels of all indexed models it is an instance of (field ``ct``),
  so a search on a child model only sees documents of that model.
* Each ``SearchField`` (including ones nested in ``RelatedFields``, e.g. ``authors__name``) is
  its own Whoosh field ``s__<path>`` so per-field boosts count at query time (BM25F).
  ``AutocompleteField``\\ s are ``a__<path>`` (no stemming, prefix matching). The unstemmed
  vocabulary for spelling suggestions is a sidecar file in the index folder (see spelling.py).
* The modelsearch query tree is compiled into ``whoosh.query`` objects; user text is tokenised
  with the same analyzer as at index time (never Whoosh's QueryParser).
* Simple filters (an AND of exact/in lookups on boolean, text, integer and foreign-key
  FilterFields: live, members_only, content type...) run inside Whoosh on ``f__<name>`` terms,
  so the top hits come straight from the index. Any other filter, and ordering, is applied by
  the ORM on the matched primary keys, so every lookup Django supports works.
* The live index ``<PATH>/<key>`` is a symlink to a generation directory. A rebuild writes a new
  generation beside it and swaps the symlink atomically, so searches keep answering meanwhile.
* Writers are serialised with an ``flock`` on ``<PATH>/<key>.lock`` (blocking, so several
  processes can publish at once and all land) and Whoosh's own lock is retried behind it.
* A missing or corrupt index never raises out of a search: a line is logged on the
  ``knowledge.search`` logger, results are empty and ``results.index_unavailable`` is True
  (``backend.is_available(model)`` answers the same question up front).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, Manager, prefetch_related_objects
from django.db.models.expressions import Col
from django.db.models.lookups import Exact, In
from django.db.models.constants import LOOKUP_SEP
from django.utils.encoding import force_str
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.index import LockError

from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    FilterFieldError,
    get_model_root,
)
from modelsearch.index import (
    AutocompleteField,
    FilterField,
    Indexed,
    RelatedFields,
    SearchField,
    get_indexed_models,
)
from modelsearch.query import (
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
)

from . import danish
from .bulk_writing import bulk_writer, default_processes
from .positions import WordPositions
from .spelling import SpellingVocabulary, suggest_correction

logger = logging.getLogger("knowledge.search")

SEARCH_PREFIX = "s__"
AUTOCOMPLETE_PREFIX = "a__"
FILTER_PREFIX = "f__"

#: File present in a generation directory while a rebuild is filling it.
BUILDING_MARKER = ".building"

#: Above this many matches, ORM filtering scans the filtered queryset instead of ``pk__in``.
MAX_PK_IN = 10_000


class IndexUnavailable(Exception):
    """The index directory is missing or cannot be read."""


class IndexIncomplete(Exception):
    """A rebuilt index lacks documents that were written to it; it is not swapped in."""


# ---------------------------------------------------------------------------------------------
# Helpers: model metadata
# ---------------------------------------------------------------------------------------------


def model_label(model) -> str:
    return model._meta.concrete_model._meta.label_lower


def content_type_labels(model) -> list[str]:
    """Labels of the model and all its indexed concrete ancestors (Novel -> novel, book)."""
    labels = []
    for klass in model._meta.concrete_model.__mro__:
        meta = getattr(klass, "_meta", None)
        if meta is None or meta.abstract or meta.proxy or not issubclass(klass, Indexed):
            continue
        labels.append(meta.label_lower)
    return labels


def iter_text_fields(search_fields, kind, prefix=""):
    """Yield ``(path, field)`` for SearchField/AutocompleteField entries, descending RelatedFields."""
    for field in search_fields:
        if isinstance(field, RelatedFields):
            yield from iter_text_fields(field.fields, kind, prefix + field.field_name + LOOKUP_SEP)
        elif type(field) is kind or (kind is SearchField and isinstance(field, SearchField)):
            yield prefix + field.field_name, field


def hierarchy_models(root):
    return [m for m in get_indexed_models() if get_model_root(m) is root]


def field_boosts(root, kind, prefix) -> dict[str, float]:
    """Whoosh field name -> boost for all models of a hierarchy (max wins on conflicts)."""
    boosts: dict[str, float] = {}
    for model in hierarchy_models(root):
        for path, field in iter_text_fields(model.get_search_fields(), kind):
            boost = float(getattr(field, "boost", None) or 1.0)
            name = prefix + path
            boosts[name] = max(boosts.get(name, 0.0), boost)
    return boosts


#: Model field types whose FilterField values are also indexed, so the common filters of a
#: search (live, members_only, content type, exact/in on simple columns) run inside Whoosh.
TERM_FILTER_TYPES = (models.BooleanField, models.CharField, models.IntegerField, models.AutoField, models.ForeignKey)


def filter_term(value):
    """The Whoosh term of a filter value, or None when the value is of a type not indexed."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, str)):
        return str(value)
    return None


def term_filter_fields(model) -> dict:
    """``{model field: whoosh field name}`` for the model's FilterFields indexed as terms."""
    fields = {}
    for field in model.get_search_fields():
        if not isinstance(field, FilterField):
            continue
        try:
            model_field = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue
        if isinstance(model_field, TERM_FILTER_TYPES) and model_field.concrete and not model_field.many_to_many:
            fields[model_field] = FILTER_PREFIX + model_field.name
    return fields


# ---------------------------------------------------------------------------------------------
# Document building
# ---------------------------------------------------------------------------------------------


class DocumentBuilder:
    """Turns one model instance into a Whoosh document (a dict of field name -> text).

    Related objects' values are joined with newlines into one field per path.
    """

    def __init__(self, model):
        self.model = model
        self.search_fields = model.get_search_fields()
        self.labels = " ".join(content_type_labels(model))
        self.filter_fields = [(name, field.attname) for field, name in term_filter_fields(model).items()]

    @staticmethod
    def prepare_value(value) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, (list, tuple)):
            return " ".join(DocumentBuilder.prepare_value(v) for v in value)
        if isinstance(value, dict):
            return " ".join(DocumentBuilder.prepare_value(v) for v in value.values())
        return force_str(value)

    def _collect(self, obj, fields, prefix, out):
        for field in fields:
            if isinstance(field, RelatedFields):
                sub = field.get_value(obj)
                if sub is None:
                    continue
                if isinstance(sub, Manager):
                    # A prefetched relation is read from its cache directly: Manager.all()
                    # would build (clone) a queryset per object only to return the same rows.
                    prefetched = getattr(obj, "_prefetched_objects_cache", {}).get(field.field_name)
                    subs = prefetched if prefetched is not None else sub.all()
                else:
                    if callable(sub):
                        sub = sub()
                    subs = [sub]
                for sub_obj in subs:
                    self._collect(sub_obj, field.fields, prefix + field.field_name + LOOKUP_SEP, out)
            elif isinstance(field, (SearchField, AutocompleteField)):
                text = self.prepare_value(field.get_value(obj))
                if not text:
                    continue
                name = (SEARCH_PREFIX if isinstance(field, SearchField) else AUTOCOMPLETE_PREFIX) + prefix + field.field_name
                out.setdefault(name, []).append(text)

    def prefetch(self, objs):
        """Load the many-valued relations of RelatedFields for a whole chunk in one query each.

        ``get_indexed_objects()`` misses some (modelcluster's ParentalManyToManyField, e.g.
        ExperimentPage.subjects), which cost one query per document in a rebuild.
        """
        objs = [obj for obj in objs if obj is not None]
        if not objs:
            return
        cached = getattr(objs[0], "_prefetched_objects_cache", {})
        names = []
        for field in self.search_fields:
            if not isinstance(field, RelatedFields) or field.field_name in cached:
                continue
            try:
                relation = self.model._meta.get_field(field.field_name)
            except FieldDoesNotExist:
                continue  # a method or property: nothing to prefetch
            if relation.is_relation and (relation.many_to_many or relation.one_to_many):
                names.append(field.field_name)
        if names:
            prefetch_related_objects(objs, *names)

    def build(self, obj) -> dict:
        values: dict[str, list[str]] = {}
        self._collect(obj, self.search_fields, "", values)
        doc = {"pk": str(obj.pk), "ct": self.labels}
        for name, texts in values.items():
            doc[name] = "\n".join(texts)
        for name, attname in self.filter_fields:
            term = filter_term(getattr(obj, attname, None))
            if term is not None:
                doc[name] = term
        return doc

    @staticmethod
    def fit(doc, schema) -> dict:
        """The document without fields an older index's schema lacks (built before they existed)."""
        return {name: value for name, value in doc.items() if name in schema}

    @staticmethod
    def spelling_words(doc) -> set[str]:
        """The words of a document's searchable text, for the spelling vocabulary."""
        return SpellingVocabulary.words_of(text for name, text in doc.items() if name.startswith(SEARCH_PREFIX))


# ---------------------------------------------------------------------------------------------
# Storage: directories, generations, locking, cached readers
# ---------------------------------------------------------------------------------------------


def build_schema(analyzer) -> Schema:
    schema = Schema(
        pk=ID(stored=True, unique=True, sortable=True),
        ct=KEYWORD(),
    )
    searchable = TEXT(analyzer=analyzer, phrase=True)
    searchable.format = WordPositions(field_boost=searchable.format.field_boost)
    schema.add(SEARCH_PREFIX + "*", searchable, glob=True)
    schema.add(AUTOCOMPLETE_PREFIX + "*", TEXT(analyzer=danish.AutocompleteAnalyzer(), phrase=False), glob=True)
    schema.add(FILTER_PREFIX + "*", ID(), glob=True)
    return schema


class WriterLock:
    """An exclusive, blocking, inter-process lock (``flock``) on a file beside the index."""

    def __init__(self, path: Path):
        self.path = path

    @contextlib.contextmanager
    def hold(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class _LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        return default

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


def searcher_cache(searcher) -> _LRU:
    """Per-searcher cache (pk column reader, recent hit lists). A searcher is per thread and is
    replaced whenever the index changes, so the cache can never serve stale hits."""
    cache = getattr(searcher, "_praksisnet_cache", None)
    if cache is None:
        cache = searcher._praksisnet_cache = _LRU(64)
    return cache


def _term_docs(reader, fieldname, text) -> set:
    """Global docnums of one term's postings (deleted documents excluded).

    Reads whole posting blocks where the codec allows (Whoosh 3 format) instead of stepping a
    matcher document by document, which is what makes counting large result sets cheap.
    """
    docs = set()
    for sub, base in reader.leaf_readers():
        if (fieldname, text) not in sub:
            continue
        terms = getattr(sub, "_terms", None)
        raw = None
        if terms is not None and hasattr(sub, "_text_to_bytes"):
            raw = terms.matcher(fieldname, sub._text_to_bytes(fieldname, text), sub.schema[fieldname].format)
        if raw is not None and hasattr(raw, "_read_ids") and hasattr(raw, "_next_block"):
            ids = []
            while raw.is_active():
                if raw._ids is None:
                    raw._read_ids()
                ids.extend(raw._ids[raw._i:])
                raw._next_block()
            deleted = getattr(sub, "deleted_docs_set", None)
            if deleted:
                ids = [i for i in ids if i not in deleted]
        else:
            ids = list(sub.postings(fieldname, text).all_ids())
        docs.update(ids if base == 0 else (base + i for i in ids))
    return docs


def query_docs(searcher, q) -> set:
    """Docnums matching ``q`` (unscored), with set algebra for the shapes the compiler emits."""
    if isinstance(q, wq.Term):
        return _term_docs(searcher.reader(), q.fieldname, q.text)
    if isinstance(q, wq.Or):
        docs = set()
        for sub in q.subqueries:
            docs |= query_docs(searcher, sub)
        return docs
    if isinstance(q, wq.And):
        subs = sorted((query_docs(searcher, sub) for sub in q.subqueries), key=len)
        docs = subs[0] if subs else set()
        for other in subs[1:]:
            docs &= other
        return docs
    if isinstance(q, wq.AndNot):
        return query_docs(searcher, q.a) - query_docs(searcher, q.b)
    if isinstance(q, wq.Every):
        return set(searcher.reader().all_doc_ids())
    return set(searcher.docs_for_query(q))


class IndexLocation:
    """Where one index lives on disk: live symlink, generations, lock file, cached readers."""

    _indexes: dict[str, object] = {}
    _indexes_lock = threading.Lock()
    _local = threading.local()

    WRITER_ARGS = {"limitmb": 64, "procs": 1}

    def __init__(self, root: Path, key: str, analyzer):
        self.root = Path(root)
        self.key = key
        self.analyzer = analyzer
        self.live_path = self.root / key
        self.lock = WriterLock(self.root / f"{key}.lock")

    # -- reading ---------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.live_path.exists()

    def _open(self, path: str):
        with self._indexes_lock:
            for stale in [p for p in self._indexes if not os.path.isdir(p)]:
                del self._indexes[stale]
            ix = self._indexes.get(path)
            if ix is None:
                ix = whoosh_index.open_dir(path)
                self._indexes[path] = ix
            return ix

    def open(self):
        """The live Whoosh index; raises IndexUnavailable if it is missing or unreadable."""
        if not self.live_path.exists():
            raise IndexUnavailable(f"search index directory {self.live_path} does not exist")
        path = os.path.realpath(self.live_path)
        try:
            return self._open(path)
        except Exception as exc:  # EmptyIndexError, corrupt TOC, permissions...
            with self._indexes_lock:
                self._indexes.pop(path, None)
            raise IndexUnavailable(f"search index {self.live_path} cannot be opened: {exc!r}") from exc

    def searcher(self):
        """A (per thread, cached and refreshed) searcher on the live index."""
        ix = self.open()
        path = ix.storage.folder
        cache = self._local.__dict__.setdefault("searchers", {})
        searcher = cache.get(self.key)
        try:
            # Not Searcher.refresh(): its reader reuse keeps a segment's old deletion set, so a
            # document replaced by update_document() would stay findable under its old text.
            if searcher is not None and searcher._ix is ix and ix.latest_generation() == searcher.reader().generation():
                return searcher
            if searcher is not None:
                searcher.close()
            searcher = cache[self.key] = ix.searcher()
            return searcher
        except Exception as exc:
            cache.pop(self.key, None)
            with self._indexes_lock:
                self._indexes.pop(path, None)
            raise IndexUnavailable(f"search index {self.live_path} cannot be read: {exc!r}") from exc

    # -- rebuild journal -------------------------------------------------------------------
    #
    # While a rebuild fills a new generation, writes still go to the live index, which the
    # swap is about to replace. So they are also appended to a journal, which the rebuilder
    # replays into the new generation (under the write lock) right before swapping it in.

    @property
    def rebuild_marker(self) -> Path:
        return self.root / f"{self.key}.rebuilding"

    @property
    def journal_path(self) -> Path:
        return self.root / f"{self.key}.journal"

    def begin_rebuild(self):
        with self.lock.hold():
            self.root.mkdir(parents=True, exist_ok=True)
            self.rebuild_marker.write_text(f"{os.getpid()} {time.time()}\n")
            with contextlib.suppress(FileNotFoundError):
                self.journal_path.unlink()

    def journal(self, entries):
        """Called under the write lock: record writes if a rebuild is in progress."""
        if not self.rebuild_marker.exists():
            return
        with open(self.journal_path, "a", encoding="utf-8") as fh:
            for entry in entries:
                fh.write(json.dumps(entry) + "\n")

    def finish_rebuild(self, generation: Path, before_swap):
        """Replay the journal into ``generation``, run ``before_swap``, then swap; all locked."""
        with self.lock.hold():
            ix = whoosh_index.open_dir(str(generation))
            replayed = 0
            if self.journal_path.exists():
                writer = ix.writer(**self.WRITER_ARGS)
                with open(self.journal_path, encoding="utf-8") as fh:
                    for line in fh:
                        entry = json.loads(line)
                        if entry["op"] == "update":
                            writer.update_document(**DocumentBuilder.fit(entry["doc"], writer.schema))
                        else:
                            writer.delete_by_term("pk", entry["pk"])
                        replayed += 1
                writer.commit()
            before_swap(replayed)
            self._swap_locked(generation)
            with contextlib.suppress(FileNotFoundError):
                self.journal_path.unlink()
            with contextlib.suppress(FileNotFoundError):
                self.rebuild_marker.unlink()
            return replayed

    def abort_rebuild(self):
        with contextlib.suppress(FileNotFoundError):
            self.rebuild_marker.unlink()

    # -- writing ---------------------------------------------------------------------------

    def _create_generation(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        gen = self.root / f"{self.key}.{time.strftime('%Y%m%d%H%M%S')}.{uuid.uuid4().hex[:8]}"
        gen.mkdir()
        (gen / BUILDING_MARKER).touch()
        whoosh_index.create_in(str(gen), build_schema(self.analyzer))
        return gen

    def new_generation(self) -> Path:
        """Create an empty index directory beside the live one (for a rebuild)."""
        return self._create_generation()

    def swap(self, generation: Path):
        """Atomically point the live symlink at ``generation``; keep one previous generation."""
        with self.lock.hold():
            self._swap_locked(generation)

    def _swap_locked(self, generation: Path):
        previous = os.path.realpath(self.live_path) if self.live_path.exists() else None
        if self.live_path.exists() and not self.live_path.is_symlink():
            # Legacy plain directory: move it aside first (not atomic, happens once).
            aside = self.root / f"{self.key}.legacy.{uuid.uuid4().hex[:8]}"
            os.rename(self.live_path, aside)
            previous = str(aside)
        with contextlib.suppress(FileNotFoundError):
            (generation / BUILDING_MARKER).unlink()
        tmp = self.root / f".{self.key}.{uuid.uuid4().hex}.tmp"
        os.symlink(generation.name, tmp)
        os.replace(tmp, self.live_path)
        self._prune(keep={str(generation.resolve()), previous})

    def _prune(self, keep):
        for entry in self.root.glob(f"{self.key}.*"):
            if entry.name == f"{self.key}.lock" or not entry.is_dir() or entry.is_symlink():
                continue
            if str(entry.resolve()) in keep:
                continue
            marker = entry / BUILDING_MARKER
            # A generation still being built by a concurrent rebuild is left alone (for a day).
            if marker.exists() and time.time() - marker.stat().st_mtime < 86400:
                continue
            shutil.rmtree(entry, ignore_errors=True)

    def _ensure_live_locked(self):
        if not self.live_path.exists():
            if self.live_path.is_symlink():  # dangling
                self.live_path.unlink()
            self._swap_locked(self._create_generation())

    @contextlib.contextmanager
    def writer(self, timeout: float = 120.0):
        """Exclusive writer on the live index; commits on success, cancels on error."""
        with self.lock.hold():
            self._ensure_live_locked()
            ix = self.open()
            deadline = time.monotonic() + timeout
            while True:
                try:
                    writer = ix.writer(timeout=1.0, **self.WRITER_ARGS)
                    break
                except LockError:
                    # Someone not using our flock (e.g. a crashed process' stale lock) holds it.
                    if time.monotonic() > deadline:
                        raise RuntimeError(
                            f"could not obtain the Whoosh write lock on {self.live_path} in {timeout:.0f}s"
                        ) from None
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            else:
                writer.commit()

    def reset(self):
        """Replace the live index by an empty one."""
        with self.lock.hold():
            self._swap_locked(self._create_generation())


# ---------------------------------------------------------------------------------------------
# Index
# ---------------------------------------------------------------------------------------------


class WhooshIndex(BaseIndex):
    """One Whoosh index, holding all models of one model hierarchy (keyed by its root)."""

    def __init__(self, backend, root_model):
        super().__init__(backend)
        self.root_model = root_model
        self.location = IndexLocation(backend.path, self.get_key(), backend.analyzer)

    def get_key(self):
        return self.root_model._meta.label_lower.replace(".", "_")

    def __str__(self):
        return self.get_key()

    def add_model(self, model):
        pass  # the schema is generic (glob fields), nothing to prepare

    def refresh(self):
        pass  # commits are visible immediately; searchers refresh themselves

    def reset(self):
        self.location.reset()

    def add_items(self, model, items):
        items = list(items)
        if not items or not model.get_search_fields():
            return
        builder = DocumentBuilder(model)
        builder.prefetch(items)
        docs = [builder.build(obj) for obj in items]
        with self.location.writer() as writer:
            for doc in docs:
                writer.update_document(**DocumentBuilder.fit(doc, writer.schema))
            self.location.journal({"op": "update", "doc": doc} for doc in docs)
            # Still under the write lock: extend the spelling vocabulary of the live index.
            folder = os.path.realpath(self.location.live_path)
            vocabulary = SpellingVocabulary(SpellingVocabulary.load(folder).counts)
            for doc in docs:
                vocabulary.add_document_words(DocumentBuilder.spelling_words(doc))
            vocabulary.save(folder)

    def delete_item(self, item):
        with self.location.writer() as writer:
            writer.delete_by_term("pk", str(item.pk))
            self.location.journal([{"op": "delete", "pk": str(item.pk)}])

    def is_available(self) -> bool:
        try:
            self.location.searcher()
            return True
        except IndexUnavailable:
            return False


class WhooshBulkIndex(WhooshIndex):
    """The index object handed out during a rebuild: one long-lived bulk writer on a new
    generation (its work spread over worker processes: see bulk_writing.py).

    The rebuild command adds a hierarchy model by model (Book, then Novel, then
    ProgrammingGuide). Rows of a child model are skipped while the parent model is being
    added, so every object is written exactly once (as its most specific model) and the fast
    ``add_document`` can be used.
    """

    def __init__(self, backend, root_model, generation: Path):
        super().__init__(backend, root_model)
        self.generation = generation
        self.models = []
        self._child_pks = {}
        ix = whoosh_index.open_dir(str(generation))
        self.writer = bulk_writer(ix, backend.index_processes)
        self.vocabulary = SpellingVocabulary()
        self.written = 0  # documents handed to the writer, including updates

    def add_model(self, model):
        if model not in self.models:
            self.models.append(model)

    def _pks_of_children(self, model):
        if model not in self._child_pks:
            pks = set()
            for other in self.models:
                if other is not model and issubclass(other, model):
                    pks.update(other._default_manager.values_list("pk", flat=True))
            self._child_pks[model] = pks
        return self._child_pks[model]

    def add_items(self, model, items):
        try:
            self._add_items(model, items)
        except BaseException:
            # The rebuild command stops here without calling finish(): stop the workers and
            # end the rebuild, so writes to the live index are no longer journalled for it.
            self.cancel()
            self.location.abort_rebuild()
            raise

    def _add_items(self, model, items):
        if not model.get_search_fields():
            return
        builder = DocumentBuilder(model)
        if model in self.models:
            skip = self._pks_of_children(model)
            items = [obj for obj in items if obj.pk not in skip]
            write = self.writer.add_document
        else:  # used outside the rebuild command: be safe
            items = list(items)
            write = self.writer.update_document
        builder.prefetch(items)
        for obj in items:
            doc = builder.build(obj)
            write(**doc)
            self.vocabulary.add_document_words(builder.spelling_words(doc))
            self.written += 1

    def delete_item(self, item):
        self.writer.delete_by_term("pk", str(item.pk))

    def reset(self):
        pass

    def commit(self):
        self.writer.commit(merge=False)
        # The writing may have been spread over worker processes: check every document landed
        # before this generation can be swapped in.
        stored = whoosh_index.open_dir(str(self.generation)).doc_count_all()
        if stored != self.written:
            raise IndexIncomplete(
                f"the rebuilt index {self.generation} holds {stored} documents, expected {self.written}"
            )
        self.vocabulary.save(str(self.generation))

    def cancel(self):
        if not self.writer.is_closed:
            self.writer.cancel()


class WhooshRebuilder:
    """Builds a fresh index into a new directory and atomically swaps it in at the end."""

    def __init__(self, index):
        self.index = index
        self.bulk = None

    def start(self):
        location = self.index.location
        location.begin_rebuild()
        generation = location.new_generation()
        self.bulk = WhooshBulkIndex(self.index.backend, self.index.root_model, generation)
        return self.bulk

    def finish(self):
        started = time.monotonic()
        location = self.index.location
        try:
            self.bulk.commit()
        except BaseException:
            self.bulk.cancel()
            location.abort_rebuild()
            raise

        def save_vocabulary(replayed):
            if replayed:
                # Words of journalled documents join the new vocabulary too.
                with open(location.journal_path, encoding="utf-8") as fh:
                    for line in fh:
                        entry = json.loads(line)
                        if entry["op"] == "update":
                            self.bulk.vocabulary.add_document_words(DocumentBuilder.spelling_words(entry["doc"]))
                self.bulk.vocabulary.save(str(self.bulk.generation))

        replayed = location.finish_rebuild(self.bulk.generation, save_vocabulary)
        logger.info(
            "Rebuilt search index %s (%d documents, %d journalled writes replayed, commit+swap %.2fs)",
            self.index.get_key(), self.bulk.written, replayed, time.monotonic() - started,
        )


# ---------------------------------------------------------------------------------------------
# Query compilation
# ---------------------------------------------------------------------------------------------


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    """Compiles the modelsearch query tree into a ``whoosh.query`` object."""

    DEFAULT_OPERATOR = "and"
    HANDLES_ORDER_BY_EXPRESSIONS = True
    FIELD_KIND = SearchField
    FIELD_PREFIX = SEARCH_PREFIX

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.root_model = get_model_root(self.queryset.model)

    # -- fields ----------------------------------------------------------------------------

    def target_fields(self, reader, backend):
        """``[(whoosh_field_name, boost)]`` to search, pruned to fields present in the index."""
        boosts = backend.field_boosts(self.root_model, self.FIELD_KIND, self.FIELD_PREFIX)
        if self.fields is not None:
            wanted = {self.FIELD_PREFIX + name for name in self.fields}
            boosts = {
                name: boost for name, boost in boosts.items()
                if name in wanted or any(name.startswith(w + LOOKUP_SEP) for w in wanted)
            }
        present = set(reader.indexed_field_names())
        return [(name, boost) for name, boost in sorted(boosts.items()) if name in present]

    # -- compilation -----------------------------------------------------------------------

    def compile(self, reader, backend):
        self.reader = reader
        self.analyzer = backend.analyzer
        self.search_fields = self.target_fields(reader, backend)
        self._term_cache = {}
        return self._compile(self.query)

    def has_term(self, term):
        hit = self._term_cache.get(term)
        if hit is None:
            hit = self._term_cache[term] = any((name, term) in self.reader for name, _ in self.search_fields)
        return hit

    def _fields_query(self, make):
        """Or of ``make(fieldname, boost)`` over the target fields."""
        subs = [make(name, boost) for name, boost in self.search_fields]
        if not subs:
            return wq.NullQuery
        return subs[0] if len(subs) == 1 else wq.Or(subs)

    def _term(self, term):
        return self._fields_query(lambda f, b: wq.Term(f, term, boost=b))

    def _combine(self, clauses, operator):
        clauses = [c for c in clauses if c is not wq.NullQuery]
        if not clauses:
            return wq.NullQuery
        if len(clauses) == 1:
            return clauses[0]
        return wq.And(clauses) if operator == "and" else wq.Or(clauses)

    #: Weight of a compound's split parts against the whole word ("læse" + "forståelse" for
    #: "læseforståelse"): below 1 so documents with the word the user typed rank first.
    SPLIT_PARTS_BOOST = 0.1
    #: Weight of the compound formed from adjacent query words ("læse forståelse" ->
    #: "læseforståelse") against the words as typed.
    JOINED_WORDS_BOOST = 2.0

    def _word_clause(self, folded, term):
        """A query word: its term, or, ranked below it, all its parts when it is a compound."""
        clause = self._term(term)
        if len(folded) < 2 * danish.MIN_COMPOUND_PART:
            return clause
        # The best split into two parts and the best into three: a text may have "læseforståelse
        # og strategier" or "læse, forståelse og strategier" for "læseforståelsesstrategier".
        best_of_each_size = {}
        for split in danish.compound_splits(folded, self.has_term):
            best_of_each_size.setdefault(len(split), split)
        if not best_of_each_size:
            return clause
        alternatives = [
            wq.And([self._term(part) for part in split], boost=self.SPLIT_PARTS_BOOST)
            for split in best_of_each_size.values()
        ]
        return wq.Or([clause] + alternatives)

    def _plain_text(self, query):
        words = danish.query_words(query.query_string, self.analyzer)
        if not words:
            return wq.NullQuery
        clauses = [self._word_clause(f, t) for f, t in words]
        result = self._combine(clauses, query.operator)
        # Adjacent words that form a compound in the index ("læse forståelse" -> læseforståelse).
        alternatives = []
        for i in range(len(words) - 1):
            term = danish.compose(words[i][0], words[i + 1][0], self.has_term)
            if term:
                compound = self._boosted(self._term(term), self.JOINED_WORDS_BOOST)
                if query.operator == "and":
                    alternatives.append(self._combine(clauses[:i] + [compound] + clauses[i + 2:], "and"))
                else:
                    alternatives.append(compound)
        if alternatives:
            result = wq.Or([result] + alternatives)
        return result

    def _phrase(self, query):
        words = [t for _, t in danish.query_words(query.query_string, self.analyzer, drop_stop_words=False)]
        if not words:
            return wq.NullQuery
        if len(words) == 1:
            return self._term(words[0])
        return self._fields_query(lambda f, b: wq.Phrase(f, words, boost=b))

    def _fuzzy(self, query):
        words = [t for _, t in danish.query_words(query.query_string, self.analyzer)]
        clauses = []
        for term in words:
            maxdist = 0 if len(term) <= 2 else (1 if len(term) <= 5 else 2)
            clauses.append(self._fields_query(
                lambda f, b, term=term, maxdist=maxdist: wq.FuzzyTerm(f, term, boost=b, maxdist=maxdist, prefixlength=1)
            ))
        return self._combine(clauses, query.operator)

    def _compile(self, query):
        if isinstance(query, MatchAll):
            return wq.Every()
        if isinstance(query, PlainText):
            return self._boosted(self._plain_text(query), query.boost)
        if isinstance(query, Phrase):
            return self._phrase(query)
        if isinstance(query, Fuzzy):
            return self._fuzzy(query)
        if isinstance(query, Boost):
            return self._boosted(self._compile(query.subquery), query.boost)
        if isinstance(query, Not):
            inner = self._compile(query.subquery)
            if isinstance(inner, wq.Every):
                return wq.NullQuery
            if inner is wq.NullQuery:
                return wq.Every()
            return wq.AndNot(wq.Every(), inner)
        if isinstance(query, And):
            subs = [self._compile(q) for q in query.subqueries]
            if any(s is wq.NullQuery for s in subs):
                return wq.NullQuery
            subs = [s for s in subs if not isinstance(s, wq.Every)]
            if not subs:
                return wq.Every()
            return subs[0] if len(subs) == 1 else wq.And(subs)
        if isinstance(query, Or):
            subs = [self._compile(q) for q in query.subqueries]
            if any(isinstance(s, wq.Every) for s in subs):
                return wq.Every()
            subs = [s for s in subs if s is not wq.NullQuery]
            if not subs:
                return wq.NullQuery
            return subs[0] if len(subs) == 1 else wq.Or(subs)
        raise NotImplementedError(f"`{query.__class__.__name__}` is not supported by the Whoosh search backend.")

    @staticmethod
    def _boosted(q, boost):
        if boost == 1 or q is wq.NullQuery or isinstance(q, wq.Every):
            return q
        return q.with_boost(q.boost * boost)


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    """Autocomplete: unstemmed ``a__*`` fields, the last word of the query is a prefix."""

    FIELD_KIND = AutocompleteField
    FIELD_PREFIX = AUTOCOMPLETE_PREFIX

    def _words(self, text):
        return [t.text for t in danish.AutocompleteAnalyzer()(text)]

    def _plain_text(self, query):
        words = self._words(query.query_string)
        if not words:
            return wq.NullQuery
        clauses = [self._term(w) for w in words[:-1]]
        last = words[-1]
        clauses.append(self._fields_query(lambda f, b: wq.Prefix(f, last, boost=b)))
        return self._combine(clauses, query.operator)

    def _phrase(self, query):
        return self._plain_text(PlainText(query.query_string, operator="and"))

    def _fuzzy(self, query):
        return self._plain_text(PlainText(query.query_string, operator=query.operator))


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


class _Marker:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


#: The query matches every document of the model (served by the ORM directly).
ALL = _Marker("ALL")
#: The query matches nothing (or the index is unavailable).
NONE = _Marker("NONE")


class WhooshSearchResults(BaseSearchResults):
    """Lazily runs the Whoosh query, then filters/orders/fetches through the ORM.

    * Relevance order without ORM filters: Whoosh collects only the top ``stop`` hits.
    * Relevance order with ORM filters: the top hits are fetched in growing batches and
      filtered by the ORM until the requested page is full.
    * Field order (``order_by_relevance=False``), counts and facets: Whoosh's unscored
      matching pks, then the ORM does the rest.
    The Whoosh-side work is cached on a dict shared by all slices of one result set.
    """

    supports_facet = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._shared = {}

    def _clone(self):
        new = super()._clone()
        new._shared = self._shared
        return new

    # -- the Whoosh part -------------------------------------------------------------------

    @property
    def index_unavailable(self) -> bool:
        """True when the index is missing/corrupt (the search page can say 'being rebuilt')."""
        self._prepare()
        return self._shared.get("unavailable", False)

    def _guard(self, fn):
        """Run ``fn``; a missing/corrupt index turns into NONE plus the unavailable flag."""
        try:
            return fn()
        except IndexUnavailable as exc:
            return self._unavailable_result(exc)
        except (OSError, EOFError, ValueError, KeyError, IndexError, LockError) as exc:
            # Corrupt segment files show up as any of these while reading.
            return self._unavailable_result(exc)

    def _unavailable_result(self, exc):
        self._shared["unavailable"] = True
        self._shared["prepared"] = NONE
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model)
        logger.error(
            "Search index %s is unavailable (%s); returning no results. "
            "Run `manage.py rebuild_modelsearch_index` to rebuild it.",
            index.get_key(), exc,
        )
        return NONE

    def _prepare(self):
        """ALL, NONE, or ``(searcher, query, content_type_filter_or_None)``."""
        if "prepared" not in self._shared:
            self._shared["prepared"] = self._guard(self._compile)
        return self._shared["prepared"]

    def _compile(self):
        compiler = self.query_compiler
        model = compiler.queryset.model
        searcher = self.backend.get_index_for_model(model).location.searcher()
        q = compiler.compile(searcher.reader(), self.backend)
        if isinstance(q, wq.Every):
            return ALL
        if q is wq.NullQuery:
            return NONE
        # Every document of an index is an instance of its root model: filter only below it.
        ct = None if get_model_root(model) is model else wq.Term("ct", model_label(model))
        translated = self._whoosh_filters(searcher.reader())
        self._shared["orm_filters"] = translated is None and self._has_filters(compiler.queryset)
        if translated:
            ct = wq.And(([ct] if ct is not None else []) + translated)
        return searcher, q, ct

    def _whoosh_filters(self, reader):
        """The queryset's filters as Whoosh term queries, or None if any of them cannot be.

        Translated: a plain AND of ``exact``/``in`` lookups with literal bool/int/str values on
        columns of the searched model that every indexed model below it indexes as a term
        (``live``, ``members_only``, content type...). Anything else leaves all filtering to
        the ORM, as does an index built before filter terms existed.
        """
        query = self.query_compiler.queryset.query
        where = query.where
        if query.is_sliced or query.distinct or query.combinator or where.negated or where.connector != "AND":
            return None
        model = self.query_compiler.queryset.model
        fields = self._shared_filter_fields(model)
        present = set(reader.indexed_field_names())
        translated = []
        for lookup in where.children:
            if not isinstance(lookup, (Exact, In)) or not isinstance(lookup.lhs, Col):
                return None
            target = lookup.lhs.target
            name = fields.get(target)
            if name is None or name not in present or lookup.lhs.alias != target.model._meta.db_table:
                return None
            if not lookup.rhs_is_direct_value():
                return None
            values = list(lookup.rhs) if isinstance(lookup, In) else [lookup.rhs]
            terms = [filter_term(value) for value in values]
            if not terms or any(term is None for term in terms):
                return None
            clauses = [wq.Term(name, term) for term in dict.fromkeys(terms)]
            translated.append(clauses[0] if len(clauses) == 1 else wq.Or(clauses))
        return translated

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def _shared_filter_fields(model):
        """Term filter fields of ``model`` that every indexed model at or below it indexes too."""
        fields = term_filter_fields(model)
        for other in get_indexed_models():
            if other is not model and issubclass(other, model):
                theirs = term_filter_fields(other)
                fields = {field: name for field, name in fields.items() if theirs.get(field) == name}
        return fields

    def _orm_filters(self):
        """Whether the queryset's filters must still be applied by the ORM."""
        self._prepare()
        return self._shared.get("orm_filters", self._has_filters(self.query_compiler.queryset))

    def _pk_converter(self, searcher):
        cache = searcher_cache(searcher)
        pk_column = cache.get("pk_column")
        if pk_column is None:
            pk_column = cache["pk_column"] = searcher.reader().column_reader("pk")
        to_python = self.query_compiler.queryset.model._meta.pk.to_python
        return lambda docnum: to_python(pk_column[docnum])

    def _scored(self, limit):
        """Top ``limit`` (None: all) ``(pk, score)`` pairs, best first, ties by index order."""
        cache = self._shared.setdefault("scored", {})
        for cached_limit, hits in cache.items():
            if cached_limit is None or (limit is not None and cached_limit >= limit) or len(hits) < cached_limit:
                return hits if limit is None else hits[:limit]

        def run():
            searcher, q, ct = self._prepared_tuple()
            key = ("scored", repr(q), repr(ct), limit, self.query_compiler.queryset.model)
            hits = searcher_cache(searcher).get(key)
            if hits is None:
                results = searcher.search(q, filter=ct, limit=limit)
                convert = self._pk_converter(searcher)
                top = sorted(results.top_n, key=lambda sd: (-sd[0], sd[1]))
                hits = [(convert(docnum), float(score)) for score, docnum in top]
                searcher_cache(searcher)[key] = hits
            return hits

        hits = self._guard(run)
        if hits is NONE:
            return []
        cache[limit] = hits
        return hits

    def _unscored_docs(self):
        """Docnums of all matches, without scoring (cached per searcher)."""
        if "unscored_docs" not in self._shared:

            def run():
                searcher, q, ct = self._prepared_tuple()
                key = ("unscored", repr(q), repr(ct))
                docs = searcher_cache(searcher).get(key)
                if docs is None:
                    docs = sorted(query_docs(searcher, q if ct is None else wq.And([q, ct])))
                    searcher_cache(searcher)[key] = docs
                return searcher, docs

            result = self._guard(run)
            self._shared["unscored_docs"] = (None, []) if result is NONE else result
        return self._shared["unscored_docs"]

    def _unscored(self):
        """All matching pks (index order), without scoring."""
        if "unscored" not in self._shared:
            searcher, docs = self._unscored_docs()
            if searcher is None:
                self._shared["unscored"] = []
            else:
                pks = self._guard(lambda: [self._pk_converter(searcher)(d) for d in docs])
                self._shared["unscored"] = [] if pks is NONE else pks
        return self._shared["unscored"]

    def _prepared_tuple(self):
        prepared = self._prepare()
        if not isinstance(prepared, tuple):
            raise IndexUnavailable("the index became unavailable during the search")
        return prepared

    # -- the ORM part ----------------------------------------------------------------------

    def _base_queryset(self):
        qs = self.query_compiler.queryset
        if self.prefetch_related:
            qs = qs.prefetch_related(*self.prefetch_related)
        return qs

    @staticmethod
    def _has_filters(qs):
        return bool(qs.query.where) or qs.query.is_sliced or bool(qs.query.distinct)

    @staticmethod
    def _allowed(qs, pks):
        """The subset of ``pks`` that the queryset's filters let through."""
        if not pks:
            return set()
        if len(pks) <= MAX_PK_IN:
            return set(qs.filter(pk__in=pks).values_list("pk", flat=True))
        return set(qs.values_list("pk", flat=True)) & set(pks)

    def _relevance_hits(self):
        """``(pk, score)`` pairs passing the ORM filters, best first, enough for this slice."""
        qs = self.query_compiler.queryset
        if not self._orm_filters():
            return self._scored(self.stop)
        limit = None if self.stop is None else max(self.stop * 2, 200)
        while True:
            hits = self._scored(limit)
            allowed = self._allowed(qs, [pk for pk, _ in hits])
            matched = [(pk, score) for pk, score in hits if pk in allowed]
            if limit is None or len(hits) < limit or len(matched) >= self.stop:
                return matched
            limit *= 4

    def pks(self):
        """Primary keys of this slice of the results, in order, without loading the objects.

        The search page needs only keys (for facets and paging); building a page object per
        match was most of a search's cost. The queryset's filters still apply through the ORM.
        """
        prepared = self._prepare()
        if prepared is NONE:
            return []
        if isinstance(prepared, tuple) and self.query_compiler.order_by_relevance:
            return [pk for pk, _ in self._relevance_hits()[self.start:self.stop]]
        return [obj.pk for obj in self]

    @staticmethod
    def _fetch(qs, pks):
        by_pk = {obj.pk: obj for obj in qs.filter(pk__in=pks)}
        return [by_pk[pk] for pk in pks if pk in by_pk]

    def _do_search(self):
        prepared = self._prepare()
        qs = self._base_queryset()
        if prepared is NONE:
            return []
        scores = {}
        if prepared is ALL:
            if not qs.query.order_by:
                qs = qs.order_by("-pk")
            objs = list(qs[self.start:self.stop])
        elif self.query_compiler.order_by_relevance:
            page = self._relevance_hits()[self.start:self.stop]
            scores = dict(page)
            objs = self._fetch(qs, [pk for pk, _ in page])
        else:
            pks = self._unscored()
            if len(pks) <= MAX_PK_IN:
                ordered = qs.filter(pk__in=pks)
                if not ordered.query.order_by:
                    ordered = ordered.order_by("-pk")
                objs = list(ordered[self.start:self.stop])
            else:
                matching = set(pks)
                ordered = qs if qs.query.order_by else qs.order_by("-pk")
                page = [pk for pk in ordered.values_list("pk", flat=True) if pk in matching][self.start:self.stop]
                objs = self._fetch(qs, page)
            if self._score_field:
                scores = dict(self._scored(None))
        if self._score_field:
            for obj in objs:
                setattr(obj, self._score_field, float(scores.get(obj.pk, 0.0)))
        return objs

    def _do_count(self):
        prepared = self._prepare()
        if prepared is NONE:
            return 0
        qs = self.query_compiler.queryset
        if prepared is ALL:
            return qs[self.start:self.stop].count()
        if self._orm_filters():
            n = len(self._allowed(qs, self._unscored()))
        else:
            n = len(self._unscored_docs()[1])
        stop = n if self.stop is None else min(self.stop, n)
        return max(0, stop - self.start)

    def facet(self, field_name):
        field = self.query_compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f"index.FilterField('{field_name}') to {self.query_compiler.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        prepared = self._prepare()
        qs = self.query_compiler.queryset
        if prepared is NONE:
            qs = qs.none()
        elif prepared is not ALL:
            qs = qs.filter(pk__in=self._unscored())
        rows = qs.values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((row[field_name], row["count"]) for row in rows)


# ---------------------------------------------------------------------------------------------
# Backend
# ---------------------------------------------------------------------------------------------


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    index_class = WhooshIndex
    results_class = WhooshSearchResults
    rebuilder_class = WhooshRebuilder

    #: A broken search index must not break saving a page; failures are logged instead.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        base_dir = getattr(settings, "BASE_DIR", None) or os.getcwd()
        self.path = Path(params.get("PATH") or Path(base_dir) / "data" / "whoosh_index")
        self.language = params.get("LANGUAGE") or getattr(settings, "LANGUAGE_CODE", "da") or "da"
        self.analyzer = danish.analyzer_for_language(self.language)
        self.index_processes = int(params.get("INDEX_PROCESSES") or default_processes())
        self._indexes = {}
        self._boosts = {}

    def get_index_for_model(self, model):
        root = get_model_root(model)
        index = self._indexes.get(root)
        if index is None:
            index = self._indexes[root] = self.index_class(self, root)
        return index

    def field_boosts(self, root, kind, prefix):
        key = (root, kind)
        if key not in self._boosts:
            self._boosts[key] = field_boosts(root, kind, prefix)
        return self._boosts[key]

    def is_available(self, model) -> bool:
        """Whether the index holding ``model`` can be searched right now."""
        return self.get_index_for_model(model).is_available()

    def suggest(self, query_string: str, model):
        """A corrected query built from the index's own vocabulary ("Mente du: ..."), or None."""
        index = self.get_index_for_model(model)
        try:
            searcher = index.location.searcher()
        except IndexUnavailable as exc:
            logger.warning("No spelling suggestion: %s", exc)
            return None
        compiler = WhooshSearchQueryCompiler(model._default_manager.all(), query_string)
        fields = compiler.target_fields(searcher.reader(), self)
        vocabulary = SpellingVocabulary.load(searcher._ix.storage.folder)
        return suggest_correction(searcher.reader(), query_string, [f for f, _ in fields], vocabulary, self.analyzer)


SearchBackend = WhooshSearchBackend
