"""The index schema and how model fields map onto it.

Every ``SearchField`` (including ones nested in ``RelatedFields``, e.g. ``authors__name``) is its
own Whoosh field ``s__<path>``, so per-field boosts count at query time (BM25F);
``AutocompleteField``\\ s are ``a__<path>`` (no stemming, prefix matching); simple
``FilterField``\\ s are ``f__<name>`` terms, so the common filters of a search run inside Whoosh.
The schema is generic (glob fields): adding a field to a model needs no schema change.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from modelsearch.backends.base import get_model_root
from modelsearch.index import FilterField, Indexed, RelatedFields, SearchField, get_indexed_models
from whoosh.fields import ID, KEYWORD, TEXT, Schema

from . import danish
from .facet_columns import FACETS_FIELD, FacetsColumn
from .positions import WordPositions

SEARCH_PREFIX = "s__"
AUTOCOMPLETE_PREFIX = "a__"
FILTER_PREFIX = "f__"

#: Model field types whose FilterField values are also indexed, so the common filters of a
#: search (live, members_only, content type, exact/in on simple columns) run inside Whoosh.
TERM_FILTER_TYPES = (
    models.BooleanField,
    models.CharField,
    models.IntegerField,
    models.AutoField,
    models.ForeignKey,
)


def build_schema(analyzer) -> Schema:
    schema = Schema(
        pk=ID(stored=True, unique=True, sortable=True),
        ct=KEYWORD(),
    )
    schema.add(FACETS_FIELD, FacetsColumn())
    searchable = TEXT(analyzer=analyzer, phrase=True)
    searchable.format = WordPositions(field_boost=searchable.format.field_boost)
    schema.add(SEARCH_PREFIX + "*", searchable, glob=True)
    schema.add(
        AUTOCOMPLETE_PREFIX + "*",
        TEXT(analyzer=danish.AutocompleteAnalyzer(), phrase=False),
        glob=True,
    )
    schema.add(FILTER_PREFIX + "*", ID(), glob=True)
    return schema


def fit_to_schema(doc, schema) -> dict:
    """The document without fields an older index's schema lacks (built before they existed)."""
    return {name: value for name, value in doc.items() if name in schema}


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
        if (
            isinstance(model_field, TERM_FILTER_TYPES)
            and model_field.concrete
            and not model_field.many_to_many
        ):
            fields[model_field] = FILTER_PREFIX + model_field.name
    return fields
