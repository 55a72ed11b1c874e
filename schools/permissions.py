"""Who may do what to the pages where a group's permissions are granted.

Wagtail grants page permissions on a page *and everything below it*. A school's teachers hold
"add" and "change" on their school page so they can write experiments beneath it, and a
municipality's curators hold "add", "change" and "publish" on its collections folder so they can
build collections in it. Left alone, Wagtail would let both edit, delete or move the very page
the permission is granted on: a teacher could rewrite the school profile, a leader could delete
the whole school (with its experiments) through a bulk action, a curator could delete the folder.
These testers keep the granting page itself for the people who own it.
"""

from wagtail.models import PagePermissionTester


class GrantingPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, narrowed for the page itself: subclasses say who may manage it (edit,
    publish, unpublish, lock) and who may restructure it (delete, move, copy)."""

    def may_manage_page(self):
        return self.user.is_active and self.user.is_superuser

    def may_restructure_page(self):
        return self.user.is_active and self.user.is_superuser

    def can_edit(self):
        return self.may_manage_page() and super().can_edit()

    def can_publish(self):
        return self.may_manage_page() and super().can_publish()

    def can_unpublish(self):
        return self.may_manage_page() and super().can_unpublish()

    def can_lock(self):
        return self.may_manage_page() and super().can_lock()

    def can_delete(self, ignore_bulk=False):
        return self.may_restructure_page() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self.may_restructure_page() and super().can_move()

    def can_copy(self):
        return self.may_restructure_page() and super().can_copy()


class SchoolPagePermissionTester(GrantingPagePermissionTester):
    """The school's profile belongs to its leaders (who hold "publish") and to administrators;
    deleting, moving or copying a whole school is for administrators only."""

    def may_manage_page(self):
        return self.user.is_active and (self.user.is_superuser or "publish" in self.permissions)


class CollectionFolderPermissionTester(GrantingPagePermissionTester):
    """Curators add, order and publish collections in their folder; the folder itself (its
    title, its place in the tree, its privacy) is the administrators'."""
