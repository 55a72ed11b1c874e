"""One model instance as a Whoosh document (a dict of field name -> text)."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Manager, prefetch_related_objects
from django.db.models.constants import LOOKUP_SEP
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from .facet_columns import FACETS_FIELD, document_facets
from .schema import (
    AUTOCOMPLETE_PREFIX,
    SEARCH_PREFIX,
    content_type_labels,
    filter_term,
    term_filter_fields,
)
from .spelling import SpellingVocabulary


class DocumentBuilder:
    """Turns one model instance into a Whoosh document (a dict of field name -> text).

    Related objects' values are joined with newlines into one field per path.
    """

    def __init__(self, model):
        self.model = model
        self.search_fields = model.get_search_fields()
        self.labels = " ".join(content_type_labels(model))
        self.filter_fields = [
            (name, field.attname) for field, name in term_filter_fields(model).items()
        ]

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
                    self._collect(
                        sub_obj, field.fields, prefix + field.field_name + LOOKUP_SEP, out
                    )
            elif isinstance(field, (SearchField, AutocompleteField)):
                text = self.prepare_value(field.get_value(obj))
                if not text:
                    continue
                name = (
                    (SEARCH_PREFIX if isinstance(field, SearchField) else AUTOCOMPLETE_PREFIX)
                    + prefix
                    + field.field_name
                )
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
        facets = document_facets(obj)
        if facets is not None:
            doc[FACETS_FIELD] = facets
        return doc

    @staticmethod
    def spelling_words(doc) -> set[str]:
        """The words of a document's searchable text, for the spelling vocabulary."""
        return SpellingVocabulary.words_of(
            text for name, text in doc.items() if name.startswith(SEARCH_PREFIX)
        )
