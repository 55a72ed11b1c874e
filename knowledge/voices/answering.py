"""The public answer page: one free-text box, the respondent's group and school, nothing else.

A respondent never sees anyone else's answer here. Abuse is limited three ways: a honeypot
field that people never see (a filled one is thanked and dropped), a length limit with a
message, and a limit on answers per question, address and hour kept in Django's cache. The
address is the client's behind the production proxies (``praksisnet.login_limits.client_ip``),
not the proxy's, which every respondent would share.
"""

from django import forms
from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from praksisnet.login_limits import client_ip

from .models import MAX_ANSWER_LENGTH, Answer, AnswerSource, OpenQuestion
from .tasks import enqueue_embedding

#: A school's network shows the internet one address for all its pupils, so a class answering
#: from the QR code on the board is one address: the limit lets three classes through an hour.
ANSWERS_PER_ADDRESS = 100
RATE_WINDOW_SECONDS = 60 * 60
HONEYPOT = "website"


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_ANSWER_LENGTH,
        error_messages={
            "required": _("Write your answer in the box first."),
            "max_length": _(
                "Your answer is too long. Please keep it under %(limit_value)d "
                "characters (it has %(show_value)d)."
            ),
        },
    )
    group = forms.ChoiceField(
        label=_("I am"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who you are.")},
    )
    school = forms.ChoiceField(
        label=_("My school"), error_messages={"required": _("Choose your school.")}
    )
    name = forms.CharField(label=_("Your name"), max_length=120, required=False)
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, question, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        groups = question.respondent_groups()
        self.fields["group"].choices = [(g.value, g.label) for g in groups]
        self.schools = {str(s.pk): s for s in question.school_choices()}
        self.fields["school"].choices = [("", _("Choose a school"))] + [
            (pk, school.title) for pk, school in self.schools.items()
        ]
        if len(self.schools) == 1:
            self.fields["school"].initial = next(iter(self.schools))
        if question.anonymous:
            del self.fields["name"]
        else:
            self.fields["name"].required = True
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_spam(self):
        return bool(self.data.get(HONEYPOT))

    def save(self):
        answer = Answer.objects.create(
            question=self.question,
            text=self.cleaned_data["text"].strip(),
            group=self.cleaned_data["group"],
            school=self.schools[self.cleaned_data["school"]],
            respondent_name=self.cleaned_data.get("name", ""),
            source=AnswerSource.FORM,
        )
        enqueue_embedding([answer.pk])
        return answer


def _rate_key(request, question):
    return f"voices:answers-from:{question.pk}:{client_ip(request) or 'unknown'}"


def over_rate_limit(request, question):
    return cache.get(_rate_key(request, question), 0) >= ANSWERS_PER_ADDRESS


def count_answer_from(request, question):
    key = _rate_key(request, question)
    if not cache.add(key, 1, RATE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, RATE_WINDOW_SECONDS)


@never_cache
def answer_page(request, key):
    question = get_object_or_404(OpenQuestion, key=key)
    context = {"question": question, "max_length": MAX_ANSWER_LENGTH}
    if not question.is_open():
        return render(request, "voices/answer_page.html", {**context, "closed": True})
    form = AnswerForm(question, request.POST or None)
    status = 200
    if request.method == "POST":
        if over_rate_limit(request, question):
            context["rate_limited"] = True
            status = 429
        elif form.is_spam():
            return redirect(reverse("voices:thanks", args=[question.key]))
        elif form.is_valid():
            count_answer_from(request, question)
            form.save()
            return redirect(reverse("voices:thanks", args=[question.key]))
        else:
            status = 400
    context["form"] = form
    return render(request, "voices/answer_page.html", context, status=status)


@never_cache
def thanks_page(request, key):
    question = get_object_or_404(OpenQuestion, key=key)
    return render(request, "voices/answer_thanks.html", {"question": question})
