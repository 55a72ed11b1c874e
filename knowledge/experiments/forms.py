"""Admin forms that check what one model's clean() cannot see: the rows of its inline panels."""

from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from .links import LinkError, check_link


def chosen_in(form, formset_name, field_name):
    """(inline form, chosen object) for each row that will be saved and has field_name filled in.

    Yields nothing while the rows themselves have errors: those are shown first.
    """
    formset = form.formsets.get(formset_name)
    if formset is None or not formset.is_valid():
        return
    for child in formset.forms:
        if not getattr(child, "cleaned_data", None):
            continue
        if formset.can_delete and formset._should_delete_form(child):
            continue
        chosen = child.cleaned_data.get(field_name)
        if chosen is not None:
            yield child, chosen


def _team_from_message(school_title):
    # Lazy, and with "%" doubled: ValidationError formats the message with the posted value.
    return lazy(
        lambda: (_("Choose a team from %(school)s.") % {"school": school_title}).replace("%", "%%"),
        str,
    )()


class ExperimentPageForm(WagtailAdminPageForm):
    """Refuses "builds on" links to the experiment itself, to unpublished pages, or in a loop."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A page being created has no place in the tree yet: tell its clean() which school it is
        # for, so a team from another school is refused (ExperimentPage._school_for_validation;
        # tests/test_models.py and tests/test_moderation.py depend on this).
        if self.parent_page is not None:
            self.instance._parent_school = self.parent_page
            self._offer_only_the_schools_teams(self.parent_page)

    def _offer_only_the_schools_teams(self, school):
        """The team list holds the teams of the page's school (2 of the network's 45), not a
        chooser over every team; a team from elsewhere is refused anyway (the model's clean)."""
        from schools.models import TeacherTeam

        field = self.fields.get("team")
        if field is None:
            return
        field.queryset = TeacherTeam.objects.filter(school_id=school.pk).order_by("name")
        # Lazy: the admin switches to the user's language only when it renders the form.
        field.empty_label = gettext_lazy("No team chosen")
        field.label_from_instance = lambda team: team.name  # the school goes without saying
        # A team from elsewhere (a crafted post) gets the model's own message, not "not a choice".
        field.error_messages = {
            **field.error_messages,
            "invalid_choice": _team_from_message(school.title),
        }

    def clean_slug(self):
        """A slug taken by another page of the school gets a number, while the page has never been
        published: an abandoned form's autosaved draft must not block the next try with the same
        title, and teachers never see the slug (it sits on the Promote tab)."""
        slug = self.cleaned_data.get("slug")
        parent = self.parent_page
        if not slug or parent is None or self.instance.first_published_at is not None:
            return slug
        siblings = parent.get_children()
        if self.instance.pk:
            siblings = siblings.not_page(self.instance)
        taken = set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True))
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate

    def clean(self):
        cleaned_data = super().clean()
        page = self.instance
        if cleaned_data.get("title"):
            page.title = cleaned_data["title"]  # the loop message names the title being typed
        seen = set()
        for child, target in chosen_in(self, "links", "target"):
            if target.pk in seen:
                child.add_error("target", _("This experiment is already linked above."))
                continue
            seen.add(target.pk)
            try:
                check_link(page, target, getattr(self, "for_user", None))
            except LinkError as error:
                child.add_error("target", str(error))
        return cleaned_data
