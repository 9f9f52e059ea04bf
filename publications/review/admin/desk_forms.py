"""Forms of the managing editor's desk: the reviewer database and changes to assignments."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.models import TopicPage
from publications.models import AssignmentChange, ReviewerRecord
from publications.review.models.reviewers import REVIEW_LANGUAGES, split_keywords


def topic_choices():
    return TopicPage.objects.live().filter(locale=Locale.get_default()).order_by("title")


class ReviewerSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ModelChoiceField(label=_("Area of expertise"), required=False,
                                   queryset=TopicPage.objects.none(),
                                   empty_label=_("Any area"))
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("Any language"))] + REVIEW_LANGUAGES)
    available = forms.BooleanField(label=_("Only people available now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topic_choices()


class ReviewerRecordForm(forms.ModelForm):
    affiliation = forms.CharField(label=_("Affiliation"), required=False, max_length=255)
    languages = forms.MultipleChoiceField(label=_("Languages they review in"), required=False,
                                          choices=REVIEW_LANGUAGES)

    class Meta:
        model = ReviewerRecord
        fields = ["topics", "keywords", "languages", "availability_note", "not_before"]
        widgets = {"topics": forms.CheckboxSelectMultiple,
                   "not_before": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, profile=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.fields["topics"].queryset = topic_choices()
        self.initial["languages"] = self.instance.language_list
        if profile is not None:
            self.initial["affiliation"] = profile.affiliation

    def clean_keywords(self):
        return ", ".join(split_keywords(self.cleaned_data["keywords"]))

    def clean_languages(self):
        return ",".join(self.cleaned_data["languages"])

    def save(self, commit=True):
        record = super().save(commit)
        if commit and self.profile is not None:
            self.profile.affiliation = self.cleaned_data["affiliation"].strip()
            self.profile.save(update_fields=["affiliation"])
        return record


class DueDatesForm(forms.Form):
    response_due = forms.DateField(label=_("Answer due"),
                                   widget=forms.DateInput(attrs={"type": "date"}),
                                   help_text=_("Once the invitation is accepted, only the "
                                               "review's date changes."))
    review_due = forms.DateField(label=_("Review due"),
                                 widget=forms.DateInput(attrs={"type": "date"}))
    tell_reviewer = forms.TypedChoiceField(
        label=_("Tell the reviewer?"), coerce=lambda v: v == "yes", widget=forms.RadioSelect,
        choices=[("yes", _("Yes, e-mail the new dates (in the reviewer's language)")),
                 ("no", _("No, change them quietly"))])
    note = forms.CharField(label=_("Note for the timeline (optional)"), required=False,
                           max_length=2000)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why it is reopened (the reviewer reads this)"),
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    review_due = forms.DateField(label=_("New review due date"),
                                 widget=forms.DateInput(attrs={"type": "date"}))


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=AssignmentChange.DeclineReason.choices,
                               widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    suggested_name = forms.CharField(label=_("Someone to ask instead: name (optional)"),
                                     required=False, max_length=200)
    suggested_email = forms.EmailField(label=_("Their e-mail (optional)"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("suggested_email") and not cleaned.get("suggested_name"):
            self.add_error("suggested_name", _("Give the name of the person you suggest."))
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason for cancelling (kept for the editors)"),
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    confirm = forms.BooleanField(
        label=_("Yes, cancel this assignment: the reviewer is told it is no longer needed."))


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(label=_("Rating"), coerce=int,
                                   choices=[(n, str(n)) for n in range(1, 6)])
    note = forms.CharField(label=_("Private note"), required=False, max_length=1000)


class ThanksConsentForm(forms.Form):
    thank_publicly = forms.BooleanField(
        label=_("Thank me by name in the yearly list of reviewers"), required=False)
