from django import forms

from partners.models import Partner


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="A .csv file saved as UTF-8, with the header on its first line.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class PartnerLinkForm(forms.Form):
    partner = forms.ModelChoiceField(
        queryset=Partner.objects.all(),
        help_text="The partner who will get the link. It shows only visits through links carrying this partner's code.",
    )
