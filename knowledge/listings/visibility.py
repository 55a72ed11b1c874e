"""visible_to() seen from a related row (a finding, a collection item), as join conditions.

``related.filter(experiment__in=ExperimentPage.objects.visible_to(user))`` makes the database
collect every visible experiment's id first: 100 ms at 10,000 experiments, however few rows the
query returns. For the readers the listing facts serve (anonymous visitors; members kept out of
nothing) visible_to() is two plain conditions, which the database can check row by row; for
anyone else this falls back to the ids.
"""

from django.db.models import Q

from knowledge.models import ExperimentPage

from . import facts


def visible_through(user, relation):
    """Q on a model related to experiments through ``relation`` (e.g. "page"): the rows whose
    experiment the user may see, exactly as ExperimentPage.objects.visible_to(user)."""
    audiences = facts.audiences_of(user)
    if audiences == (facts.PUBLIC,):
        return Q(**{f"{relation}__live": True, f"{relation}__members_only": False})
    if audiences:
        return Q(**{f"{relation}__live": True})
    return Q(**{f"{relation}__in": ExperimentPage.objects.visible_to(user).values("pk")})
