from django.contrib.auth.backends import ModelBackend

from cdd_portal.accounts.models import User


class OfficeModelBackend(ModelBackend):
    """The standard backend, loading the user's office with the user: every page needs it for scoping."""

    def get_user(self, user_id):
        try:
            user = User._default_manager.select_related("office").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
