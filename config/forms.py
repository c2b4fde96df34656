from django.forms.renderers import TemplatesSetting


class PraxisFormRenderer(TemplatesSetting):
    """Every public form renders with the site's accessible field markup (labels, help, errors)."""

    form_template_name = "components/form.html"
    field_template_name = "components/form_field.html"
