"""Wagtail's admin asks a permission policy what a user may do; this one answers from the
school and municipality groups (see permissions.py), not from Django model permissions."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from schools.models import MunicipalityPage, SchoolPage

from .permissions import may_ask, may_manage, questions_for


class OpenQuestionPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return may_ask(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return may_manage(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return questions_for(user)

    def users_with_any_permission(self, actions):
        groups = list(SchoolPage.objects.values_list("leaders_group", flat=True)) + list(
            MunicipalityPage.objects.values_list("curators_group", flat=True)
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__in=[g for g in groups if g]))
            .distinct()
        )
