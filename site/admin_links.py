"""The admin's link chooser, where a pasted address of a page becomes an internal link, names
that page by the title its reader may know (see admin_titles.py)."""

import json

from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.chooser import ExternalLinkView
from wagtail.models import Page


class ReaderTitleExternalLinkView(ExternalLinkView):
    """Wagtail's "external link" step, where an address of one of the site's own pages becomes
    an internal link. Wagtail names the page found by its ``draft_title`` (in the confirmation
    and in the link it hands to the editor), not through ``get_admin_display_title``: the
    page's name is replaced here by the one its reader may know."""

    CONFIRM_STEP = "confirm_external_to_internal"

    def post(self, request):
        response = super().post(request)
        data = json.loads(response.content)
        step = data.get("step")
        internal = data.get("internal") if step == self.CONFIRM_STEP else data.get("result")
        if not isinstance(internal, dict) or "id" not in internal:
            return response  # an external link, or the form again
        page = Page.objects.filter(pk=internal["id"]).specific().first()
        title = page.get_admin_display_title() if page is not None else internal["adminTitle"]
        if title == internal["adminTitle"]:
            return response
        internal["adminTitle"] = title
        if step != self.CONFIRM_STEP:
            return render_modal_workflow(request, None, None, None, json_data=data)
        submitted_url = data["external"]["url"]
        return render_modal_workflow(
            request,
            "wagtailadmin/chooser/confirm_external_to_internal.html",
            None,
            {
                "submitted_url": submitted_url,
                "internal_url": (
                    page.get_url(request=request)
                    if submitted_url.startswith("/")
                    else page.get_full_url(request=request)
                ),
                "page": title,
            },
            json_data={key: value for key, value in data.items() if key != "html"},
        )
