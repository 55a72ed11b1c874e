"""Guessing the shared password of a password-restricted page is limited like logging in.

Wagtail's password form (``/_util/authenticate_with_password/<restriction>/<page>/``) takes any
number of tries. django-axes counts logins only, so this wrapper counts wrong passwords in
Django's cache, per restriction and client address (the address as the login limits read it):
after PAGE_PASSWORD_FAILURE_LIMIT wrong tries the form answers 429 with a Danish page, even to
the right password, until PAGE_PASSWORD_COOLOFF has passed. The cache must be shared by all
processes (production.py: Redis or a file cache), or each worker would count on its own.
"""

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from wagtail import views as wagtail_views

from .login_limits import client_ip


def failure_limit():
    return getattr(settings, "PAGE_PASSWORD_FAILURE_LIMIT", 10)


def cooloff_seconds():
    return int(settings.PAGE_PASSWORD_COOLOFF.total_seconds())


def failures_key(request, page_view_restriction_id):
    return f"page-password-failures:{page_view_restriction_id}:{client_ip(request)}"


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password view, refused after too many wrong passwords from one address."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    key = failures_key(request, page_view_restriction_id)
    if cache.get(key, 0) >= failure_limit():
        minutes = round(cooloff_seconds() / 60)
        return render(
            request, "praksisnet/page_password_locked.html", {"minutes": minutes}, status=429
        )
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code in (301, 302):  # the right password: on to the page
        cache.delete(key)
    elif response.status_code == 200:  # the form again: a wrong password
        cache.add(key, 0, cooloff_seconds())
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, cooloff_seconds())
    return response
