"""Recount the listing facts (knowledge.listings.facts) from scratch.

The facts are kept exact as content changes; run this after loading experiments in bulk
without signals, or to repair them: it counts every live experiment again, in one transaction.
"""

from django.core.management.base import BaseCommand

from knowledge import planner_statistics
from knowledge.cache import EVERYTHING, renew
from knowledge.listings import facts


class Command(BaseCommand):
    help = "Recount the facts behind the listings' counts, facets and overviews."

    def handle(self, *args, **options):
        counted = facts.rebuild()
        planner_statistics.refresh()
        renew([EVERYTHING])
        self.stdout.write(f"Counted {counted} live experiments.")
