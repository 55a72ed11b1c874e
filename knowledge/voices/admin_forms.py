"""The admin form of an open question: the owner can only be what the user leads or curates."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from schools.models import SchoolPage

from .permissions import municipalities_curated_by, schools_led_by


class OpenQuestionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        led = schools_led_by(user).order_by("title")
        curated = municipalities_curated_by(user).order_by("title")
        self.fields["owner_school"].queryset = led
        self.fields["owner_municipality"].queryset = curated
        if not self.instance.pk:
            if led.count() == 1 and not curated.exists():
                self.fields["owner_school"].initial = led.first().pk
            elif curated.count() == 1 and not led.exists():
                self.fields["owner_municipality"].initial = curated.first().pk
        # Respondents choose among the schools the owner answers for.
        reachable = SchoolPage.objects.filter(pk__in=led.values("pk"))
        for municipality in curated:
            reachable = reachable | SchoolPage.objects.child_of(municipality)
        self.fields["schools"].queryset = reachable.distinct().order_by("title")

    def clean(self):
        cleaned = super().clean()
        school, municipality = cleaned.get("owner_school"), cleaned.get("owner_municipality")
        if bool(school) == bool(municipality):
            self.add_error(
                None, _("Choose either the school or the municipality that asks the question.")
            )
        groups = [
            cleaned.get(f) for f in ("for_pupils", "for_parents", "for_teachers", "for_staff")
        ]
        if not any(groups):
            self.add_error(None, _("Choose at least one group that may answer."))
        closes, opens = cleaned.get("closes_at"), cleaned.get("opens_at")
        if closes and opens and closes <= opens:
            self.add_error("closes_at", _("The question must close after it opens."))
        chosen = cleaned.get("schools")
        if school and chosen and any(s.pk != school.pk for s in chosen):
            self.add_error("schools", _("A school's question can only be answered at that school."))
        if (
            municipality
            and chosen
            and any(not s.path.startswith(municipality.path) for s in chosen)
        ):
            self.add_error("schools", _("Choose only schools in the municipality."))
        return cleaned
