from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.eu import vat

from .models import Registration


class RegistrationForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that the network keeps these details to run the course, as the "
                "privacy notice explains."),
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "sector", "fee_category",
                  "invoice_organisation", "invoice_address", "vat_number", "needs",
                  "airport_pickup", "accommodation"]
        widgets = {
            "invoice_address": forms.Textarea(attrs={"rows": 3}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, run, **kwargs):
        super().__init__(*args, **kwargs)
        self.run = run
        categories = run.fee_categories.all()
        self.fields["fee_category"].queryset = categories
        self.fields["fee_category"].required = categories.exists()
        self.fields["fee_category"].empty_label = None
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        if run.attendance == run.Attendance.ONLINE:  # nothing to pick up or book
            del self.fields["airport_pickup"]
            del self.fields["accommodation"]

    def clean_vat_number(self):
        number = self.cleaned_data["vat_number"].strip()
        if number and not vat.is_valid(number):
            raise ValidationError(_("This is not a valid EU VAT number (for example DE136695976)."))
        return vat.compact(number) if number else ""

    def registration_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}
