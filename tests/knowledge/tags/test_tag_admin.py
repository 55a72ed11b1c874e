import re
from html import unescape

import pytest
from taggit.models import Tag

from knowledge.models import ExperimentPage
from knowledge.tags.admin import merge_tags
from tests.support.network import make_experiment
from tests.support.pages import label

pytestmark = pytest.mark.django_db


def merged_message(source, target, count):
    return label("“%(source)s” was merged into “%(target)s”: %(count)s experiments moved.") % {
        "source": source,
        "target": target,
        "count": count,
    }


def tag_names(experiment):
    return sorted(ExperimentPage.objects.get(pk=experiment.pk).tags.names())


@pytest.fixture
def duplicate(findings_network):
    """A duplicate differing in case: taggit's case-insensitive lookup cannot stop it on SQLite,
    which folds only ASCII letters, so "LÆSNING" and "læsning" become two tags. Made directly, as
    PostgreSQL folds Æ and would find "læsning" instead."""
    n = findings_network
    n.capital_tag = Tag.objects.create(name="LÆSNING")
    n.capital = make_experiment(n.school_b, "Læseven", tags=[n.capital_tag, "motivation"])
    n.lower_tag = Tag.objects.get(name="læsning")
    return n


@pytest.fixture
def admin_client(client, findings_network):
    client.force_login(findings_network.admin)
    return client


ROW = re.compile(
    r'<a href="/admin/tags/edit/\d+/">\s*([^<]*?)\s*</a>.*?</td>\s*<td >\s*[^<]*?\s*</td>'
    r"\s*<td >\s*(\d+)\s*</td>",
    re.S,
)


def listed_tags(response):
    assert response.status_code == 200
    return [(unescape(name), int(count)) for name, count in ROW.findall(response.content.decode())]


def test_administrators_see_every_tag_with_its_count(admin_client, duplicate):
    listed = listed_tags(admin_client.get("/admin/tags/?ordering=-experiment_count"))
    # læsning is on four experiments (the members-only one and the draft included).
    assert listed[0] == ("læsning", 4)
    assert dict(listed) == {
        "læsning": 4,
        "motivation": 2,
        "LÆSNING": 1,
        "trivsel": 1,
        "udeskole": 1,
    }


def test_rename_keeps_every_experiment(admin_client, findings_network):
    tag = Tag.objects.get(name="udeskole")
    response = admin_client.post(f"/admin/tags/edit/{tag.pk}/", {"name": "Udeskole og natur"})
    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.name == "Udeskole og natur" and tag.slug == "udeskole-og-natur"
    assert tag_names(findings_network.maths) == ["Udeskole og natur"]
    assert admin_client.get("/emner/udeskole-og-natur/").status_code == 200


def test_renaming_to_an_existing_name_explains_and_changes_nothing(admin_client, duplicate):
    tag = Tag.objects.get(name="motivation")
    response = admin_client.post(f"/admin/tags/edit/{tag.pk}/", {"name": "LÆSNING"})
    assert response.status_code == 200
    message = label(
        "A tag called “%(name)s” already exists. Tick “Merge into the tag that has "
        "this name” to move all experiments of “%(current)s” to it."
    ) % {"name": "LÆSNING", "current": "motivation"}
    assert message in unescape(response.content.decode())
    assert Tag.objects.filter(name="motivation").exists()
    assert tag_names(duplicate.reading) == ["læsning", "motivation"]


def test_renaming_to_an_existing_name_with_merge_moves_everything(admin_client, duplicate):
    motivation = Tag.objects.get(name="motivation")
    before = set(
        ExperimentPage.objects.filter(
            tagged_items__tag__in=[motivation, duplicate.lower_tag]
        ).values_list("pk", flat=True)
    )
    response = admin_client.post(
        f"/admin/tags/edit/{motivation.pk}/", {"name": "læsning", "merge": "on"}, follow=True
    )
    assert merged_message("motivation", "læsning", 2) in unescape(response.content.decode())
    assert not Tag.objects.filter(pk=motivation.pk).exists()
    after = set(
        ExperimentPage.objects.filter(tagged_items__tag=duplicate.lower_tag).values_list(
            "pk", flat=True
        )
    )
    assert after == before  # nothing lost
    # Frilæsning had both tags: it keeps the surviving tag once.
    assert tag_names(duplicate.reading) == ["læsning"]
    assert tag_names(duplicate.capital) == ["LÆSNING", "læsning"]


def test_merge_view_offers_the_same_name_tag_and_moves_all_experiments(admin_client, duplicate):
    n = duplicate
    page = admin_client.get(f"/admin/tags/merge/{n.capital_tag.pk}/").content.decode()
    assert f'value="{n.lower_tag.pk}" selected' in page
    before = set(
        ExperimentPage.objects.filter(
            tagged_items__tag__in=[n.capital_tag, n.lower_tag]
        ).values_list("pk", flat=True)
    )
    response = admin_client.post(
        f"/admin/tags/merge/{n.capital_tag.pk}/", {"target": n.lower_tag.pk}, follow=True
    )
    assert merged_message("LÆSNING", "læsning", 1) in unescape(response.content.decode())
    assert not Tag.objects.filter(pk=n.capital_tag.pk).exists()
    after = set(
        ExperimentPage.objects.filter(tagged_items__tag=n.lower_tag).values_list("pk", flat=True)
    )
    assert after == before  # nothing lost
    assert tag_names(n.capital) == ["læsning", "motivation"]


def test_merge_rewrites_revisions_so_editing_and_publishing_keep_the_tag(admin_client, duplicate):
    n = duplicate
    merge_tags(n.capital_tag, n.lower_tag)
    revision = ExperimentPage.objects.get(pk=n.capital.pk).latest_revision
    revision.refresh_from_db()
    assert {item["tag"] for item in revision.content["tagged_items"]} == {
        n.lower_tag.pk,
        Tag.objects.get(name="motivation").pk,
    }
    assert admin_client.get(f"/admin/pages/{n.capital.pk}/edit/").status_code == 200
    revision.publish()
    assert tag_names(n.capital) == ["læsning", "motivation"]


def test_merging_both_tags_of_one_experiment_keeps_one(duplicate):
    n = duplicate
    motivation = Tag.objects.get(name="motivation")
    merge_tags(motivation, n.lower_tag)
    assert tag_names(n.reading) == ["læsning"]
    with pytest.raises(ValueError):
        merge_tags(n.lower_tag, n.lower_tag)


def test_merge_form_requires_a_target(admin_client, duplicate):
    response = admin_client.post(f"/admin/tags/merge/{duplicate.capital_tag.pk}/", {"target": ""})
    assert response.status_code == 200
    message = str(response.context["form"].errors["target"][0])
    assert message and message in response.content.decode()
    assert Tag.objects.filter(pk=duplicate.capital_tag.pk).exists()


def test_only_administrators_can_rename_or_merge(client, duplicate):
    client.force_login(duplicate.leader_a)
    assert client.get("/admin/tags/").status_code in (302, 403)
    response = client.post(
        f"/admin/tags/merge/{duplicate.capital_tag.pk}/", {"target": duplicate.lower_tag.pk}
    )
    assert response.status_code in (302, 403)
    response = client.post(f"/admin/tags/edit/{duplicate.capital_tag.pk}/", {"name": "x"})
    assert response.status_code in (302, 403)
    assert Tag.objects.filter(pk=duplicate.capital_tag.pk, name="LÆSNING").exists()
