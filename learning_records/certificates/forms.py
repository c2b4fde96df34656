"""Forms for the public verification page and the staff admin."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from learning_records.certificates.rules import normalise_code


class VerifyCodeForm(forms.Form):
    code = forms.CharField(
        label="Verification code",
        max_length=40,
        help_text="The 16 letters and numbers printed under the QR code, for example 7K3M-Q9TD-2B8X-WF4N. "
        "Capitals, spaces and dashes do not matter.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                "Enter the code as printed: 16 letters and numbers, for example 7K3M-Q9TD-2B8X-WF4N."
            )
        return code


class CompareFileForm(forms.Form):
    """A PDF someone was sent. Only its SHA-256 is computed; the file is never opened as a PDF."""

    file = forms.FileField(
        label="The PDF you were sent",
        help_text="We check whether it is exactly the file we issued. It is not stored.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.PRAXIS_VERIFY_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is larger than {filesizeformat(limit)}, so it cannot be one of our certificates."
            )
        upload.seek(0)
        if upload.read(5) != b"%PDF-":
            raise forms.ValidationError("The file is not a PDF. Choose the PDF certificate you were sent.")
        upload.seek(0)
        return upload


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown to anyone who checks this certificate, so write it plainly and leave out "
        "personal details, e.g. 'Issued in error: the attendance record was corrected.'",
    )


class ReissueForm(forms.Form):
    note = forms.CharField(
        label="What was corrected",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the certificate's history for staff; not printed or shown publicly.",
    )
