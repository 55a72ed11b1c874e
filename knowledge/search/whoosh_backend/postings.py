"""Posting-level reads of Whoosh internals, and the per-searcher cache of their results.

Counts and facets need every match but no scores, scoring every match needs each posting's
weight and its document's field length: instead of stepping a Whoosh matcher document by
document, they are read from whole posting blocks and length columns where the codec allows
(Whoosh 3 format); counts combine the document numbers with set algebra, array_scoring.py
scores the arrays.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.columns import NumericColumn


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


def deleted_of(segment_reader):
    """The segment's deleted docnums as its reader sees them (a set; empty without any)."""
    return segment_reader.deleted_docs_set if segment_reader.has_deletions() else frozenset()


def live_mask(size, deleted):
    """A segment's documents, True where not in ``deleted``."""
    live = np.ones(size, dtype=bool)
    if deleted:
        live[np.fromiter(deleted, dtype=np.int64, count=len(deleted))] = False
    return live


#: Postings kept between searches, as (docnums, weights): 16 bytes a posting, about 32 MB.
KEPT_POSTINGS = 2_000_000


class _KeptPostings:
    """(segment, field, term) -> (docnums, weights), the least recently used let go once more
    than ``limit`` postings are kept. A segment never changes once written (its deletions are
    a reader's, applied after), so a kept list is never stale; a merge's new segment has a new
    id. The first search for "elever" reads 10,000 posting blocks at 100,000 experiments; the
    count of its every-word search, and the next search with the same word, read none."""

    def __init__(self, limit):
        self.limit, self.size = limit, 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def put(self, key, read):
        size = len(read[0])
        if size > self.limit:
            return
        with self.lock:
            if key not in self.entries:
                self.size += size
            self.entries[key] = read
            while self.size > self.limit:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[0])


_kept = _KeptPostings(KEPT_POSTINGS)


#: Segments whose every stored pk is kept (an object array a segment: about 8 MB at 100,000).
KEPT_SEGMENT_PKS = 64
_kept_pks = _LRU(KEPT_SEGMENT_PKS)
_kept_pks_lock = threading.Lock()


def segment_pks(segment_reader):
    """Every document's stored pk in one segment (text, by local docnum, deleted documents
    included), read once per segment and kept: a segment never changes once written. A new
    searcher after each commit asked the pk column for each of its documents again (the
    hybrid's vector rows: 0.9 s a search at 100,000 experiments)."""
    key = _segment_key(segment_reader, "pk", None)
    with _kept_pks_lock:
        found = _kept_pks.get(key) if key is not None else None
    if found is None:
        column = segment_reader.column_reader("pk")
        found = np.empty(segment_reader.doc_count_all(), dtype=object)
        found[:] = [column[docnum] for docnum in range(len(found))]
        found.flags.writeable = False
        if key is not None:
            with _kept_pks_lock:
                _kept_pks[key] = found
    return found


def forget_kept():
    """Let go of every kept posting list and segment's pks: as a new process starts
    (bench/search_scoring.py times a first search)."""
    _kept.clear()
    with _kept_pks_lock:
        _kept_pks.clear()


def _segment_key(segment_reader, fieldname, text):
    segment = segment_reader.segment() if hasattr(segment_reader, "segment") else None
    if segment is None:
        return None
    folder = getattr(getattr(segment_reader, "_storage", None), "folder", None)
    return (folder, segment.indexname, segment.segment_id(), fieldname, text)


def segment_postings(segment_reader, fieldname, text, values=False):
    """(docnums, weights) of one term's postings in one segment, as int64 and float64 arrays,
    deleted documents included; None where the codec is not Whoosh 3's block format (or the
    term is missing). ``text`` is the term's bytes. With ``values``, (docnums, weights, each
    posting's encoded value), None also where the format's values have a fixed size.

    Reads whole posting blocks (Whoosh 3 format) instead of stepping a matcher document by
    document, which is what makes counting and scoring large result sets cheap. Without
    values, what is read is kept for the next search (_KeptPostings).
    """
    key = None if values else _segment_key(segment_reader, fieldname, text)
    found = _kept.get(key) if key is not None else None
    if found is not None:
        return found
    found = _read_postings(segment_reader, fieldname, text, values)
    if key is not None and found is not None:
        _kept.put(key, found)
    return found


def _read_postings(segment_reader, fieldname, text, values):
    terms = getattr(segment_reader, "_terms", None)
    if terms is None or (fieldname, text) not in segment_reader:
        return None
    raw = terms.matcher(fieldname, text, segment_reader.schema[fieldname].format)
    if not all(hasattr(raw, name) for name in ("_read_data", "_next_block", "_byteids")):
        return None
    if values and raw._fixedsize is not None:
        return None
    ids, weights, encoded = [], [], []
    while raw.is_active():
        if raw._data is None:
            raw._read_data()
        block_ids, block_weights = raw._data[0], raw._data[1]
        # Ids are stored as deltas (unless the field's ids are bytes); weights as an array, one
        # float for the block, or None for all 1.0 (W3LeafMatcher._read_ids/_read_weights).
        block_ids = np.asarray(block_ids, dtype=np.int64)
        ids.append(block_ids if raw._byteids else np.cumsum(block_ids))
        if block_weights is None or isinstance(block_weights, float):
            block_weights = np.full(
                raw._blocklength, 1.0 if block_weights is None else block_weights
            )
        weights.append(np.asarray(block_weights, dtype=np.float64))
        if values:
            encoded.extend(raw._data[2])
        raw._next_block()
    if not ids:
        found = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
    else:
        found = np.concatenate(ids), np.concatenate(weights)
    for array in found:  # kept and shared between searches: read only
        array.flags.writeable = False
    return (*found, encoded) if values else found


def length_bytes(segment_reader, fieldname):
    """Each document's length of the field as the byte Whoosh stores (one a document), read at
    once; None where the segment stores no lengths of the field or not in Whoosh 3's column."""
    perdoc = getattr(segment_reader, "_perdoc", None)
    cached_reader = getattr(perdoc, "_cached_reader", None)
    if cached_reader is None:
        return None
    column = cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if not isinstance(column, NumericColumn.Reader) or column._fixedlen != 1:
        return None
    size = segment_reader.doc_count_all()
    stored = np.zeros(size, dtype=np.uint8)
    count = min(column._count, size)  # documents after the last stored length have none
    if count:
        stored[:count] = np.frombuffer(column._dbfile.get(column._basepos, count), dtype=np.uint8)
    return stored


def _term_docs(reader, fieldname, text) -> set:
    """Global docnums of one term's postings (deleted documents excluded)."""
    docs = set()
    for sub, base in reader.leaf_readers():
        if (fieldname, text) not in sub:
            continue
        read = None
        if hasattr(sub, "_text_to_bytes"):
            read = segment_postings(sub, fieldname, sub._text_to_bytes(fieldname, text))
        if read is not None:
            ids = read[0]
            ids = ids[live_mask(sub.doc_count_all(), deleted_of(sub))[ids]]
            docs.update((ids + base).tolist())
        else:
            docs.update(base + i for i in sub.postings(fieldname, text).all_ids())
    return docs


def query_docs(searcher, q) -> set:
    """Docnums matching ``q`` (unscored), with set algebra for the shapes the compiler emits."""
    if isinstance(q, wq.Term):
        return _term_docs(searcher.reader(), q.fieldname, q.text)
    if isinstance(q, (wq.Or, wq.DisjunctionMax)):
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
