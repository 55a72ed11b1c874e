"""{% cached_listing "name" part ... %}…{% end_cached_listing %}: a fragment from the listing cache.

The key is built in one place (knowledge.cache.listing_key) from the name and parts given here,
the reader's visibility class, the language and the version of the scope the name is declared
to show (knowledge.cache.LISTING_SCOPES; a scope with an id takes it from the first part), so a
fragment changes with what it shows and is never shared between readers who may see different
experiments. Previews are never cached.
"""

from django import template

from knowledge.cache import cached_listing

register = template.Library()


class CachedListingNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        return cached_listing(name, request.user, parts, lambda: self.nodelist.render(context))


@register.tag("cached_listing")
def do_cached_listing(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            'cached_listing needs a name: {% cached_listing "name" part ... %}'
        )
    nodelist = parser.parse(("end_cached_listing",))
    parser.delete_first_token()
    return CachedListingNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
