"""Wagtail messages that Wagtail's own Danish catalogue leaves in English.

Never imported: it exists so that makemessages keeps these msgids in locale/da/LC_MESSAGES/django.po,
where our Danish wording overrides Wagtail's (LOCALE_PATHS comes first).
"""

from django.utils.translation import gettext_noop

WAGTAIL_IMAGE_UPLOAD_MESSAGES = [
    gettext_noop("Not a supported image format. Supported formats: %(supported_formats)s."),
    gettext_noop(
        "Not a valid .%(extension)s image. The extension does not match the file format "
        "(%(image_format)s)"
    ),
    gettext_noop("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."),
    gettext_noop(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    ),
    gettext_noop("This file is too big. Maximum filesize %(max_filesize)s."),
]
