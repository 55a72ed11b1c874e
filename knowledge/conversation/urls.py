from django.urls import path, register_converter

from knowledge.ids import PageIdConverter

from . import comments, subscriptions

# Ids of 1 to 12 digits (knowledge.ids): a huge number is a plain 404, never a database error.
register_converter(PageIdConverter, "row_id")

app_name = "conversation"

urlpatterns = [
    path("forsoeg/<row_id:experiment_id>/spoerg/", comments.ask, name="ask"),
    path("kommentar/<row_id:comment_id>/svar/", comments.answer, name="answer"),
    path("kommentar/<row_id:comment_id>/skjul/", comments.hide, name="hide"),
    path("kommentar/<row_id:comment_id>/slet/", comments.delete, name="delete"),
    path("kommentar/<row_id:comment_id>/rapporter/", comments.report, name="report"),
    path("foelg/", subscriptions.follow, name="follow"),
    path("abonnementer/", subscriptions.subscriptions, name="subscriptions"),
    path("afmeld/<str:token>/", subscriptions.unsubscribe, name="unsubscribe"),
]
