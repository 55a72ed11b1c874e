"""What a visitor sees when django-axes has locked a user name after too many wrong passwords."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response, credentials):
    """A page that says, in the visitor's language, why logging in is paused and for how long."""
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(request, "praksisnet/login_locked.html", {"minutes": minutes},
                  status=settings.AXES_HTTP_RESPONSE_CODE)
