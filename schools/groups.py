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


def school_label(school):
    """The name a school's groups, media collection and workflow go by: its title, and its
    municipality (then its id) when another school has the same title. Denmark has many a
    "Nørreskolen": found by name, two of them shared one teachers' group, which could edit
    both schools' pages, and one media library."""
    from .models import SchoolPage

    namesakes = SchoolPage.objects.filter(title=school.title).exclude(pk=school.pk)
    if not namesakes.exists():
        return school.title
    municipality = school.get_parent()
    if not namesakes.filter(path__startswith=municipality.path).exists():
        return f"{school.title} ({municipality.title})"
    return f"{school.title} ({municipality.title}, {school.pk})"


def _own_group(existing, name):
    """The school's group: the one it already has, else a new one of a name no group has."""
    if existing is not None:
        existing.permissions.add(_admin_access())
        return existing
    return _group(name)


@transaction.atomic
def ensure_school_groups(school):
    """Create (or repair) the school's groups, media collection and moderation workflow."""
    label = school_label(school)
    teachers = _own_group(school.teachers_group, f"{label}: lærere")
    leaders = _own_group(school.leaders_group, f"{label}: ledere")
    _grant_pages(teachers, school, TEACHER_PAGE_PERMISSIONS)
    _grant_pages(leaders, school, LEADER_PAGE_PERMISSIONS)
    _grant_media([teachers, leaders], _media_collection(label))

    workflow, created = Workflow.objects.get_or_create(name=f"Godkendelse: {label}")
    if created:
        task = GroupApprovalTask.objects.create(name=f"Ledelsens godkendelse: {label}")
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
