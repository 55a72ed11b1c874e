"""Uploaded images, served by Django behind the same privacy check as attachments.

A web server serving MEDIA_ROOT would hand any picture of a draft, members-only or restricted
experiment to whoever has (or guesses) its address. So every file under MEDIA_URL goes through
this view: an original (``original_images/...``) or a rendition (``images/...``) is served
when file_privacy allows it for its image; anything else there is "not found" (documents have
their own checked address, /documents/<id>/<name>).

By default Django streams the file. Behind nginx or Apache the check can stay in Django and the
sending move to the web server: PRAKSISNET_MEDIA_SENDFILE = "x-accel-redirect" (nginx: an
``internal`` location at PRAKSISNET_MEDIA_INTERNAL_URL aliased to MEDIA_ROOT) or "x-sendfile"
(Apache mod_xsendfile); see README, "Running in production".
"""

import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from .file_privacy import is_public, is_readable_by

IMAGE_FOLDERS = ("original_images/", "images/")


def image_of(path):
    """The image a media path belongs to (its original or one of its renditions), or None."""
    if not path.startswith(IMAGE_FOLDERS):
        return None
    image_model = get_image_model()
    image = image_model.objects.filter(file=path).first()
    if image is None:
        rendition = (
            image_model.get_rendition_model()
            .objects.filter(file=path)
            .select_related("image")
            .first()
        )
        image = rendition.image if rendition else None
    return image


def file_response(request, path, public):
    sendfile = getattr(settings, "PRAKSISNET_MEDIA_SENDFILE", "")
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if sendfile == "x-accel-redirect":
        response = HttpResponse(content_type=content_type)
        internal = settings.PRAKSISNET_MEDIA_INTERNAL_URL.rstrip("/")
        response["X-Accel-Redirect"] = f"{internal}/{path}"
    elif sendfile == "x-sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = str(Path(settings.MEDIA_ROOT) / path)
    else:
        try:
            handle = (Path(settings.MEDIA_ROOT) / path).open("rb")
        except OSError:
            raise Http404(_("This file is no longer on the server.")) from None
        response = FileResponse(handle, content_type=content_type)
    if public:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        # Only this reader may have it: no shared cache may keep it for the next one.
        patch_cache_control(response, private=True, max_age=0)
    return response


def serve_media(request, path):
    """/media/<path>: an image file, if the reader may see a page using the image."""
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or "\\" in path:
        raise Http404(_("No such file."))
    image = image_of(path)
    if image is None:
        raise Http404(_("No such file."))
    user = request.user
    if is_public(image):
        return file_response(request, path, public=True)
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_readable_by(image, user):
        return HttpResponse(_("This picture belongs to pages you cannot read."), status=403)
    return file_response(request, path, public=False)
