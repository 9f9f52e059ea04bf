"""Contact form fields become translatable with their page (wagtail-localize).

Three steps, so that existing rows stay valid: add the two fields as nullable, give each
existing field a translation key of its own and its page's locale, then (0005) make them required
and unique per locale. The data step runs in its own migration before the constraint, as
PostgreSQL refuses to alter a table in the transaction that has just updated its rows.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_existing_fields_a_key_and_locale(apps, schema_editor):
    ContactFormField = apps.get_model("home", "ContactFormField")
    Page = apps.get_model("wagtailcore", "Page")
    # The plain Page model for the locale: the historical ContactPage (a form page) cannot be
    # instantiated outside the app.
    fields = list(ContactFormField.objects.values_list("pk", "page_id"))
    locales = dict(Page.objects.filter(pk__in={page_id for _pk, page_id in fields})
                   .values_list("pk", "locale_id"))
    for pk, page_id in fields:
        ContactFormField.objects.filter(pk=pk).update(
            translation_key=uuid.uuid4(), locale_id=locales[page_id]
        )


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_site_settings_cookie_notice"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="contactformfield",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="contactformfield",
            name="locale",
            field=models.ForeignKey(
                editable=False, null=True, on_delete=django.db.models.deletion.PROTECT,
                related_name="+", to="wagtailcore.locale", verbose_name="locale",
            ),
        ),
        migrations.RunPython(give_existing_fields_a_key_and_locale, migrations.RunPython.noop),
    ]
