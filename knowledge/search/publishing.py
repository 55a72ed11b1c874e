"""Index an experiment again once its publish is complete.

modelsearch indexes a page from ``post_save``, which Wagtail sends before the page's tags,
subjects, grade levels and findings (modelcluster relations) are written: the document would
keep the previous publish's tags and facet values until the next save. ``page_published`` is
sent after them.
"""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from knowledge.models import ExperimentPage


@receiver(page_published, dispatch_uid="knowledge.search.publishing")
def index_published_experiment(sender, instance, **kwargs):
    if issubclass(instance.specific_class or type(instance), ExperimentPage):
        index.insert_or_update_object(ExperimentPage.objects.get(pk=instance.pk))
