"""What every Whoosh writer of this engine shares: segment names and an unlock that holds.

* **Segment names.** Whoosh names a new segment from the process-wide ``random`` module. Code
  that seeds it (a test framework does, for each generated example; so may any library)
  makes a writer draw a name an existing segment already has, and the commit then fails
  half-way, in ``create_compound_file``. ``CODEC`` draws the names from ``secrets``.
* **Unlocking.** A commit that fails half-way leaves Whoosh's lock held until the writer is
  garbage collected; every later writer in the process then waits for it (up to the
  storage's timeout) and the writes in between are lost. ``end_failed`` releases it.
"""

from __future__ import annotations

import contextlib
import secrets

from whoosh.codec.whoosh3 import W3Codec, W3Segment


class UniqueSegmentCodec(W3Codec):
    """Whoosh's default codec; only the names of new segments come from ``secrets``.

    The segments themselves carry a plain ``W3Codec``, so an index written with this codec
    is an ordinary Whoosh index (readers, the conformance suite and older builds open it).
    """

    def new_segment(self, storage, indexname):
        plain = W3Codec(self._blocklimit, self._compression, self._inlinelimit)
        return W3Segment(plain, indexname, segid=secrets.token_hex(8))


#: The codec every writer of the engine passes to Whoosh (``codec=CODEC``).
CODEC = UniqueSegmentCodec()


def end_failed(writer):
    """After a commit or a write failed: cancel what can be cancelled, and always unlock."""
    if not getattr(writer, "is_closed", True):
        with contextlib.suppress(Exception):
            writer.cancel()
    lock = getattr(writer, "writelock", None)
    if lock is not None and getattr(lock, "fd", None) is not None:
        lock.release()
