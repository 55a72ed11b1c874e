"""The admin of open questions: a viewset limited to the user's own questions, and the pages
of one question (answers, analyses, import) under /admin/voices/."""

from django.db.models import Count
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin_views, importing
from .admin_forms import OpenQuestionForm
from .models import OpenQuestion
from .permission_policy import OpenQuestionPermissionPolicy
from .permissions import questions_for
from .picture import views as picture_views


class OwnQuestionsMixin:
    def get_base_queryset(self):
        return questions_for(self.request.user)

    def get_queryset(self):
        return questions_for(self.request.user)


class QuestionIndexView(OwnQuestionsMixin, IndexView):
    def get_base_queryset(self):
        return (
            questions_for(self.request.user)
            .select_related("owner_school", "owner_municipality")
            .annotate(answer_total=Count("answers"))
        )

    def get_queryset(self):
        return IndexView.get_queryset(self)


class QuestionCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse("voices_admin:answers", args=[self.object.pk])


class QuestionEditView(OwnQuestionsMixin, EditView):
    pass


class QuestionDeleteView(OwnQuestionsMixin, DeleteView):
    pass


class OpenQuestionViewSet(ModelViewSet):
    model = OpenQuestion
    icon = "comment"
    menu_label = _("Open questions")
    add_to_admin_menu = True
    menu_order = 320
    url_prefix = "open-questions"
    index_view_class = QuestionIndexView
    add_view_class = QuestionCreateView
    edit_view_class = QuestionEditView
    delete_view_class = QuestionDeleteView
    list_display = [
        "question",
        "owner",
        Column("answer_total", label=_("answers")),
        "opens_at",
        "closes_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("question"),
            FieldPanel("introduction"),
            MultiFieldPanel(
                [FieldPanel("owner_school"), FieldPanel("owner_municipality")],
                heading=_("Who asks"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("for_pupils"),
                    FieldPanel("for_parents"),
                    FieldPanel("for_teachers"),
                    FieldPanel("for_staff"),
                ],
                heading=_("Who may answer"),
            ),
            FieldPanel("schools"),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldPanel("anonymous"),
        ],
        base_form_class=OpenQuestionForm,
    )


register_permission_policy(OpenQuestion, OpenQuestionPermissionPolicy(OpenQuestion))


@hooks.register("register_admin_viewset")
def register_open_question_viewset():
    return OpenQuestionViewSet("open_questions")


question_urls = (
    [
        path("<int:pk>/answers/", admin_views.answers_view, name="answers"),
        path("<int:pk>/analyse/", admin_views.analyse_view, name="analyse"),
        path("<int:pk>/analysis/<int:analysis_pk>/", admin_views.analysis_view, name="analysis"),
        path("<int:pk>/import/", importing.import_view, name="import"),
        path("<int:pk>/picture/", picture_views.picture_view, name="picture"),
        path("<int:pk>/picture/edit/", picture_views.edit_view, name="picture_edit"),
        path("<int:pk>/picture/expect/", picture_views.expect_view, name="picture_expect"),
        path("<int:pk>/picture/undo/", picture_views.undo_view, name="picture_undo"),
        path("<int:pk>/picture/link/", picture_views.link_view, name="picture_link"),
        path(
            "<int:pk>/picture/link/<int:link_pk>/remove/",
            picture_views.unlink_view,
            name="picture_unlink",
        ),
        path("<int:pk>/picture/publish/", picture_views.publish_view, name="picture_publish"),
        path(
            "<int:pk>/picture/collection/", picture_views.collection_view, name="picture_collection"
        ),
        path("<int:pk>/picture/search/", picture_views.search_view, name="picture_search"),
        path(
            "<int:pk>/picture/answers.<str:file_format>",
            picture_views.export_view,
            name="picture_export",
        ),
        path("<int:pk>/poster/", admin_views.poster_view, name="poster"),
    ],
    "voices_admin",
)


@hooks.register("register_admin_urls")
def register_question_urls():
    return [path("voices/", include(question_urls))]
