"""The postings format of the searchable (``s__``) fields: Whoosh's ``Positions``, gathered
in one pass.

Whoosh's ``Positions.word_values`` drives the analyzer token by token (a Token object, a
generator step and two dictionary updates per word), which is the largest single cost of
indexing. For our ``WordAnalyzer`` the same postings come from one loop over the words
(``WordAnalyzer.term_positions``). The bytes written are Whoosh's own (``Positions.encode``),
so the index is read by Whoosh's decoding, and indexes written before this format stay readable.
"""

from functools import lru_cache

from whoosh.formats import Positions

from .danish import WordAnalyzer


@lru_cache(maxsize=65_536)
def encode_single_position(position: int) -> bytes:
    """Most words occur once in a field: their encoded position list is worth remembering."""
    return Positions.encode(None, [position])


class WordPositions(Positions):
    def word_values(self, value, analyzer, **kwargs):
        if (
            not isinstance(value, str)
            or not isinstance(analyzer, WordAnalyzer)
            or kwargs.get("start_pos")
        ):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        encode = self.encode
        for term, positions in analyzer.term_positions(value).items():
            count = len(positions)
            encoded = encode_single_position(positions[0]) if count == 1 else encode(positions)
            # Whoosh sums the tokens' boosts (always 1.0 from WordAnalyzer) for the weight.
            yield term, count, float(count) * boost, encoded
