from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Render forms with the project's accessible field templates (error summary, described-by)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
