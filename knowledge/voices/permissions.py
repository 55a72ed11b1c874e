"""Who may read a question's raw answers: its owner's group and administrators, nobody else.

A school's question belongs to the school's leaders ("<school>: ledere"), a municipality's to
its curators ("<municipality>: kuratorer"); teachers, other schools' leaders and other
municipalities' curators never see the answers. Every view of questions, answers and analyses
goes through ``questions_for(user)``.
"""

from django.db.models import Q

from schools.models import MunicipalityPage, SchoolPage

from .models import OpenQuestion


def _group_ids(user):
    """The user's group ids, read once per user object (a list asks for each row's buttons)."""
    if not hasattr(user, "_voices_group_ids"):
        user._voices_group_ids = frozenset(user.groups.values_list("pk", flat=True))
    return user._voices_group_ids


def schools_led_by(user):
    if user.is_superuser:
        return SchoolPage.objects.all()
    return SchoolPage.objects.filter(leaders_group__in=_group_ids(user))


def municipalities_curated_by(user):
    if user.is_superuser:
        return MunicipalityPage.objects.all()
    return MunicipalityPage.objects.filter(curators_group__in=_group_ids(user))


def may_ask(user):
    """Whether the user may create open questions at all."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_voices_may_ask"):
        user._voices_may_ask = (
            user.is_superuser
            or schools_led_by(user).exists()
            or municipalities_curated_by(user).exists()
        )
    return user._voices_may_ask


def questions_for(user):
    """The open questions whose raw answers the user may read and manage."""
    if not (user.is_authenticated and user.is_active):
        return OpenQuestion.objects.none()
    if user.is_superuser:
        return OpenQuestion.objects.all()
    groups = _group_ids(user)
    return OpenQuestion.objects.filter(
        Q(owner_school__leaders_group__in=groups) | Q(owner_municipality__curators_group__in=groups)
    )


def may_manage(user, question):
    """The same rule as questions_for, for one question already loaded."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    owner = question.owner_school or question.owner_municipality
    group_id = owner.leaders_group_id if question.owner_school_id else owner.curators_group_id
    return group_id is not None and group_id in _group_ids(user)
