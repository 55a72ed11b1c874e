"""Who may take part in an experiment's conversation, answer in it, and moderate it.

Members take part only where they may read the experiment (visible_to, the one privacy choke
point). The experiment's team answers; the school's leaders answer too and moderate (their
school's "ledere" group, schools.groups), as do administrators.
"""

from django.db.models import Q

from knowledge.models import ExperimentPage
from schools.models import SchoolPage


def readable_experiment(user, experiment_id):
    """The live experiment with that id if user may read it, else None."""
    return ExperimentPage.objects.visible_to(user).filter(pk=experiment_id).first()


def may_take_part(user, experiment):
    return bool(
        user.is_authenticated
        and ExperimentPage.objects.visible_to(user).filter(pk=experiment.pk).exists()
    )


def _in_group(user, group_id):
    return group_id is not None and user.groups.filter(pk=group_id).exists()


def may_moderate(user, experiment):
    """The school's leaders and administrators hide and delete comments on the experiment."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or _in_group(user, experiment.school.leaders_group_id)


def schools_led_by(user):
    return list(SchoolPage.objects.filter(leaders_group__in=user.groups.all()).order_by("title"))


def moderates_anything(user):
    """Whether user moderates some school's conversations (the admin's list of reports)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(schools_led_by(user))


def comments_moderated_by(user):
    """Comments user may moderate: on experiments they may read under the schools they lead
    (every school's, for administrators); the same rule as may_moderate, as a query."""
    from .models import Comment

    comments = Comment.objects.on_experiments_visible_to(user)
    if user.is_superuser:
        return comments
    under_led_schools = Q(pk__in=[])
    for school in schools_led_by(user):
        under_led_schools |= Q(experiment__path__startswith=school.path)
    return comments.filter(under_led_schools)


def may_answer(user, experiment):
    """The experiment's own team answers questions, and so may the school's leaders."""
    if not user.is_authenticated:
        return False
    if experiment.team_id and experiment.team.members.filter(pk=user.pk).exists():
        return True
    return may_moderate(user, experiment)
