"""The experiment chooser names a chosen experiment by title, school and year.

Titles repeat across the network ("Stafetmatematik" at seven schools), so the chosen title
alone does not tell a curator or a teacher which one they picked.
"""

from django.utils.translation import gettext as _
from wagtail.admin.widgets import AdminPageChooser


class ExperimentChooser(AdminPageChooser):
    def __init__(self, **kwargs):
        super().__init__(target_models=["knowledge.ExperimentPage"], **kwargs)

    def get_display_title(self, instance):
        from knowledge.places import listing_year

        school = instance.get_parent()
        year = listing_year(getattr(instance, "start_date", None), instance.first_published_at)
        where = ", ".join(str(part) for part in (school.title if school else None, year) if part)
        title = instance.get_admin_display_title()
        return _("%(title)s (%(where)s)") % {"title": title, "where": where} if where else title
