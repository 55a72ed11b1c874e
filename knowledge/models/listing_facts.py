"""Pre-aggregated facts of the public listings: counts kept up to date as content changes.

Counting facets, totals and overview figures over the experiments table made every cold page
cost more as the network grew (the findings page 13.9x a bare page at 1,000 experiments, 67x at
10,000). These two tables hold the counts instead; knowledge.listings.facts keeps them exact in
the same transaction as every change (publish, unpublish, delete, move, tags, restrictions) and
rebuilds them from scratch (manage.py rebuild_listing_facts).
"""

from django.db import models


class ListingFact(models.Model):
    """How many live experiments (and their findings) of one audience have one value.

    ``scope`` is "net" (the whole network), "school:<id>" or "team:<id>"; ``dimension`` a facet
    parameter (knowledge.listings.facets) or an overview figure ("total", "term", "team");
    ``audience`` is public (anyone may read them) or members (members-only experiments).
    """

    scope = models.CharField(max_length=40)
    audience = models.CharField(max_length=10)
    dimension = models.CharField(max_length=20)
    value = models.CharField(max_length=255)
    label = models.CharField(max_length=255, blank=True)
    experiments = models.IntegerField(default=0)
    findings = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "dimension", "value", "audience"], name="unique_listing_fact"
            )
        ]


class ListedExperiment(models.Model):
    """What one live experiment adds to ListingFact, so a change can take exactly that back.

    ``experiment_id`` is a plain number, not a key: the row must outlive a deleted page long
    enough for its contribution to be subtracted.
    """

    experiment_id = models.BigIntegerField(primary_key=True)
    audience = models.CharField(max_length=10)
    entries = models.JSONField(default=list)  # [[scope, dimension, value, label, findings]]
    #: knowledge.experiments.evidence.EvidenceStep, kept here so the facet filters by a number.
    evidence_step = models.PositiveSmallIntegerField(default=1, db_index=True)
    #: The listings' order (newest first), so knowledge.listings.facet_table can page by it.
    first_published_at = models.DateTimeField(null=True)
    #: Grows with every change (knowledge.listings.facts.next_revision); a row no longer listed
    #: stays, with no audience, so a process holding the facet table learns it is gone.
    revision = models.BigIntegerField(default=0, db_index=True)
