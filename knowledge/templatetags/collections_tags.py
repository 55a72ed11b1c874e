"""Collections in templates: thin tags over knowledge.curation.queries, for the reader."""

from django import template

from knowledge.curation import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def collection_entries(context, collection):
    return queries.collection_entries(collection, context["request"].user)


@register.simple_tag(takes_context=True)
def collections_for(context, page):
    return queries.collections_for(page, context["request"].user)


@register.simple_tag(takes_context=True)
def collections_in_folder(context, folder):
    return queries.collections_in_folder(folder, context["request"].user)


@register.simple_tag
def collection_byline(collection):
    return queries.collection_byline(collection)
