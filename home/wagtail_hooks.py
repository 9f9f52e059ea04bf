"""The mission section's snippets in the admin: the people and partner organisations that
pages, publications and lectures name."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Partner, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "position", "affiliation", BooleanColumn(
        "is_staff_member", label=Person._meta.get_field("is_staff_member").verbose_name)]
    list_filter = ["is_staff_member"]
    search_fields = ["name", "affiliation"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "partner_type", "website"]
    list_filter = ["partner_type"]
    search_fields = ["name"]


register_snippet(PersonViewSet)
register_snippet(PartnerViewSet)
