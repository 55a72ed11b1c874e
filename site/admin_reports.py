"""Wagtail's page-types report is an administrator's tool.

It counts every page of the network by type, drafts of every school included, and names the
last edited page of each type. A teacher or a curator would learn how many unpublished pages
other schools hold; the counts cannot be cut to what each reader may see without rewriting the
report, and nobody but an administrator needs it. So it is for administrators only: the menu
item is hidden (schools/wagtail_hooks.py) and the addresses answer 403 to anyone else.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

#: The name of the report's item in Wagtail's reports menu.
MENU_ITEM_NAME = "page-types-usage"


def may_see_page_types_report(user) -> bool:
    return user.is_active and user.is_superuser


class AdministratorsPageTypesReport(PageTypesUsageReportView):
    def dispatch(self, request, *args, **kwargs):
        if not may_see_page_types_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
