"""The admin's image form, refusing pictures that would hurt the server before they are decoded.

Wagtail checks an upload's pixel count only after Willow has decoded the whole picture (Willow's
Pillow plugin calls load()). A small file whose header claims 8000 × 8000 pixels is decoded into
~200 MB of memory first; if its data is cut short the decoder raises OSError and the editor gets a
server error. Here the size is read from the header alone, and a file that cannot be decoded gets
Wagtail's "not a valid image" message. Wired in by WAGTAILIMAGES_IMAGE_FORM_BASE.
"""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def header_size(upload):
    """(width, height) from the file's header, without decoding; None if Pillow cannot tell.

    Raises PIL's DecompressionBombError when the header claims more than twice Pillow's limit.
    """
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(upload) as image:
                return image.size
    except PILImage.DecompressionBombError:
        raise
    except Exception:  # noqa: BLE001 - not Pillow's format (e.g. SVG): Wagtail's checks decide
        return None
    finally:
        upload.seek(0)


class SafeImageField(WagtailImageField):
    def _too_many_pixels(self, num_pixels):
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {"num_pixels": num_pixels, "max_pixels_count": self.max_image_pixels},
            code="file_too_many_pixels",
        )

    def check_image_pixel_size(self, f):
        try:
            size = header_size(f)
        except PILImage.DecompressionBombError:
            raise self._too_many_pixels(_("unknown number")) from None
        if size and self.max_image_pixels is not None:
            num_pixels = size[0] * size[1]
            if num_pixels > self.max_image_pixels:
                raise self._too_many_pixels(num_pixels)
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - truncated or corrupt data, found on decoding
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class PraksisImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, SafeImageField):
            self.fields["file"] = SafeImageField(
                label=field.label, required=field.required, widget=field.widget
            )
