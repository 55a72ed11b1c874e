"""The QR code of a question's public answer page, as inline SVG drawn on the server (segno)."""

import segno
from django.urls import reverse
from django.utils.safestring import mark_safe


def answer_link(request, question):
    """The absolute address of the question's answer page, on the host the asker uses."""
    return request.build_absolute_uri(reverse("voices:answer", args=[question.key]))


def qr_svg(link: str, title: str = "") -> str:
    """Inline SVG of a QR code for ``link``; error level M still scans when a corner is creased."""
    code = segno.make(link, error="m", micro=False)
    return mark_safe(code.svg_inline(scale=6, border=4, title=title or None, svgclass="voices-qr"))
