"""The groups each school and municipality gets, with exactly the permissions its role needs.

- "<school>: lærere" add and edit experiments under their school and submit them for moderation.
- "<school>: ledere" may also publish there, and approve their school's moderation workflow.
- "<municipality>: kuratorer" create, edit, order and publish the municipality's collections.

Group names are content (Danish, like the pages), not interface text, so they are not translated.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

TEACHER_PAGE_PERMISSIONS = ["add_page", "change_page"]
LEADER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
CURATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _page_permissions(codenames):
    return Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)


def _group(name):
    group, _created = Group.objects.get_or_create(name=name[:150])
    group.permissions.add(_admin_access())
    return group


def _grant_pages(group, page, codenames):
    for permission in _page_permissions(codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _media_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _grant_media(groups, collection):
    for app_label, codename in MEDIA_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for group in groups:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


@transaction.atomic
def ensure_school_groups(school):
    """Create (or repair) the school's groups, media collection and moderation workflow."""
    teachers = _group(f"{school.title}: lærere")
    leaders = _group(f"{school.title}: ledere")
    _grant_pages(teachers, school, TEACHER_PAGE_PERMISSIONS)
    _grant_pages(leaders, school, LEADER_PAGE_PERMISSIONS)
    _grant_media([teachers, leaders], _media_collection(school.title))

    workflow, created = Workflow.objects.get_or_create(name=f"Godkendelse: {school.title}")
    if created:
        task = GroupApprovalTask.objects.create(name=f"Ledelsens godkendelse: {school.title}")
        task.groups.set([leaders])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=school, defaults={"workflow": workflow})

    type(school).objects.filter(pk=school.pk).update(teachers_group=teachers, leaders_group=leaders)
    school.teachers_group, school.leaders_group = teachers, leaders
    return teachers, leaders


@transaction.atomic
def ensure_municipality_groups(municipality):
    """Create the curators group and the municipality's collections folder it may edit."""
    from knowledge.models import CollectionIndexPage

    curators = _group(f"{municipality.title}: kuratorer")
    folder = CollectionIndexPage.objects.child_of(municipality).first()
    if folder is None:
        folder = CollectionIndexPage(title="Samlinger", slug="samlinger")
        municipality.add_child(instance=folder)
    _grant_pages(curators, folder, CURATOR_PAGE_PERMISSIONS)
    type(municipality).objects.filter(pk=municipality.pk).update(curators_group=curators)
    municipality.curators_group = curators
    return curators
