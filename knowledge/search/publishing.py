"""Index experiments again once a publish or a move is complete.

modelsearch indexes a page from ``post_save``, which Wagtail sends before the page's tags,
subjects, grade levels and findings (modelcluster relations) are written: the document would
keep the previous publish's tags and facet values until the next save. ``page_published`` is
sent after them. A move changes the tree paths below the page (the school and municipality
facets) without saving those pages: ``post_page_move`` re-indexes the experiments moved.
"""

from contextvars import ContextVar

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, post_page_move

from knowledge.models import ExperimentPage

#: True while knowledge.demo.builder.search_indexing_paused() holds modelsearch's own updates
#: back (a bulk load, a test): the caller rebuilds the index, so these receivers wait too.
paused = ContextVar("search_publishing_paused", default=False)


@receiver(page_published, dispatch_uid="knowledge.search.publishing.published")
def index_published_experiment(sender, instance, **kwargs):
    if paused.get():
        return
    if issubclass(instance.specific_class or type(instance), ExperimentPage):
        index.insert_or_update_object(ExperimentPage.objects.get(pk=instance.pk))


@receiver(post_page_move, dispatch_uid="knowledge.search.publishing.moved")
def index_moved_experiments(sender, instance, **kwargs):
    if paused.get():
        return
    path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
    if path is None:
        return
    moved = ExperimentPage.get_indexed_objects().filter(path__startswith=path)
    for experiment in moved.prefetch_related("tags", "subjects"):
        index.insert_or_update_object(experiment)
