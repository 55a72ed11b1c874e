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


class SchoolPagePermissionTester(PagePermissionTester):
    """The school's profile belongs to its leaders (who hold "publish") and to administrators;
    deleting, moving or copying a whole school is for administrators only."""

    def _is_leader(self):
        return self.user.is_active and (self.user.is_superuser or "publish" in self.permissions)

    def _is_administrator(self):
        return self.user.is_active and self.user.is_superuser

    def can_edit(self):
        return self._is_leader() and super().can_edit()

    def can_publish(self):
        return self._is_leader() and super().can_publish()

    def can_unpublish(self):
        return self._is_leader() and super().can_unpublish()

    def can_lock(self):
        return self._is_leader() and super().can_lock()

    def can_delete(self, ignore_bulk=False):
        return self._is_administrator() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self._is_administrator() and super().can_move()

    def can_copy(self):
        return self._is_administrator() and super().can_copy()


class CollectionFolderPermissionTester(PagePermissionTester):
    """Curators add, order and publish collections in their folder; the folder itself (its
    title, its place in the tree, its privacy) is the administrators'."""

    def _is_administrator(self):
        return self.user.is_active and self.user.is_superuser

    def can_edit(self):
        return self._is_administrator() and super().can_edit()

    def can_publish(self):
        return self._is_administrator() and super().can_publish()

    def can_unpublish(self):
        return self._is_administrator() and super().can_unpublish()

    def can_lock(self):
        return self._is_administrator() and super().can_lock()

    def can_delete(self, ignore_bulk=False):
        return self._is_administrator() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self._is_administrator() and super().can_move()

    def can_copy(self):
        return self._is_administrator() and super().can_copy()
