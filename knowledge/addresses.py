"""A page's full address as the visitor reached the site: the request's host, not the Site's.

Wagtail builds full URLs from the Site record's root URL, which on a fresh install is
http://localhost/ (the default Site), so links in the API and the exports did not open from
another machine; the feeds already used the request. Every absolute link the site hands out
goes through here.
"""


def full_url(page, request=None):
    """The page's absolute URL on the host and scheme of request (Wagtail's own without one)."""
    if request is None:
        return page.get_full_url()
    # get_url is relative for a page of the request's own site and absolute for another
    # site's page; build_absolute_uri leaves an absolute URL as it is.
    return request.build_absolute_uri(page.get_url(request))


def absolute(path, request):
    """path (e.g. an API detail address) on the host and scheme of request."""
    return request.build_absolute_uri(path)


def on_base_url(path):
    """path on the site's configured address (PRAKSISNET_BASE_URL), for e-mails sent without a
    request (the digest command)."""
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
