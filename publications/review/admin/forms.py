"""Forms the managing editors fill in the admin."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publications.models import Decision, Series, Submission

from ..decisions import DECISION_KINDS
from ..editors import managing_editors
from ..permissions import REVIEWERS
from ..portal.forms import USERNAME_EMAIL_MAX_LENGTH, series_choices
from ..queue import UNASSIGNED


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200,
                        help_text=_("Title, keywords, abstract, authors or number."))
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("Any state"))] + list(Submission.State.choices))
    series = forms.ModelChoiceField(label=_("Series"), required=False,
                                    queryset=Series.objects.all(), empty_label=_("Any series"))
    handling_editor = forms.ChoiceField(label=_("Handling editor"), required=False)
    overdue = forms.BooleanField(label=_("Only overdue work"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Submissions are made to the source-locale series, the ones the portal offers; their
        # translations would only repeat each series under other names.
        self.fields["series"].queryset = series_choices()
        self.fields["handling_editor"].choices = (
            [("", _("Any handling editor")), (UNASSIGNED, _("Nobody yet"))]
            + [(str(user.pk), user.get_full_name() or user.get_username())
               for user in managing_editors()])


class HandlingEditorForm(forms.Form):
    """Hand a submission to another managing editor (who is told by e-mail)."""

    editor = forms.ModelChoiceField(label=_("Handling editor"),
                                    queryset=get_user_model().objects.none())
    note = forms.CharField(label=_("Note for the timeline (optional)"), required=False,
                           max_length=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["editor"].queryset = managing_editors()
        self.fields["editor"].label_from_instance = (
            lambda u: f"{u.get_full_name() or u.get_username()} <{u.email}>")


def _in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class InviteReviewerForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), required=False,
                                      queryset=get_user_model().objects.none())
    # The address becomes the new reviewer's user name.
    new_email = forms.EmailField(label=_("…or invite someone new by e-mail"), required=False,
                                 max_length=USERNAME_EMAIL_MAX_LENGTH)
    new_name = forms.CharField(label=_("Their name"), required=False, max_length=150)
    response_due = forms.DateField(label=_("Answer due"), widget=forms.DateInput(
        attrs={"type": "date"}))
    review_due = forms.DateField(label=_("Review due"), widget=forms.DateInput(
        attrs={"type": "date"}))

    def __init__(self, *args, submission, **kwargs):
        kwargs.setdefault("initial", {"response_due": _in_days(7), "review_due": _in_days(35)})
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            get_user_model().objects.filter(groups__name=REVIEWERS, is_active=True)
            .exclude(pk=submission.submitter_id).order_by("last_name", "email").distinct()
        )
        self.fields["reviewer"].label_from_instance = (
            lambda u: f"{u.get_full_name() or u.get_username()} <{u.email}>")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reviewer") and cleaned.get("new_email"):
            raise ValidationError(_("Pick a reviewer or enter a new e-mail address, not both."))
        if not cleaned.get("reviewer") and not cleaned.get("new_email") and not self.errors:
            raise ValidationError(_("Pick a reviewer or enter a new reviewer's e-mail address."))
        if cleaned.get("new_email") and not cleaned.get("new_name"):
            self.add_error("new_name", _("Give the new reviewer's name."))
        response, review = cleaned.get("response_due"), cleaned.get("review_due")
        if response and response < timezone.localdate():
            self.add_error("response_due", _("This date is in the past."))
        if response and review and review < response:
            self.add_error("review_due", _("The review cannot be due before the answer."))
        return cleaned


class DecisionForm(forms.Form):
    """The rules (a revision needs a due date, not in the past) are the state machine's:
    ``workflow.record_decision`` refuses what breaks them and the view shows its reason."""

    outcome = forms.ChoiceField(label=_("Decision"), choices=[
        (outcome, label) for outcome, label in Decision.Outcome.choices
        if DECISION_KINDS[outcome].closes_round])
    letter = forms.CharField(label=_("Letter to the author"), max_length=50000,
                             widget=forms.Textarea(attrs={"rows": 18}))
    revision_due = forms.DateField(label=_("Revision due (for revisions)"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].help_text = " ".join(
            f"{label}: {DECISION_KINDS[outcome].does}" for outcome, label
            in self.fields["outcome"].choices)


class DeskRejectForm(forms.Form):
    letter = forms.CharField(label=_("Letter to the author"), max_length=50000,
                             widget=forms.Textarea(attrs={"rows": 12}))


class OverrideHitsForm(forms.Form):
    """The reason for passing a file on despite the identity check (the submission's page
    shows one such form per file, as publications/admin/identity_hits.html)."""

    reason = forms.CharField(label=_("Why these findings do not identify anyone"),
                             max_length=2000)


class StatisticsFilterForm(forms.Form):
    """Which series and year the editorial statistics cover (all when left empty)."""

    series = forms.ModelChoiceField(label=_("Series"), required=False,
                                    queryset=Series.objects.none(), empty_label=_("Every series"))
    year = forms.IntegerField(label=_("Year received"), required=False, min_value=1900,
                              max_value=2999)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series_choices()
