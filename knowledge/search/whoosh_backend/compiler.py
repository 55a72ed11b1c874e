"""Compiles the modelsearch query tree into ``whoosh.query`` objects.

User text is tokenised with the same analyzer as at index time (never Whoosh's QueryParser);
compounds are split or joined against the index's own vocabulary (see danish.py).
"""

from __future__ import annotations

from django.db.models.constants import LOOKUP_SEP
from modelsearch.backends.base import BaseSearchQueryCompiler, get_model_root
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from whoosh import query as wq

from . import danish
from .coverage import CoveringOr
from .schema import AUTOCOMPLETE_PREFIX, SEARCH_PREFIX
from .spelling import typo_distance


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
                name: boost
                for name, boost in boosts.items()
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
        self.synonyms = backend.synonyms.table()
        return self._compile(self.query)

    def has_term(self, term):
        hit = self._term_cache.get(term)
        if hit is None:
            hit = self._term_cache[term] = any(
                (name, term) in self.reader for name, _ in self.search_fields
            )
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
    #: Weight of a synonym against the word typed ("pjæk" for "fravær"): documents with the
    #: word itself rank first, those with only a synonym are still found.
    SYNONYM_BOOST = 0.5
    #: Weight of words near an unknown query word ("matematk" in a longer search).
    NEAR_MISS_BOOST = 0.5
    #: Proximity: two adjacent words of a best-match search found at most PROXIMITY_SLOP words
    #: apart add this weight (of one word's score): "lydbøger i frikvarteret" ranks a text
    #: about lydbøger in the frikvarter above one that names both in different paragraphs.
    PROXIMITY_BOOST = 0.5
    PROXIMITY_SLOP = 4

    def knows(self, folded, term):
        """Whether the index has the word, or the parts of it as a compound."""
        return self.has_term(term) or bool(danish.compound_splits(folded, self.has_term))

    def _synonym_clauses(self, folded, term):
        """The word's synonyms from the backend's table, each weighted below the word itself.

        A synonym of several words is a phrase ("læse højt"); one that is part of the word typed
        ("stationer" in "stationsundervisning") is left out: the word's own parts already count.
        """
        clauses = []
        for terms in self.synonyms.get(term, ()):
            if len(terms) == 1:
                if terms[0] in folded:
                    continue
                clause = self._term(terms[0])
            else:
                clause = self._fields_query(
                    lambda f, b, terms=terms: wq.Phrase(f, list(terms), boost=b)
                )
            if clause is not wq.NullQuery:
                clauses.append(self._boosted(clause, self.SYNONYM_BOOST))
        return clauses

    def _near_miss(self, term):
        """Words a letter or two away from a term (as a fuzzy search looks for them)."""
        maxdist = typo_distance(term)
        return self._fields_query(
            lambda f, b: wq.FuzzyTerm(
                f, term, boost=b * self.NEAR_MISS_BOOST, maxdist=maxdist, prefixlength=1
            )
        )

    def _word_clause(self, folded, term, correct_typos=False):
        """``(clause, own forms)``: the word's term, or, ranked below it, all its parts when it
        is a compound and its synonyms; own forms is the clause without the synonyms (None when
        the word has none)."""
        own = self._compound_clause(folded, term)
        if correct_typos and own is not wq.NullQuery and not self.knows(folded, term):
            own = self._near_miss(term)
        synonyms = self._synonym_clauses(folded, term)
        # The best of the word and its synonyms, not their sum: synonyms widen, never outweigh.
        return (wq.DisjunctionMax([own] + synonyms), own) if synonyms else (own, None)

    def _compound_clause(self, folded, term):
        """The word's term, or, ranked below it, all its parts when it is a compound."""
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
        operator = query.operator
        if operator == "or" and all(danish.is_stop_word(f) for f, _ in words):
            # Only stop words ("hvordan kan vi"): searched as typed, every word, never "any
            # document with "vi"".
            operator = "and"
        # A word the index does not know (nor its parts) is searched by its near misses in this
        # first search; when no word is known and none has synonyms, the results say so.
        correct_typos = operator == "or"
        clauses, own_forms = zip(*(self._word_clause(f, t, correct_typos) for f, t in words))
        self.near_misses_only = correct_typos and not any(
            self.knows(f, t) or self.synonyms.get(t) for f, t in words
        )
        clauses = list(clauses)
        if operator == "or" and (len(clauses) > 1 or own_forms[0] is not None):
            # Best match: any word will do, covering more of the words (as typed) ranks higher.
            result = CoveringOr(clauses, own_forms=own_forms)
        else:
            result = self._combine(clauses, operator)
        # Adjacent words that form a compound in the index ("læse forståelse" -> læseforståelse).
        alternatives = []
        for i in range(len(words) - 1):
            term = danish.compose(words[i][0], words[i + 1][0], self.has_term)
            if term:
                compound = self._boosted(self._term(term), self.JOINED_WORDS_BOOST)
                if operator == "and":
                    alternatives.append(
                        self._combine(clauses[:i] + [compound] + clauses[i + 2 :], "and")
                    )
                else:
                    alternatives.append(compound)
        if operator == "or":
            alternatives += self._proximity_clauses(words)
        if alternatives:
            result = wq.Or([result] + alternatives)
        return result

    def _proximity_clauses(self, words):
        """A bonus for each pair of adjacent query words found close together (never a match
        of its own: a document with both words already matches each of them)."""
        clauses = []
        for (_, first), (_, second) in zip(words, words[1:]):
            if not (self.has_term(first) and self.has_term(second)) or first == second:
                continue
            clauses.append(
                self._fields_query(
                    lambda f, b, pair=(first, second): wq.Phrase(
                        f, list(pair), slop=self.PROXIMITY_SLOP, boost=b * self.PROXIMITY_BOOST
                    )
                )
            )
        return clauses

    def _phrase(self, query):
        words = [
            t
            for _, t in danish.query_words(query.query_string, self.analyzer, drop_stop_words=False)
        ]
        if not words:
            return wq.NullQuery
        if len(words) == 1:
            return self._term(words[0])
        return self._fields_query(lambda f, b: wq.Phrase(f, words, boost=b))

    def _fuzzy(self, query):
        words = [t for _, t in danish.query_words(query.query_string, self.analyzer)]
        clauses = []
        for term in words:
            maxdist = typo_distance(term)
            clauses.append(
                self._fields_query(
                    lambda f, b, term=term, maxdist=maxdist: wq.FuzzyTerm(
                        f, term, boost=b, maxdist=maxdist, prefixlength=1
                    )
                )
            )
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
        raise NotImplementedError(
            f"`{query.__class__.__name__}` is not supported by the Whoosh search backend."
        )

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
