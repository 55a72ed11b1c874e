"""Keep ExperimentPage.members_only in step with Wagtail's view restrictions.

Listings, counts, feeds and the search index filter on the members_only column, because a
per-row check of Wagtail's view restrictions cannot be expressed as one query. The column is
set from the page's own field when it is published, and from any restriction an administrator
puts on the page or an ancestor through Wagtail's privacy settings.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, post_page_move

from knowledge.models import ExperimentPage


def private_q(queryset):
    """PageQuerySet.private_q (installed in its place by knowledge.apps): the same pages, every
    restricted page in one subquery, and a condition for each restricted page that may have
    pages below it (municipalities, schools, collections; not experiments, one restriction
    each: 3,879 at 100,000).

    Wagtail's makes a condition of every restriction: past about a thousand SQLite refuses the
    query (its expression tree is limited to a depth of 1,000), so public(), not_public() and
    private() failed, and with them the admin's form for a new page (its privacy status: a 500
    at 100,000 experiments).
    """
    from knowledge.listings.queries import restricted_pages_that_may_have_children

    q = Q(pk__in=PageViewRestriction.objects.values("page_id"))
    for page in restricted_pages_that_may_have_children():
        q |= queryset.descendant_of_q(page, inclusive=True)
    return q


def sync_own_restriction(page):
    """Give a published experiment a login restriction exactly when it is members-only."""
    own = PageViewRestriction.objects.filter(page=page)
    if page.members_only and not own.exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif not page.members_only:
        own.filter(restriction_type=PageViewRestriction.LOGIN).delete()


def refresh_members_only(root):
    """Recompute members_only for every experiment at or below root from the restrictions."""
    steplen = Page.steplen
    ancestor_paths = [root.path[:end] for end in range(steplen, len(root.path) + 1, steplen)]
    restricted_paths = list(
        PageViewRestriction.objects.filter(
            Q(page__path__in=ancestor_paths) | Q(page__path__startswith=root.path)
        ).values_list("page__path", flat=True)
    )
    experiments = ExperimentPage.objects.filter(path__startswith=root.path)
    for pk, path, members_only in experiments.values_list("pk", "path", "members_only"):
        restricted = any(path.startswith(p) for p in restricted_paths)
        if restricted != members_only:
            ExperimentPage.objects.filter(pk=pk).update(members_only=restricted)
            # The search index filters on members_only too: keep it in step (unless indexing
            # is paused for a bulk change, whose caller rebuilds the index).
            from knowledge.search import publishing as search_publishing

            if not search_publishing.paused.get():
                index.insert_or_update_object(ExperimentPage.objects.get(pk=pk))


@receiver(page_published)
def apply_members_only_on_publish(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, ExperimentPage):
        sync_own_restriction(page)
        refresh_members_only(page)


def remember_own_choice(page):
    """Write an experiment's own login restriction back into its latest revision's field.

    When an experiment has unpublished changes, the editor shows (and the next publish applies)
    the field from its latest revision; without this, a restriction an administrator set in
    Wagtail's privacy dialog would be shown as "public" there and removed by the next publish.
    """
    revision = page.latest_revision
    if revision is None:
        return
    restricted = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.LOGIN
    ).exists()
    if revision.content.get("members_only") != restricted:
        revision.content["members_only"] = restricted
        revision.save(update_fields=["content"])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
        if page.specific_class and issubclass(page.specific_class, ExperimentPage):
            remember_own_choice(page.specific)
    except ObjectDoesNotExist:
        # The page itself is being deleted (its specific row may already be gone): nothing to sync.
        return
    refresh_members_only(page)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    """A page moved under (or out from under) a restricted page changes who may read it."""
    refresh_members_only(instance)


def choosable_pages(pages, user):
    """Of a Page queryset, what an editor may see in the admin's page chooser: live pages
    they may read (experiments through visible_to) and every page under their own pages."""
    if user.is_superuser:
        return pages
    from wagtail.models import GroupPagePermission

    own_roots = GroupPagePermission.objects.filter(group__user=user).values_list(
        "page__path", flat=True
    )
    under_own = Q(pk__in=[])
    for path in set(own_roots):
        under_own |= Q(path__startswith=path)
    experiments = ExperimentPage.objects.all()
    readable = Q(live=True) & ~Q(pk__in=experiments.values("pk"))
    readable |= Q(pk__in=experiments.visible_to(user).values("pk"))
    return pages.filter(readable | under_own)
