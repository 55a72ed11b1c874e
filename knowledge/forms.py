"""Admin forms that check what a single model's clean() cannot see: the rows of its inline panels."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .links import LinkError, check_link


def _kept_forms(formset):
    """The inline forms that will be saved: filled in and not marked for deletion."""
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or not form.cleaned_data:
            continue
        if formset.can_delete and formset._should_delete_form(form):
            continue
        yield form


class ExperimentPageForm(WagtailAdminPageForm):
    """Refuses "builds on" links to the experiment itself, to unpublished pages, or in a loop."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A page being created has no place in the tree yet: tell its clean() which school it is
        # for, so a team from another school is refused (ExperimentPage._school_for_validation).
        if self.parent_page is not None:
            self.instance._parent_school = self.parent_page

    def clean(self):
        cleaned_data = super().clean()
        links = self.formsets.get("links")
        if links is None or not links.is_valid():
            return cleaned_data
        page = self.instance
        if cleaned_data.get("title"):
            page.title = cleaned_data["title"]
        chosen = set()
        for form in _kept_forms(links):
            target = form.cleaned_data.get("target")
            if target is None:
                continue
            if target.pk in chosen:
                form.add_error("target", _("This experiment is already linked above."))
                continue
            chosen.add(target.pk)
            try:
                check_link(page, target)
            except LinkError as error:
                form.add_error("target", str(error))
        return cleaned_data


class CollectionPageForm(WagtailAdminPageForm):
    """A collection lists each experiment once, and only published ones."""

    def clean(self):
        cleaned_data = super().clean()
        items = self.formsets.get("items")
        if items is None or not items.is_valid():
            return cleaned_data
        chosen = set()
        for form in _kept_forms(items):
            experiment = form.cleaned_data.get("experiment")
            if experiment is None:
                continue
            if experiment.pk in chosen:
                form.add_error("experiment", _("This experiment is already in the collection."))
            elif not experiment.live:
                form.add_error(
                    "experiment",
                    _("“%(title)s” is not published. Choose a published experiment.")
                    % {"title": experiment.title},
                )
            chosen.add(experiment.pk)
        return cleaned_data
