"""The owner's edits as forms: each says in plain words what is wrong with what was sent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..analysis.normalise import content_stems

NAME_LENGTH = 200


class EditForm(forms.Form):
    """Every edit names the picture it was made on, so an edit on a picture that has changed
    since (another owner's edit, a new analysis) is refused rather than applied to the wrong theme."""

    version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, picture, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.picture = picture
        self.question = question

    def clean_version(self):
        version = self.cleaned_data["version"]
        if version != f"{self.picture.analysis_id}:{self.picture.version}":
            raise forms.ValidationError(
                _(
                    "The picture changed while you were looking at it. Look again, then make your change."
                )
            )
        return version

    def theme(self, field):
        index = self.cleaned_data.get(field)
        if index is None or not 0 <= index < len(self.picture.themes):
            raise forms.ValidationError({field: _("Choose one of the themes shown.")})
        return self.picture.themes[index]


class RenameForm(EditForm):
    theme_index = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name"), max_length=NAME_LENGTH)

    def clean(self):
        cleaned = super().clean()
        if "version" in cleaned:
            cleaned["theme"] = self.theme("theme_index")
        return cleaned

    def payload(self):
        return {"anchor": self.cleaned_data["theme"].anchor, "name": self.cleaned_data["name"]}


class MergeForm(EditForm):
    theme_index = forms.IntegerField(widget=forms.HiddenInput)
    other = forms.IntegerField(label=_("Merge with"))

    def clean(self):
        cleaned = super().clean()
        if "version" in cleaned:
            cleaned["theme"] = self.theme("theme_index")
            cleaned["other_theme"] = self.theme("other")
            if cleaned["theme"].index == cleaned["other_theme"].index:
                raise forms.ValidationError({"other": _("Choose another theme to merge with.")})
        return cleaned

    def payload(self):
        return {
            "anchor": self.cleaned_data["theme"].anchor,
            "other": self.cleaned_data["other_theme"].anchor,
        }


class SplitForm(EditForm):
    theme_index = forms.IntegerField(widget=forms.HiddenInput)
    word = forms.CharField(label=_("Answers that use the word"), max_length=60)
    name = forms.CharField(label=_("Name of the new theme"), max_length=NAME_LENGTH)

    def clean_word(self):
        word = self.cleaned_data["word"]
        if not content_stems(word):
            raise forms.ValidationError(
                _("Write a word that says what the answers are about, not a little word like 'og'.")
            )
        return word

    def clean(self):
        cleaned = super().clean()
        if "version" in cleaned and "word" in cleaned:
            theme = cleaned["theme"] = self.theme("theme_index")
            stems = set(content_stems(cleaned["word"]))
            texts = self.question.answers.filter(pk__in=theme.anchor).values_list("text", flat=True)
            moved = sum(1 for text in texts if stems & set(content_stems(text)))
            if moved == 0:
                raise forms.ValidationError({"word": _("No answer in this theme uses that word.")})
            if moved == len(theme.anchor):
                raise forms.ValidationError(
                    {"word": _("Every answer in this theme uses that word: rename it instead.")}
                )
        return cleaned

    def payload(self):
        return {
            "anchor": self.cleaned_data["theme"].anchor,
            "word": self.cleaned_data["word"],
            "name": self.cleaned_data["name"],
        }


class MoveForm(EditForm):
    """Move an answer to a theme, or (``also``) add it to a theme while it keeps the ones it is
    in: an answer that speaks of two things counts as one voice in each of them."""

    answer = forms.IntegerField(widget=forms.HiddenInput)
    theme_index = forms.IntegerField(label=_("Move to the theme"))
    also = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if "version" in cleaned:
            cleaned["theme"] = self.theme("theme_index")
            if cleaned.get("answer") not in self.picture.theme_of:
                raise forms.ValidationError(_("That answer is not in the picture."))
        return cleaned

    def payload(self):
        payload = {
            "answer": self.cleaned_data["answer"],
            "anchor": self.cleaned_data["theme"].anchor,
        }
        if self.cleaned_data.get("also"):
            payload["also"] = True
        return payload


class PinForm(EditForm):
    """Pin a quote in the theme it is shown in: an answer in two themes is pinned in the one
    whose pin was pressed (a form without the theme pins it in the first that holds it)."""

    answer = forms.IntegerField(widget=forms.HiddenInput)
    theme_index = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if "version" in cleaned:
            if cleaned.get("answer") not in self.picture.theme_of:
                raise forms.ValidationError(_("That answer is not in the picture."))
            if cleaned.get("theme_index") is not None:
                cleaned["theme"] = self.theme("theme_index")
        return cleaned

    def payload(self):
        payload = {"answer": self.cleaned_data["answer"]}
        if self.cleaned_data.get("theme") is not None:
            payload["anchor"] = self.cleaned_data["theme"].anchor
        return payload


class ExpectForm(forms.Form):
    """An expected theme is not made on a picture: it may come before any analysis."""

    name = forms.CharField(label=_("Expected theme"), max_length=NAME_LENGTH)
    words = forms.CharField(
        label=_("Words answers on it would use"),
        required=False,
        max_length=300,
        help_text=_("Separated by commas, e.g. 'bøger, bibliotek'."),
    )

    def clean(self):
        cleaned = super().clean()
        words = [w.strip() for w in cleaned.get("words", "").split(",") if w.strip()]
        if "name" in cleaned and not content_stems(" ".join([cleaned["name"], *words])):
            raise forms.ValidationError(
                _("Give the theme a name or words that say what it is about.")
            )
        cleaned["word_list"] = words
        return cleaned

    def payload(self):
        return {"name": self.cleaned_data["name"], "words": self.cleaned_data["word_list"]}


EDIT_FORMS = {
    "rename": RenameForm,
    "merge": MergeForm,
    "split": SplitForm,
    "move": MoveForm,
    "pin": PinForm,
}
