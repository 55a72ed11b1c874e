"""Search results: the Whoosh query runs lazily, the ORM filters, orders and fetches.

Simple filters (an AND of exact/in lookups on boolean, text, integer and foreign-key
FilterFields: live, members_only, content type...) run inside Whoosh on ``f__<name>`` terms,
so the top hits come straight from the index. Any other filter, and ordering, is applied by
the ORM on the matched primary keys, so every lookup Django supports works.
"""

from __future__ import annotations

import functools
import logging
from collections import OrderedDict

import numpy as np
from django.db.models import Count
from django.db.models.expressions import Col
from django.db.models.lookups import Exact, In
from modelsearch.backends.base import BaseSearchResults, FilterFieldError, get_model_root
from modelsearch.index import get_indexed_models
from whoosh import query as wq
from whoosh.index import LockError

from . import hybrid
from .array_scoring import matching
from .compiler import WhooshAutocompleteQueryCompiler
from .postings import searcher_cache
from .schema import filter_term, model_label, term_filter_fields
from .segment_scores import scored_matches
from .spelling import SpellingVocabulary
from .storage import IndexUnavailable

logger = logging.getLogger("knowledge.search")

#: Above this many matches, ORM filtering scans the filtered queryset instead of ``pk__in``.
MAX_PK_IN = 10_000


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

    @property
    def searched_near_misses(self) -> bool:
        """True when no word typed is in the index, so words a letter or two away were searched
        (the search page says so)."""
        self._prepare()
        return bool(getattr(self.query_compiler, "near_misses_only", False))

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
            "Run `manage.py update_index` to rebuild it.",
            index.get_key(),
            exc,
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

    def _dense(self):
        """The vectors' side of this search (hybrid.py), or None for a lexical-only search."""
        if "dense" not in self._shared:
            self._shared["dense"] = None
            autocomplete = isinstance(self.query_compiler, WhooshAutocompleteQueryCompiler)
            if autocomplete or not self.backend.vectors.dotted_path:
                return None
            searcher, _, ct = self._prepared_tuple()
            vocabulary = SpellingVocabulary.load(searcher._ix.storage.folder)
            text = hybrid.dense_text(self.query_compiler, self.backend.analyzer, vocabulary)
            if text is not None:
                try:
                    dense = hybrid.dense_side(searcher, self.backend.vectors, text, ct)
                except (OSError, ValueError, KeyError) as exc:
                    # A missing or broken vector file costs the meaning, never the search.
                    logger.warning("Searching on words alone: the vectors are unreadable (%s)", exc)
                    dense = None
                self._shared["dense"] = dense
        return self._shared["dense"]

    def _whoosh_filters(self, reader):
        """The queryset's filters as Whoosh term queries, or None if any of them cannot be.

        Translated: a plain AND of ``exact``/``in`` lookups with literal bool/int/str values on
        columns of the searched model that every indexed model below it indexes as a term
        (``live``, ``members_only``, content type...). Anything else leaves all filtering to
        the ORM, as does an index built before filter terms existed.
        """
        query = self.query_compiler.queryset.query
        where = query.where
        if (
            query.is_sliced
            or query.distinct
            or query.combinator
            or where.negated
            or where.connector != "AND"
        ):
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
            if (
                name is None
                or name not in present
                or lookup.lhs.alias != target.model._meta.db_table
            ):
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
    @functools.cache
    def _shared_filter_fields(model):
        """Term filter fields of ``model`` that every indexed model at or below it indexes too."""
        fields = term_filter_fields(model)
        for other in get_indexed_models():
            if other is not model and issubclass(other, model):
                theirs = term_filter_fields(other)
                fields = {
                    field: name for field, name in fields.items() if theirs.get(field) == name
                }
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
            if (
                cached_limit is None
                or (limit is not None and cached_limit >= limit)
                or len(hits) < cached_limit
            ):
                return hits if limit is None else hits[:limit]

        def run():
            searcher, q, ct = self._prepared_tuple()
            dense = self._dense()
            text = self.query_compiler.query if dense is not None else None  # in the key
            key = (
                "scored",
                repr(q),
                repr(ct),
                repr(text),
                limit,
                self.query_compiler.queryset.model,
            )
            hits = searcher_cache(searcher).get(key)
            if hits is None:
                # Every match scored, from the segments' kept scores where a commit left them
                # alone (segment_scores); the hybrid fuses over every lexical hit, as one far
                # down in words may be near in meaning.
                ranking = scored_matches(searcher, q, ct)
                if dense is None:
                    to_python = self.query_compiler.queryset.model._meta.pk.to_python
                    hits = [
                        (to_python(pk), float(score))
                        for pk, score in zip(ranking.pks[:limit], ranking.scores[:limit])
                    ]
                else:
                    convert = self._pk_converter(searcher)
                    docnums, scores = dense.fuse(ranking.docnums, ranking.scores)
                    # The lexical hits' pks are in the ranking; only those found by meaning
                    # alone are read from the pk column.
                    to_python = self.query_compiler.queryset.model._meta.pk.to_python
                    lexical = dict(zip(ranking.docnums, ranking.pks))
                    hits = [
                        (to_python(lexical[d]) if d in lexical else convert(d), score)
                        for d, score in zip(docnums[:limit].tolist(), scores[:limit].tolist())
                    ]
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
                    docs = matching(searcher, q if ct is None else wq.And([q, ct]))
                    searcher_cache(searcher)[key] = docs
                dense = self._dense()
                if dense is not None:
                    near = np.fromiter((d for d, _ in dense.candidates), dtype=np.int64)
                    docs = np.union1d(docs, near)
                return searcher, docs.tolist()

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
            return [pk for pk, _ in self._relevance_hits()[self.start : self.stop]]
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
            objs = list(qs[self.start : self.stop])
        elif self.query_compiler.order_by_relevance:
            page = self._relevance_hits()[self.start : self.stop]
            scores = dict(page)
            objs = self._fetch(qs, [pk for pk, _ in page])
        else:
            pks = self._unscored()
            if len(pks) <= MAX_PK_IN:
                ordered = qs.filter(pk__in=pks)
                if not ordered.query.order_by:
                    ordered = ordered.order_by("-pk")
                objs = list(ordered[self.start : self.stop])
            else:
                matching = set(pks)
                ordered = qs if qs.query.order_by else qs.order_by("-pk")
                page = [pk for pk in ordered.values_list("pk", flat=True) if pk in matching][
                    self.start : self.stop
                ]
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
            return qs[self.start : self.stop].count()
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
