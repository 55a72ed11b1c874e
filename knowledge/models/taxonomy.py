"""The shared vocabularies experiments are described with: subjects and grade levels."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Subject(index.Indexed, models.Model):
    """A school subject (fag). Administrators maintain the list as a snippet."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)
        super().save(*args, **kwargs)


class GradeLevel(models.Model):
    """A grade (klassetrin) from 0. to 10. klasse; the rows are created by a data migration."""

    number = models.PositiveSmallIntegerField(_("grade"), unique=True)

    class Meta:
        verbose_name = _("grade level")
        verbose_name_plural = _("grade levels")
        ordering = ["number"]

    def __str__(self):
        return _("grade %(number)s") % {"number": self.number}


class SynonymGroup(models.Model):
    """Words that mean the same to people searching, added by administrators to the list the
    project ships (knowledge/search/synonyms.py); search uses them at once, with no re-indexing."""

    words = models.TextField(
        _("words"),
        help_text=_(
            "Words that mean the same when searching, separated by commas, "
            "e.g. “fravær, pjæk, skolevægring”. A word may be several words."
        ),
    )

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["words"]

    def __str__(self):
        return ", ".join(self.members())

    def members(self):
        """The group's words, without blanks and repeats."""
        return list(dict.fromkeys(w.strip() for w in self.words.split(",") if w.strip()))
