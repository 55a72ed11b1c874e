from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_COMMENT_LENGTH, Comment, DigestFrequency


class CommentForm(forms.ModelForm):
    """A question, comment or answer: plain text only (shown escaped, line breaks kept)."""

    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": _("Your question or comment")}
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "maxlength": MAX_COMMENT_LENGTH})}
        error_messages = {
            "body": {
                "required": _("Write something before you send it."),
                "max_length": _(
                    "Keep it to at most %(limit_value)d characters (you wrote %(show_value)d)."
                ),
            }
        }

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something before you send it."))
        return body


class AnswerForm(CommentForm):
    class Meta(CommentForm.Meta):
        labels = {"body": _("Your answer")}


class DigestSettingsForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail with news from what you follow"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose daily, weekly or no e-mail.")},
    )
