"""Images with required alt text: every picture on the network must be described for screen readers."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PraksisImage(AbstractImage):
    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("Describe what the picture shows for someone who cannot see it."),
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.description


class PraksisRendition(AbstractRendition):
    image = models.ForeignKey(PraksisImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
