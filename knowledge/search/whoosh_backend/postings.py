"""Posting-level reads of Whoosh internals, and the per-searcher cache of their results.

Counts and facets need every match but no scores: instead of stepping a Whoosh matcher
document by document, the document numbers are read from whole posting blocks where the codec
allows (Whoosh 3 format) and combined with set algebra.
"""

from __future__ import annotations

from collections import OrderedDict

from whoosh import query as wq


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
            raw = terms.matcher(
                fieldname, sub._text_to_bytes(fieldname, text), sub.schema[fieldname].format
            )
        if raw is not None and hasattr(raw, "_read_ids") and hasattr(raw, "_next_block"):
            ids = []
            while raw.is_active():
                if raw._ids is None:
                    raw._read_ids()
                ids.extend(raw._ids[raw._i :])
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
