"""The read-only JSON API (Wagtail API v2) at /api/v2/: experiments for other systems.

The API is anonymous, so it serves only live, public experiments that are not members-only
(no page view restriction on the experiment or above it).
"""

from django.http import Http404
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.filters import BaseFilterBackend
from wagtail.api.conf import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import DetailUrlField, PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page

from knowledge.addresses import absolute, full_url
from knowledge.experiments.fields import API_FIELDS
from knowledge.ids import MAX_ID_DIGITS, parse_id
from knowledge.models import ExperimentPage
from knowledge.places import attach_places
from schools.models import SchoolPage


class SchoolField(serializers.Field):
    """The experiment's school: its parent page."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, experiment):
        school = getattr(experiment, "listing_school", None) or experiment.school
        request = self.context.get("request")
        return {"id": school.pk, "title": school.title, "url": full_url(school, request)}


class RequestHostHtmlUrlField(PageHtmlUrlField):
    """html_url on the host the request came to (Wagtail's uses the Site's root URL)."""

    def to_representation(self, page):
        return full_url(page, self.context.get("request"))


class RequestHostDetailUrlField(DetailUrlField):
    """detail_url on the host the request came to (Wagtail's uses the Site's root URL)."""

    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField  # as Wagtail's: no endpoint, no field
        return absolute(path, self.context["request"])


class ExperimentSerializer(PageSerializer):
    html_url = RequestHostHtmlUrlField(read_only=True)
    detail_url = RequestHostDetailUrlField(read_only=True)


class TeamField(serializers.Field):
    def to_representation(self, team):
        return {"id": team.pk, "name": team.name} if team else None


class NamedListField(serializers.Field):
    """A many-to-many relation as a list of {"name", "slug"} objects."""

    def to_representation(self, manager):
        return [{"name": item.name, "slug": item.slug} for item in manager.all()]


class GradeLevelsField(serializers.Field):
    def to_representation(self, manager):
        return [grade.number for grade in manager.all()]


class FindingsField(serializers.Field):
    def to_representation(self, manager):
        return [
            {"statement": finding.statement, "evidence_kind": finding.evidence_kind}
            for finding in manager.all()
        ]


class LinksField(serializers.Field):
    """What the experiment builds on; a target the API may not show is left out."""

    def to_representation(self, manager):
        # members_only mirrors every view restriction on the page or above it (knowledge.experiments.privacy).
        return [
            {"kind": link.kind, "target": {"id": link.target_id, "title": link.target.title}}
            for link in manager.all()
            if link.target.live and not link.target.members_only
        ]


#: Query parameters that hold a whole number (ids, paging); checked before Wagtail reads them.
NUMBER_PARAMETERS = ("school", "id", "child_of", "descendant_of", "ancestor_of", "offset", "limit")


def check_number_parameters(request):
    """A clear 400 for a number parameter that is not a plausible whole number.

    Wagtail parses these with int(), which accepts any length: 2**63 and up then fails inside
    the database driver (a 500). offset and limit may be 0; "root" is Wagtail's own child_of.
    """
    for name in NUMBER_PARAMETERS:
        value = request.GET.get(name)
        if value is None or (name == "child_of" and value == "root"):
            continue
        if value.strip() in ("0",) and name in ("offset", "limit"):
            continue
        if parse_id(value) is None:
            raise BadRequestError(
                f"{name} must be a whole number from 1 to {10**MAX_ID_DIGITS - 1}"
            )


class SchoolFilter(BaseFilterBackend):
    """?school=<id>: the experiments of one school."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("school")
        if value is None:
            return queryset
        school_id = parse_id(value)
        if school_id is None:
            raise BadRequestError("school must be the id of a school (a whole number)")
        school = SchoolPage.objects.filter(pk=school_id).first()
        if school is None:
            raise BadRequestError(f"there is no school with id {school_id}")
        return queryset.child_of(school)


class ExperimentsAPIViewSet(PagesAPIViewSet):
    model = ExperimentPage
    name = "experiments"
    base_serializer_class = ExperimentSerializer
    filter_backends = [SchoolFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["school"])
    body_fields = PagesAPIViewSet.body_fields + list(API_FIELDS)
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        *API_FIELDS,
        "school",
        "team",
        "subjects",
        "grade_levels",
        "tags",
        "findings",
        "links",
    ]

    @classmethod
    def get_body_fields(cls, model):
        return super().get_body_fields(model) + [
            APIField("school", serializer=SchoolField(read_only=True)),
            APIField("team", serializer=TeamField(read_only=True)),
            APIField("subjects", serializer=NamedListField(read_only=True)),
            APIField("grade_levels", serializer=GradeLevelsField(read_only=True)),
            APIField("tags", serializer=NamedListField(read_only=True)),
            APIField("findings", serializer=FindingsField(read_only=True)),
            APIField("links", serializer=LinksField(read_only=True)),
        ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_number_parameters(request)

    def detail_view(self, request, pk):
        if parse_id(pk) is None:
            raise Http404("not found")
        return super().detail_view(request, pk)

    def get_base_queryset(self):
        """Live pages of this site without a view restriction on them or above them.

        Wagtail's get_public_pages_queryset excludes each restricted page's subtree in its own
        condition, not through public(): one a members-only experiment, past SQLite's limit (a
        500 at 100,000). public() is knowledge.experiments.privacy.private_q's."""
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request)
            site = site.site_obj  # as Wagtail's: the ?site= asked for, or the request's
        except ValueError as e:
            raise BadRequestError(str(e)) from e
        if site is None:
            return Page.objects.none()
        return Page.objects.live().descendant_of(site.root_page, inclusive=True).public()

    def get_queryset(self):
        # get_base_queryset: live pages of this site without any view restriction on the way down.
        return (
            ExperimentPage.objects.filter(
                pk__in=self.get_base_queryset().values("pk"), members_only=False
            )
            .select_related("team")
            .prefetch_related("subjects", "grade_levels", "tags", "findings", "links__target")
            .order_by("-first_published_at", "-pk")
        )

    def paginate_queryset(self, queryset):
        return attach_places(super().paginate_queryset(queryset))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("experiments", ExperimentsAPIViewSet)
