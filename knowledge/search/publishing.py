"""Index experiments once a publish or a move is complete, and once a save changes them.

modelsearch indexes a page from ``post_save``, which Wagtail sends before the page's tags,
subjects, grade levels and findings (modelcluster relations) are written: the document would
keep the previous publish's tags and facet values until the next save. ``page_published`` is
sent after them. A move changes the tree paths below the page (the school and municipality
facets) without saving those pages: ``post_page_move`` re-indexes the experiments moved.

Experiments' saves are indexed here, not by modelsearch (``ExperimentPage.search_auto_update``
is False): a publish saved the page twice before page_published (the new revision's
bookkeeping, then the page as the revision holds it), so it wrote the index three times, each
a commit that renews every searcher (and, with vectors, rewrote the vector file): at 100,000
experiments 0.7 s of a 1.3 s publish. Here the revision's bookkeeping is not indexed (nothing
in the index reads it), the page a publish saves is indexed at page_published, and any other
save (an unpublish, a lock, a script's edit) is indexed as modelsearch would, and a delete
removes the document.
"""

from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import COMMENTS_RELATION_NAME, Page
from wagtail.search import index
from wagtail.signals import page_published, post_page_move

from knowledge.models import ExperimentPage

#: True while knowledge.demo.builder.search_indexing_paused() holds modelsearch's own updates
#: back (a bulk load, a test): the caller rebuilds the index, so these receivers wait too.
paused = ContextVar("search_publishing_paused", default=False)


#: What a new revision's bookkeeping saves: nothing the index reads (``locked`` is a filter
#: of Page.search_fields, so a lock is indexed).
BOOKKEEPING = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
    }
)


@receiver(post_save, sender=ExperimentPage, dispatch_uid="knowledge.search.publishing.saved")
def index_saved_experiment(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or paused.get() or getattr(instance, "indexed_when_published", False):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    # As modelsearch's own handler does: a task, so a deployment may queue it.
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


@receiver(post_delete, sender=ExperimentPage, dispatch_uid="knowledge.search.publishing.deleted")
def unindex_deleted_experiment(sender, instance, **kwargs):
    # modelsearch's handler is not connected for experiments (search_auto_update), and Page's
    # own handler does not always find the experiment of a Page row being deleted (an
    # experiment deleted after its unpublish kept its vector).
    if not paused.get():
        index.remove_object(instance)


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
