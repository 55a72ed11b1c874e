"""Template filters for the picture of a question."""

from django import template

register = template.Library()


@register.filter
def get_item(container, key):
    """container[key] for a dict or a list; None when it has no such key."""
    try:
        return container[key]
    except (KeyError, IndexError, TypeError):
        return None
