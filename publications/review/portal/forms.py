"""Forms of the author portal and the reviewer's link pages."""

import unicodedata

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordResetForm,
    UserCreationForm,
    UsernameField,
)
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.uploads import check_upload
from home.models import TopicPage
from publications.models import (
    AssignmentChange,
    Profile,
    PublicationPage,
    Recommendation,
    ReviewerPreference,
    Series,
    Submission,
    SubmissionAuthor,
)
from publications.review.production import published_keywords
from publications.validators import normalise_orcid, validate_orcid

from ..permissions import REVIEWERS
from ..review_forms import add_answer_fields, answers_from, field_name

# An address that becomes a user name must fit Django's username column.
USERNAME_EMAIL_MAX_LENGTH = get_user_model()._meta.get_field("username").max_length
# The longest address an account can have (Django's e-mail column); django-axes keeps what was
# typed at log-in in a 255-character column.
LOGIN_MAX_LENGTH = 254


def page_language():
    """The active language when the site offers it, else the default one."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class RegistrationForm(UserCreationForm):
    email = forms.EmailField(label=_("E-mail"), max_length=USERNAME_EMAIL_MAX_LENGTH)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    affiliation = forms.CharField(label=_("Affiliation"), max_length=255, required=False)
    # The page's own language unless the author picks another: someone registering on the
    # Arabic portal reads Arabic.
    preferred_language = forms.ChoiceField(
        label=_("Language for e-mails"), choices=settings.LANGUAGES, initial=page_language
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("email", "first_name", "last_name")

    # The account that already has the address, if any: the view then tells its owner by
    # e-mail and answers as for a new account, so the form reveals no one's address.
    existing_account = None

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        User = get_user_model()
        self.existing_account = User.objects.filter(
            models.Q(email__iexact=email) | models.Q(username__iexact=email)).first()
        return email

    def save(self, commit=True):
        user = super().save(commit=False)
        user.username = user.email
        # The account works only once the address is proven.
        user.is_active = False
        if commit:
            user.save()
            Profile.objects.create(
                user=user,
                affiliation=self.cleaned_data.get("affiliation", ""),
                preferred_language=self.cleaned_data["preferred_language"],
            )
        return user


def awaiting_verification(users):
    """The accounts among ``users`` that registered but never confirmed their address.

    Registration leaves an account inactive until its address is proven; an account that an
    administrator deactivated after that is not waiting for anything and is not listed.
    """
    return [u for u in users if not u.is_active
            and not getattr(getattr(u, "jcmi_profile", None), "email_verified", True)]


def unverified_accounts(email):
    User = get_user_model()
    return awaiting_verification(
        User.objects.filter(email__iexact=(email or "").strip()).select_related("jcmi_profile"))


class PortalLoginForm(AuthenticationForm):
    """Log-in that tells the owner of an unconfirmed account why they cannot log in yet.

    Only someone who gives the account's right password learns that it exists and waits for
    confirmation; anyone else gets Django's usual "correct username and password" message.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Please enter a correct e-mail address and password. Note that the "
                           "password is case-sensitive."),
        "unverified": _("Your e-mail address is not confirmed yet."),
    }

    # Declared here, on the field: AuthenticationForm sets max_length after building its fields,
    # which validates nothing, and django-axes stores the name in a 255-character column.
    username = UsernameField(max_length=254, widget=forms.TextInput(attrs={"autofocus": True}))

    unverified = None

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # Accounts are made with an e-mail address (the demo and staff accounts also have a
        # short user name, which still works).
        username = self.fields["username"]
        username.label = _("E-mail address")
        username.widget.attrs.update(inputmode="email", autocomplete="email")
        # AuthenticationForm sets max_length after building the field, which validates nothing
        # (PITFALLS.md): give the field a real validator, so an over-long name is a 400 and never
        # reaches authenticate() or django-axes' column.
        username.max_length = LOGIN_MAX_LENGTH
        username.validators.append(MaxLengthValidator(LOGIN_MAX_LENGTH))
        username.widget.attrs["maxlength"] = str(LOGIN_MAX_LENGTH)

    def clean_username(self):
        """The account's own user name for what was typed: its e-mail address in any case.

        authenticate() and django-axes then see one name per account, so a lock-out holds however
        the address is capitalised, and an address that matches no account is left as typed.
        """
        typed = self.cleaned_data["username"].strip()
        User = get_user_model()
        field = User.USERNAME_FIELD
        email_field = User.get_email_field_name()
        matches = list(User._default_manager.filter(
            models.Q(**{f"{field}__iexact": typed}) | models.Q(**{f"{email_field}__iexact": typed})
        )[:3])
        exact = [u for u in matches if u.get_username() == typed]
        if exact:
            return typed
        by_name = [u for u in matches if _same_address(u.get_username(), typed)]
        by_address = [u for u in matches if _same_address(getattr(u, email_field), typed)]
        for candidates in (by_name, by_address):
            if len(candidates) == 1:
                return candidates[0].get_username()
        return typed

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            user = self._unverified_owner()
            if user is None:
                raise
            self.unverified = user
            raise ValidationError(self.error_messages["unverified"],
                                  code="unverified") from None

    def _unverified_owner(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return None
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            return None
        # The password is checked only for an account that is waiting for confirmation, and
        # only after authenticate() has failed (so django-axes has counted the attempt).
        if awaiting_verification([user]) and user.check_password(password):
            return user
        return None


def _same_address(a, b):
    return (unicodedata.normalize("NFKC", a).casefold()
            == unicodedata.normalize("NFKC", b).casefold())


class PortalPasswordResetForm(PasswordResetForm):
    def get_users(self, email):
        """Also a reviewer invited by e-mail, who has no password until they choose one.

        Django skips accounts without a usable password; for those reviewers that would leave no
        way into the editorial workspace once their invitation's set-a-password link expires.
        """
        User = get_user_model()
        email_field = User.get_email_field_name()
        candidates = User._default_manager.filter(
            **{f"{email_field}__iexact": email, "is_active": True}).prefetch_related("groups")
        for user in candidates:
            # As Django does: the database's case-insensitive match is not Unicode-safe.
            if not _same_address(email, getattr(user, email_field)):
                continue
            no_password_reviewer = not user.has_usable_password() and any(
                g.name == REVIEWERS for g in user.groups.all())
            if user.has_usable_password() or no_password_reviewer:
                yield user


class ResendVerificationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))


