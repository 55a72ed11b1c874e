"""Tags that stay tidy: administrators list every tag with its count, rename and merge tags.

Merging moves every tagged object (experiments, and images or documents, which share taggit's
Tag) to the surviving tag, rewrites the tag in saved page revisions so a later edit or publish
does not bring the old tag back or break, and deletes the merged tag. Names are compared
case-insensitively, so "Læsning" and "læsning" can be found and merged.
"""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, ForeignKey
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Revision
from wagtail.search import index

from knowledge.models import ExperimentPage

MERGE_PERMISSIONS = ("taggit.change_tag", "taggit.delete_tag")


def tags_named(name, exclude=None):
    """Tags whose name equals name, ignoring case (also for æ, ø, å, which SQLite cannot fold)."""
    name = name.strip()
    tags = Tag.objects.exclude(pk=exclude.pk) if exclude else Tag.objects.all()
    same = [tag for tag in tags.order_by("name") if tag.name.casefold() == name.casefold()]
    return sorted(same, key=lambda tag: tag.name != name)  # the exact spelling first


def unique_slug(tag):
    base = tag.slugify(tag.name)
    slug, number = base, 1
    while Tag.objects.filter(slug=slug).exclude(pk=tag.pk).exists():
        number += 1
        slug = f"{base}_{number}"
    return slug


def _tag_relations():
    """Every through model with a foreign key to Tag (ExperimentTag, taggit's TaggedItem...)."""
    for relation in Tag._meta.related_objects:
        if isinstance(relation.field, ForeignKey):
            yield relation.related_model, relation.field


def _rewrite_revisions(source, target):
    """Point saved experiment revisions at the surviving tag; one tag per experiment revision."""
    content_type = ContentType.objects.get_for_model(ExperimentPage)
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        items = revision.content.get("tagged_items")
        if not items or not any(item.get("tag") == source.pk for item in items):
            continue
        kept, seen = [], set()
        for item in items:
            if item.get("tag") == source.pk:
                item = {**item, "tag": target.pk}
            if item.get("tag") not in seen:
                seen.add(item.get("tag"))
                kept.append(item)
        revision.content["tagged_items"] = kept
        revision.save(update_fields=["content"])


@transaction.atomic
def merge_tags(source, target):
    """Move everything tagged source to target and delete source. Returns the experiments moved."""
    if source.pk == target.pk:
        raise ValueError("A tag cannot be merged into itself.")
    experiment_ids = set(
        ExperimentPage.objects.filter(tagged_items__tag=source).values_list("pk", flat=True)
    )
    for through, tag_field in _tag_relations():
        identity = [
            field.attname
            for field in through._meta.concrete_fields
            if not field.primary_key and field is not tag_field
        ]
        already = set(through.objects.filter(**{tag_field.name: target}).values_list(*identity))
        for row in through.objects.filter(**{tag_field.name: source}):
            key = tuple(getattr(row, attname) for attname in identity)
            if key in already:
                row.delete()  # the object already carries the surviving tag
            else:
                setattr(row, tag_field.name, target)
                row.save(update_fields=[tag_field.name])
                already.add(key)
    _rewrite_revisions(source, target)
    source.delete()
    transaction.on_commit(lambda: _reindex(experiment_ids))
    return len(experiment_ids)


def _reindex(experiment_ids):
    for experiment in ExperimentPage.objects.filter(pk__in=experiment_ids).live():
        index.insert_or_update_object(experiment)


class TagForm(WagtailAdminModelForm):
    merge = forms.BooleanField(
        label=gettext_lazy("Merge into the tag that has this name"),
        required=False,
        help_text=gettext_lazy(
            "If another tag already has the new name, move all its experiments there."
        ),
    )

    class Meta:
        model = Tag
        fields = ["name"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("A tag needs a name."))
        return name

    def clean(self):
        cleaned = super().clean()
        self.merge_target = None
        name = cleaned.get("name")
        if not name:
            return cleaned
        same = tags_named(name, exclude=self.instance if self.instance.pk else None)
        if same:
            if not self.instance.pk:
                self.add_error(
                    "name", _("A tag called “%(name)s” already exists.") % {"name": same[0].name}
                )
            elif cleaned.get("merge"):
                self.merge_target = same[0]
            else:
                self.add_error(
                    "name",
                    _(
                        "A tag called “%(name)s” already exists. Tick “Merge into the tag that has "
                        "this name” to move all experiments of “%(current)s” to it."
                    )
                    % {"name": same[0].name, "current": self.instance.name or name},
                )
        return cleaned

    def validate_unique(self):
        # clean() has already explained a clash of names, and a merge keeps the existing name.
        if self.merge_target is None and "name" not in self.errors:
            super().validate_unique()


