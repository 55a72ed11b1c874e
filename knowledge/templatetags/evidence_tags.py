"""{% evidence_ladder page %}: the experiment's step on the evidence ladder, with all four steps.

Inside the experiment's cached article: the step changes only when an experiment is published,
unpublished or moved, which starts a new content version (knowledge.cache). The note on
members-only repetitions depends on what the reader may read, which is what the article's cache
key holds (the reader's visibility class).
"""

from django import template

from knowledge.experiments.evidence import (
    EvidenceStep,
    evidence_step_of,
    members_only_repetitions,
)

register = template.Library()


@register.inclusion_tag("knowledge/includes/evidence_ladder.html", takes_context=True)
def evidence_ladder(context, experiment):
    if not experiment.pk:  # a preview of a page never saved
        return {"step": EvidenceStep.ONE_CLASS, "steps": list(EvidenceStep)}
    request = context.get("request")
    return {
        "step": evidence_step_of(experiment),
        "steps": list(EvidenceStep),
        "members_only": members_only_repetitions(experiment, getattr(request, "user", None)),
    }
