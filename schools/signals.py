"""Give every new school and municipality its groups as soon as the page exists."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .groups import ensure_municipality_groups, ensure_school_groups
from .models import MunicipalityPage, SchoolPage


@receiver(post_save, sender=SchoolPage)
def create_school_groups(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_school_groups(instance)


@receiver(post_save, sender=MunicipalityPage)
def create_municipality_groups(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_municipality_groups(instance)
