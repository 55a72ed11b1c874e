from django.urls import path

from .answering import answer_page, thanks_page
from .picture.views import report_view

app_name = "voices"

urlpatterns = [
    path("<uuid:key>/", answer_page, name="answer"),
    path("<uuid:key>/tak/", thanks_page, name="thanks"),
    path("<uuid:key>/rapport/", report_view, name="report"),
]
