"""Who may do what to a school page itself.

Teachers hold Wagtail's "add" and "change" permissions on their school page so they can write
and edit the experiments beneath it; Wagtail would let that edit the school page too. The school's
profile belongs to its leaders (who also hold "publish") and to administrators.
"""

from wagtail.models import PagePermissionTester


class SchoolPagePermissionTester(PagePermissionTester):
    def _may_manage_school(self):
        return self.user.is_active and (self.user.is_superuser or "publish" in self.permissions)

    def can_edit(self):
        return self._may_manage_school() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._may_manage_school() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self._may_manage_school() and super().can_move()

    def can_copy(self):
        return self._may_manage_school() and super().can_copy()
