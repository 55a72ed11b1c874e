"""How often one member may write: a few comments in a short while, then a pause.

Counted in Django's cache (shared between processes in production, see production.py), per
member: a member who writes more than COMMENTS_PER_WINDOW within WINDOW_SECONDS is asked to wait.
"""

from django.core.cache import cache

COMMENTS_PER_WINDOW = 5
WINDOW_SECONDS = 10 * 60


def _key(user):
    return f"praksisnet:conversation:writes:{user.pk}"


def may_write_now(user):
    """Count one more comment by user; False when that would be too many in the window."""
    key = _key(user)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= COMMENTS_PER_WINDOW
