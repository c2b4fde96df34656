from django import forms

from .models import Organisation, User


class SignupDetailsForm(forms.Form):
    """The extra questions on allauth's sign-up form (see ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    role = forms.ChoiceField(
        choices=[("", "Choose your role")] + User.Role.choices,
        required=False,
        help_text="You can change this later on your profile.",
    )

    field_order = ["first_name", "last_name", "email", "role", "password1", "password2"]

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.role = self.cleaned_data.get("role") or ""
        user.save(update_fields=["first_name", "last_name", "role"])


class ProfileForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="Not listed, or none",
        help_text="Your employer or university. Ask us to add it if it is not listed.",
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "role", "organisation", "job_title", "swe_registration_number"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "swe_registration_number": forms.TextInput(
                attrs={"spellcheck": "false", "class": "input--short"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

    def clean_swe_registration_number(self):
        # People type "sw 123 456" or "Sw123456"; keep what they meant, then the model's validator
        # checks the form (SW followed by digits) and explains it if it is wrong.
        value = self.cleaned_data.get("swe_registration_number", "")
        return "".join(value.split()).upper()


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To make sure it is you.",
    )
    confirm = forms.BooleanField(
        label="I understand this deletes my account, my CPD records and my evidence files, "
        "and cannot be undone."
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your current password.")
        return password
