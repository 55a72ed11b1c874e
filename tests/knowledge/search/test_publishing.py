"""What an experiment's publish changes is searchable at once, its tags included."""

import pytest
from wagtail.models import Page

from knowledge.models import ExperimentPage
from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db


def test_a_tag_added_when_republishing_is_searchable_at_once(network):
    page = make_experiment(network.school_a, "Frilæsning i 4.b", tags=["læsning"])
    page = ExperimentPage.objects.get(pk=page.pk)
    page.tags.add("kolibriprojekt")
    page.save_revision().publish()
    found = ExperimentPage.objects.live().search("kolibriprojekt")
    assert [p.pk for p in found] == [page.pk]


@pytest.fixture
def index_writes(monkeypatch):
    """The experiments written to the search index, in order (one a write)."""
    from knowledge.search.whoosh_backend.indexes import WhooshIndex

    written = []
    add_items = WhooshIndex.add_items

    def counting(self, model, items):
        items = list(items)
        written.extend(item.pk for item in items if isinstance(item, ExperimentPage))
        return add_items(self, model, items)

    monkeypatch.setattr(WhooshIndex, "add_items", counting)
    return written


def search(text):
    return [p.pk for p in ExperimentPage.objects.live().search(text)]


def test_a_publish_writes_the_index_once_with_what_it_published(network, index_writes):
    """A publish saved the page twice before page_published, each save a write (a commit
    that renews every searcher): the one after the tags and findings are written is enough."""
    page = make_experiment(network.school_a, "Frilæsning i 4.b", tags=["læsning"])
    index_writes.clear()
    page = ExperimentPage.objects.get(pk=page.pk)
    page.title = "Frilæsning med kolibrier"
    page.tags.add("lydbøger")
    page.save_revision().publish()
    assert index_writes == [page.pk]
    assert search("kolibrier") == search("lydbøger") == [page.pk]


def test_a_draft_leaves_the_index_alone_and_a_later_publish_is_found(network, index_writes):
    page = make_experiment(network.school_a, "Frilæsning i 4.b")
    index_writes.clear()
    page = ExperimentPage.objects.get(pk=page.pk)
    page.title = "Frilæsning med kolibrier"
    revision = page.save_revision()
    assert index_writes == []
    assert search("kolibrier") == []  # the live version is what is searched
    revision.publish()
    assert search("kolibrier") == [page.pk]


def in_the_index(page):
    from modelsearch.backends import get_search_backend

    index = get_search_backend().get_index_for_model(ExperimentPage)
    return index.location.searcher().document_number(pk=str(page.pk)) is not None


def test_an_unpublish_a_lock_a_plain_save_and_a_delete_are_indexed_at_once(network):
    page = make_experiment(network.school_a, "Frilæsning i 4.b")
    page.unpublish()
    assert search("frilæsning") == []
    page = make_experiment(network.school_a, "Skrivemakkere i 4.a")
    page.summary = "Kolibrier skriver sammen."
    page.save()  # a script's edit, no revision
    assert search("kolibrier") == [page.pk]
    page.locked = True
    page.save(update_fields=["locked", "locked_at", "locked_by"])  # as the admin locks
    assert [p.pk for p in ExperimentPage.objects.filter(locked=True).search("kolibrier")] == [
        page.pk
    ]
    assert in_the_index(page)
    page.delete()
    assert not in_the_index(page)
    assert ExperimentPage.objects.live().search("skrivemakkere").count() == 0  # the index's
    # A school deleted in the admin (its base Page row): its experiments leave the index too.
    other = make_experiment(network.school_b, "Matematik udenfor")
    Page.objects.get(pk=network.school_b.pk).delete()
    assert not in_the_index(other)
