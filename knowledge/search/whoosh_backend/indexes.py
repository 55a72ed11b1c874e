"""The index of one model hierarchy: live writes, the bulk index of a rebuild, the rebuilder.

One Whoosh index per indexed model hierarchy root (``wagtailcore.Page``, ``testapp.Book``...).
Every document carries the labels of all indexed models it is an instance of (field ``ct``),
so a search on a child model only sees documents of that model.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from modelsearch.backends.base import BaseIndex
from whoosh import index as whoosh_index

from . import vectors as vector_file
from .bulk_writing import bulk_writer
from .documents import DocumentBuilder
from .schema import fit_to_schema
from .spelling import SpellingVocabulary
from .storage import IndexLocation, IndexUnavailable
from .writers import end_failed

logger = logging.getLogger("knowledge.search")


class IndexIncomplete(Exception):
    """A rebuilt index lacks documents that were written to it; it is not swapped in."""


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
        # Embedding is the slow part (about 0.1 s a document): done before taking the lock, and
        # only for texts the live index has no vector of yet.
        known = vector_file.known_vectors(os.path.realpath(self.location.live_path))
        vectors = self.backend.vectors.document_vectors(docs, known)
        with self.location.writer() as writer:
            for doc in docs:
                writer.update_document(**fit_to_schema(doc, writer.schema))
            self.location.journal.record_updates(docs)
            # Still under the write lock: the vectors and the spelling vocabulary of the live index.
            folder = os.path.realpath(self.location.live_path)
            if vectors:
                vector_file.update(folder, vectors)
            vocabulary = SpellingVocabulary(SpellingVocabulary.load(folder).counts)
            for doc in docs:
                vocabulary.add_document_words(DocumentBuilder.spelling_words(doc))
            vocabulary.save(folder)

    def delete_item(self, item):
        with self.location.writer() as writer:
            writer.delete_by_term("pk", str(item.pk))
            self.location.journal.record_deletion(str(item.pk))
            vector_file.update(os.path.realpath(self.location.live_path), deleted=[str(item.pk)])

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
        self.vectors = {}  # pk -> Embedded, saved beside the new generation at commit
        # The live index's vectors: an unchanged text is not embedded again.
        self.known_vectors = vector_file.known_vectors(os.path.realpath(self.location.live_path))
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
        docs = []
        for obj in items:
            doc = builder.build(obj)
            write(**doc)
            self.vocabulary.add_document_words(builder.spelling_words(doc))
            self.written += 1
            docs.append(doc)
        # One batch a chunk, of the texts whose vectors the live index does not have.
        self.vectors.update(self.backend.vectors.document_vectors(docs, self.known_vectors))

    def delete_item(self, item):
        self.writer.delete_by_term("pk", str(item.pk))
        self.vectors.pop(str(item.pk), None)

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
        if self.vectors:
            vector_file.update(str(self.generation), self.vectors)

    def cancel(self):
        end_failed(self.writer)


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

        def before_swap(replayed):
            if replayed:
                # Words of journalled documents join the new vocabulary too.
                for doc in location.journal.updated_documents():
                    self.bulk.vocabulary.add_document_words(DocumentBuilder.spelling_words(doc))
                self.bulk.vocabulary.save(str(self.bulk.generation))
                self._replay_vectors()

        replayed = location.finish_rebuild(self.bulk.generation, before_swap)
        logger.info(
            "Rebuilt search index %s (%d documents, %d journalled writes replayed, commit+swap %.2fs)",
            self.index.get_key(),
            self.bulk.written,
            replayed,
            time.monotonic() - started,
        )

    def _replay_vectors(self):
        """Bring the new generation's vectors in step with the journal replayed into it: the
        journalled updates embedded anew, and no vector of a document the index no longer has."""
        folder = str(self.bulk.generation)
        latest = {str(doc["pk"]): doc for doc in self.index.location.journal.updated_documents()}
        known = {**self.bulk.known_vectors, **vector_file.known_vectors(folder)}
        vectors = self.index.backend.vectors.document_vectors(list(latest.values()), known)
        with whoosh_index.open_dir(folder).reader() as reader:
            present = {fields["pk"] for fields in reader.all_stored_fields()}
        vector_file.update(folder, vectors, keep=present)
