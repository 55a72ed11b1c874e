"""{% evidence_ladder page %}: the experiment's step on the evidence ladder, with all four steps.

Inside the experiment's cached article: the step changes only when an experiment is published,
unpublished or moved, which starts a new content version (knowledge.cache).
"""

from django import template

from knowledge.experiments.evidence import EvidenceStep, evidence_step_of

register = template.Library()


@register.inclusion_tag("knowledge/includes/evidence_ladder.html")
def evidence_ladder(experiment):
    step = evidence_step_of(experiment) if experiment.pk else EvidenceStep.ONE_CLASS
    return {"step": step, "steps": list(EvidenceStep)}
