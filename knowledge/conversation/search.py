"""Members search the conversations too: comments whose text holds every word of the query.

Only for logged-in members, only comments on experiments they may read (visible_to) and never a
hidden one, so the search page shows exactly what the experiment pages would show them. A plain
database match: comments are short and few beside the experiments the search engine indexes.
"""

import re

from knowledge.search.highlight import highlight

from .models import Comment

MAX_WORDS = 8
COMMENTS_SHOWN = 10


def comments_matching(user, query, limit=COMMENTS_SHOWN):
    if not user.is_authenticated or not query:
        return []
    words = [word for word in re.findall(r"\w+", query) if len(word) >= 2][:MAX_WORDS]
    if not words:
        return []
    comments = (
        Comment.objects.on_experiments_visible_to(user)
        .shown()
        .exclude(parent__hidden=True)
        .select_related("experiment", "author")
    )
    for word in words:
        comments = comments.filter(body__icontains=word)
    found = list(comments.order_by("-created_at", "-pk")[:limit])
    for comment in found:
        comment.snippet = highlight(comment.body, query)
    return found
