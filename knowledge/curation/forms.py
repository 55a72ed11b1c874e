"""The collection's admin form: what CollectionPage.clean() cannot see, its inline items."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from knowledge.experiments.forms import chosen_in
from knowledge.experiments.links import unpublished_message


class CollectionPageForm(WagtailAdminPageForm):
    """A collection lists each experiment once, and only published ones."""

    def clean(self):
        cleaned_data = super().clean()
        seen = set()
        for child, experiment in chosen_in(self, "items", "experiment"):
            if experiment.pk in seen:
                child.add_error("experiment", _("This experiment is already in the collection."))
            elif not experiment.live:
                child.add_error(
                    "experiment", unpublished_message(experiment, getattr(self, "for_user", None))
                )
            seen.add(experiment.pk)
        return cleaned_data