def series_choices():
    return Series.objects.filter(locale=Locale.get_default()).order_by("name")


class DetailsForm(forms.ModelForm):
    topics = forms.ModelMultipleChoiceField(
        queryset=TopicPage.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, label=_("Topics"),
    )

    class Meta:
        model = Submission
        fields = ["series", "title", "abstract", "keywords", "topics"]
        widgets = {"abstract": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series_choices()
        self.fields["series"].required = True
        self.fields["series"].empty_label = None
        # A draft keeps whatever is there; "Check and submit" lists what is still missing.
        self.fields["abstract"].required = not draft
        self.fields["topics"].queryset = TopicPage.objects.live().filter(
            locale=Locale.get_default()).order_by("title")


    def clean_keywords(self):
        """The keywords must fit the publication page they become ("; " between them)."""
        keywords = self.cleaned_data["keywords"]
        listed = published_keywords(Submission(keywords=keywords).keyword_list)
        limit = PublicationPage._meta.get_field("keywords").max_length
        if len(listed) > limit:
            raise ValidationError(
                _("Together, the keywords may take at most %(limit)s characters (they take "
                  "%(count)s).") % {"limit": limit, "count": len(listed)})
        return keywords


class SubmissionAuthorForm(forms.ModelForm):
    # Longer than an iD, so that a pasted https://orcid.org/… address can be normalised.
    orcid = forms.CharField(label=_("ORCID iD"), max_length=60, required=False)

    class Meta:
        model = SubmissionAuthor
        fields = ["name", "email", "affiliation", "orcid", "is_corresponding"]

    def clean_orcid(self):
        value = normalise_orcid(self.cleaned_data.get("orcid"))
        if value:
            validate_orcid(value)
        return value


class BaseAuthorFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if not kept:
            raise ValidationError(_("Add at least one author."))
        corresponding = [f for f in kept if f.cleaned_data.get("is_corresponding")]
        if len(corresponding) != 1:
            raise ValidationError(_("Mark exactly one author as the corresponding author."))
        emails = [f.cleaned_data["email"].lower() for f in kept]
        if len(set(emails)) != len(emails):
            raise ValidationError(_("Each author needs their own e-mail address."))

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            # A number per row, so the order of credit can be changed without JavaScript.
            form.fields["ORDER"].label = _("Position in the author list")
            form.fields["ORDER"].validators.append(MinValueValidator(1))
            form.fields["ORDER"].widget.attrs["min"] = 1

    def save(self, commit=True):
        # The author's positions decide the order of credit; rows without one keep their place
        # after the numbered ones (Django's ordered_forms), and an untouched empty row is skipped.
        saved = super().save(commit=False)
        for obj in self.deleted_objects:
            obj.delete()
        kept = [f for f in self.ordered_forms if f.cleaned_data]
        for position, form in enumerate(kept):
            form.instance.sort_order = position
            form.instance.submission = self.instance
            form.instance.save()
        # The list sent is the whole author list: a row it does not hold (one that another save,
        # sent at the same moment, added) goes, so the authors are exactly the ones on this form.
        # The view saves under a lock on the submission, one save after the other.
        self.instance.authors.exclude(pk__in=[f.instance.pk for f in kept]).delete()
        return saved


AuthorFormSet = inlineformset_factory(
    Submission, SubmissionAuthor, form=SubmissionAuthorForm, formset=BaseAuthorFormSet,
    extra=1, can_delete=True, can_order=True, max_num=30, validate_max=True,
)


class StatementsForm(forms.ModelForm):
    licence_agreed = forms.BooleanField(
        label=_("I agree that, if accepted, the work is published under the series' open "
                "licence (CC BY 4.0), and I have the right to grant it."),
        required=True,
    )

    class Meta:
        model = Submission
        fields = ["cover_letter", "competing_interests", "licence_agreed"]
        widgets = {"cover_letter": forms.Textarea(attrs={"rows": 6}),
                   "competing_interests": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"competing_interests": _("Write “None” if you have none to declare.")}

    def __init__(self, *args, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competing_interests"].required = not draft
        self.fields["licence_agreed"].required = not draft


class ReviewerPreferenceForm(forms.ModelForm):
    class Meta:
        model = ReviewerPreference
        fields = ["kind", "name", "email", "affiliation", "reason"]


# Up to ten people the authors suggest as reviewers or ask the editors not to invite. The editors
# see them flagged on their list of suggestions; the authors never learn whom they invited.
ReviewerPreferenceFormSet = inlineformset_factory(
    Submission, ReviewerPreference, form=ReviewerPreferenceForm, extra=1, can_delete=True,
    max_num=10, validate_max=True,
)


class CheckedFileField(forms.FileField):
    """A file field whose value, once clean, is a ``files.CheckedUpload`` judged by content."""

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if not uploaded or uploaded is initial:
            return None
        return check_upload(uploaded)


class FilesForm(forms.Form):
    manuscript = CheckedFileField(label=_("Manuscript (PDF, DOCX or ODT)"), required=False)
    anonymised = CheckedFileField(
        label=_("Anonymised manuscript (no names, affiliations or acknowledgements)"),
        required=False,
    )
    supplementary = CheckedFileField(label=_("Supplementary file (optional)"), required=False)

    def __init__(self, *args, submission, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission = submission
        self.draft = draft
        self.has = set(submission.files.filter(round_number=1).values_list("kind", flat=True))
        if not submission.is_double_anonymous:
            del self.fields["anonymised"]

    def clean(self):
        cleaned = super().clean()
        if self.draft:
            return cleaned
        if not cleaned.get("manuscript") and "manuscript" not in self.has and not self.errors:
            self.add_error("manuscript", _("Please upload the manuscript."))
        if ("anonymised" in self.fields and not cleaned.get("anonymised")
                and "anonymised" not in self.has and not self.errors):
            self.add_error("anonymised", _("This series reviews double-anonymously: please "
                                           "upload an anonymised manuscript as well."))
        return cleaned


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class RevisionForm(forms.Form):
    # The answer to each review is its own field, named by this prefix and the review's id. The
    # prefix shares nothing with the form's other fields (a "response_" prefix once hid the
    # response-letter upload from the page along with the answers).
    ANSWER_PREFIX = "answer_to_review_"

    manuscript = CheckedFileField(label=_("Revised manuscript"))
    anonymised = CheckedFileField(label=_("Anonymised revised manuscript"))
    response_file = CheckedFileField(label=_("Response letter (optional)"), required=False)
    note = forms.CharField(label=_("Note to the editors (optional)"), required=False,
                           max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, submission, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        if not submission.is_double_anonymous:
            del self.fields["anonymised"]
        self.reviews = reviews
        for review in reviews:
            self.fields[self.answer_field(review)] = forms.CharField(
                label=_("Your response to %(reviewer)s") % {"reviewer": review.reviewer_label},
                max_length=20000, widget=forms.Textarea(attrs={"rows": 5}),
            )

    @classmethod
    def answer_field(cls, review):
        return f"{cls.ANSWER_PREFIX}{review.pk}"

    def responses(self):
        return {r.pk: self.cleaned_data[self.answer_field(r)] for r in self.reviews}

    def review_fields(self):
        return [(r, self[self.answer_field(r)]) for r in self.reviews]

    def general_fields(self):
        """The files and the note: every field that is not the answer to one review."""
        answers = {self.answer_field(r) for r in self.reviews}
        return [field for field in self if field.name not in answers]


class ReviewForm(forms.Form):
    recommendation = forms.ChoiceField(label=_("Recommendation"), choices=Recommendation.choices,
                                       widget=forms.RadioSelect)
    comments_for_authors = forms.CharField(
        label=_("Comments for the authors"), max_length=50000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Shared with the authors. Do not sign them."),
    )
    confidential_comments = forms.CharField(
        label=_("Confidential comments for the editor"), required=False, max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    attachment = CheckedFileField(label=_("Annotated manuscript (optional)"), required=False)

    def __init__(self, *args, questions=(), draft=False, assignment=None, **kwargs):
        """``questions``: the series' review form, answered beside the recommendation; a
        ``draft`` is saved to come back to, and needs nothing answered yet."""
        super().__init__(*args, **kwargs)
        if draft:
            for name in ("recommendation", "comments_for_authors"):
                self.fields[name].required = False
        add_answer_fields(self, list(questions), draft=draft, assignment=assignment)

    def answers(self):
        return answers_from(self)

    def question_fields(self):
        """(question, its bound field) for each of the series' questions, in the form's order."""
        return [(question, self[field_name(question)]) for question in self.questions]

    def general_fields(self):
        """The recommendation, comments and file: every field that answers no question."""
        answers = {field_name(question) for question in self.questions}
        return [field for field in self if field.name not in answers]

class DeclineForm(forms.Form):
    """What a reviewer may say when declining: all optional, all for the editors only."""

    reason = forms.ChoiceField(
        label=_("Why are you declining? (optional)"), required=False,
        choices=[("", "—")] + list(AssignmentChange.DeclineReason.choices))
    note = forms.CharField(label=_("Anything else for the editors (optional)"), required=False,
                           max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    suggested_name = forms.CharField(label=_("Someone the editors could ask instead: name"),
                                     required=False, max_length=200)
    suggested_email = forms.EmailField(label=_("Their e-mail"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("suggested_email") and not cleaned.get("suggested_name"):
            self.add_error("suggested_name", _("Give the name of the person you suggest."))
        return cleaned

    def says_something(self):
        return any(self.cleaned_data.get(k) for k in self.fields)
