"""What a visitor sees when django-axes has locked a user name after too many wrong passwords."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response, credentials):
    """A page that says, in the visitor's language, why logging in is paused and for how long."""
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(
        request,
        "praksisnet/login_locked.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def client_ip(request):
    """The address login attempts are counted against.

    Behind PRAKSISNET_PROXY_COUNT reverse proxies (production.py reads DJANGO_PROXY_COUNT), every
    request comes from the last proxy, so the client is the entry that many places from the right
    of X-Forwarded-For (each proxy appends the address it saw; entries further left can be forged).
    """
    count = getattr(settings, "PRAKSISNET_PROXY_COUNT", 0)
    forwarded = [
        a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
    ]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