class TagEditView(generic.EditView):
    def save_instance(self):
        target = self.form.merge_target
        if target is not None:
            source = Tag.objects.get(pk=self.object.pk)
            moved = merge_tags(source, target)
            self.merged_message = _(
                "“%(source)s” was merged into “%(target)s”: %(count)s experiments moved."
            ) % {"source": source.name, "target": target.name, "count": moved}
            return target
        tag = self.form.save(commit=False)
        tag.slug = unique_slug(tag)
        tag.save()
        _reindex(
            set(ExperimentPage.objects.filter(tagged_items__tag=tag).values_list("pk", flat=True))
        )
        return tag

    def get_success_message(self):
        return getattr(self, "merged_message", None) or _("Tag “%(name)s” was saved.") % {
            "name": self.object.name
        }


class TagCreateView(generic.CreateView):
    def save_instance(self):
        tag = self.form.save(commit=False)
        tag.slug = unique_slug(tag)
        tag.save()
        return tag


class TagIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(experiment_count=Count("knowledge_experimenttag_items", distinct=True))
        )


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=gettext_lazy("Merge into"),
        queryset=Tag.objects.none(),
        help_text=gettext_lazy("The tag that stays. Tags with the same name come first."),
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        duplicates = tags_named(source.name, exclude=source)
        self.fields["target"].queryset = Tag.objects.exclude(pk=source.pk).order_by("name")
        # Same-name tags (ignoring case) first: they are the usual reason to merge.
        others = [tag for tag in self.fields["target"].queryset if tag not in duplicates]
        self.fields["target"].choices = [("", "---------")] + [
            (tag.pk, tag.name) for tag in duplicates + others
        ]
        if duplicates:
            self.initial.setdefault("target", duplicates[0].pk)


class TagViewSet(ModelViewSet):
    model = Tag
    icon = "tag"
    menu_label = gettext_lazy("Tags")
    add_to_admin_menu = True
    menu_order = 310
    name = "tags"
    copy_view_enabled = False
    index_view_class = TagIndexView
    edit_view_class = TagEditView
    add_view_class = TagCreateView
    search_fields = ["name"]
    edit_handler = ObjectList([FieldPanel("name"), FieldPanel("merge")], base_form_class=TagForm)
    list_display = [
        "name",
        "slug",
        Column("experiment_count", label=gettext_lazy("Experiments"), sort_key="experiment_count"),
        TitleColumn(
            "merge",
            label=gettext_lazy("Merge"),
            url_name="tags:merge",
            accessor=lambda tag: _("Merge into another tag…"),
        ),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("merge/<int:pk>/", self.merge_view, name="merge"),
        ]

    def merge_view(self, request, pk):
        if not request.user.has_perms(MERGE_PERMISSIONS):
            raise PermissionDenied
        source = get_object_or_404(Tag, pk=pk)
        form = MergeForm(request.POST or None, source=source)
        if request.method == "POST" and form.is_valid():
            target = form.cleaned_data["target"]
            moved = merge_tags(source, target)
            messages.success(
                request,
                _("“%(source)s” was merged into “%(target)s”: %(count)s experiments moved.")
                % {"source": source.name, "target": target.name, "count": moved},
            )
            return redirect(self.get_url_name("index"))
        experiment_count = ExperimentPage.objects.filter(tagged_items__tag=source).count()
        return TemplateResponse(
            request,
            "knowledge/tag_admin/merge.html",
            {
                "source": source,
                "form": form,
                "experiment_count": experiment_count,
                "index_url": reverse(self.get_url_name("index")),
                "submit_url": reverse(self.get_url_name("merge"), args=[source.pk]),
            },
        )
