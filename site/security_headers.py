"""Content-Security-Policy and Permissions-Policy on every response.

The public site runs no inline script or style, so its policy allows only the site's own files.
Wagtail's admin writes inline scripts (date pickers, inline panels) and style attributes, previews
images from blob: URLs and frames its own previews, so paths under /admin/ get the looser
ADMIN_CONTENT_SECURITY_POLICY directives in place of the public ones.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings

#: Browser features the site never uses, switched off for the site and anything it frames.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "usb",
    )
)

ADMIN_PATH_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's directives replacing the public ones under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PATH_PREFIX):
            parts.replace = {**settings.ADMIN_CONTENT_SECURITY_POLICY, **(parts.replace or {})}
        return parts


class PermissionsPolicyMiddleware:
    """Django 5.2 has no setting for Permissions-Policy; this sets it unless a view already did."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
