from django.urls import path

from .answering import answer_page, thanks_page

app_name = "voices"

urlpatterns = [
    path("<uuid:key>/", answer_page, name="answer"),
    path("<uuid:key>/tak/", thanks_page, name="thanks"),
]
