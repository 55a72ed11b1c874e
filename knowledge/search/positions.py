"""The postings format of the searchable (``s__``) fields: Whoosh's ``Positions``, gathered
in one pass.

Whoosh's ``Positions.word_values`` drives the analyzer token by token (a Token object, a
generator step and two dictionary updates per word), which is the largest single cost of
indexing. For our ``WordAnalyzer`` the same postings come from one loop over the words
(``WordAnalyzer.term_positions``). The bytes written are Whoosh's own (``Positions.encode``),
so the index is read by Whoosh's decoding, and indexes written before this format stay readable.
"""

from whoosh.formats import Positions

from .danish import WordAnalyzer


class WordPositions(Positions):
    def word_values(self, value, analyzer, **kwargs):
        if not isinstance(value, str) or not isinstance(analyzer, WordAnalyzer) or kwargs.get("start_pos"):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        encode = self.encode
        for term, positions in analyzer.term_positions(value).items():
            # Whoosh sums the tokens' boosts (always 1.0 from WordAnalyzer) for the weight.
            yield term, len(positions), float(len(positions)) * boost, encode(positions)
