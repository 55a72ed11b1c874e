from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationConfig(AppConfig):
    """Members talking about experiments: questions and answers, follows and e-mail digests.

    Its own app inside the knowledge package, like knowledge.voices: its models are new and
    belong to members, not to the page tree.
    """

    name = "knowledge.conversation"
    label = "conversation"
    verbose_name = _("Conversation")
    default_auto_field = "django.db.models.BigAutoField"
