"""Who may translate what.

Translators belong to the "Translators" group (admin access, nothing else) and to one group per
target locale, "Translators (fr)" and so on. A locale group may edit the pages under that locale's
root page, and nothing else: it has no publish right, so a translation goes live only through the
moderation workflow, and it has no rights in the source locale or in other locales.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page

TRANSLATORS_GROUP = "Translators"
# Members of these groups edit content in every locale; the locale limit is for translators.
ALL_LOCALE_GROUPS = ["Editors", "Moderators", "Managing Editors"]
# Translatable snippets translators may edit (in their locales only): the public-facing ones.
TRANSLATABLE_SNIPPETS = ["home.person", "home.partner", "publications.series", "translation.sitetext"]
# Edit only: "add" would let translators create pages of their own in the locale tree; "publish",
# "lock" and "unlock" belong to moderators.
TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]


def translator_group_name(language_code):
    return f"{TRANSLATORS_GROUP} ({language_code})"


def target_locales():
    """Every locale except the source one, which translators never edit."""
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")


def ensure_translator_group(locale):
    group, _created = Group.objects.get_or_create(name=translator_group_name(locale.language_code))
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin)
    return group


def grant_translator_page_permissions(root_page):
    """Give the translators of ``root_page``'s locale edit rights on it (and so its subtree)."""
    if root_page.locale_id == Locale.get_default().pk:
        return None
    group = ensure_translator_group(root_page.locale)
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=root_page.pk, permission=permission
        )
    return group


@transaction.atomic
def sync_translator_permissions():
    """Make sure every target locale has its group, with rights on each of its root pages.

    Idempotent; the demo loader and the data migration call it, and new locale roots get their
    rights from the post_save handler in ``translation.signals``.
    """
    groups = {locale.pk: ensure_translator_group(locale) for locale in target_locales()}
    for root in Page.objects.filter(depth=2, locale_id__in=groups):
        grant_translator_page_permissions(root)
    return list(groups.values())


def translator_locales(user):
    """The locales ``user`` may translate into, from their "Translators (xx)" groups."""
    if user.is_superuser:
        return list(target_locales())
    prefix = f"{TRANSLATORS_GROUP} ("
    codes = [
        name[len(prefix):-1]
        for name in user.groups.filter(name__startswith=prefix).values_list("name", flat=True)
    ]
    return list(Locale.objects.filter(language_code__in=codes).order_by("language_code"))


def is_locale_limited(user):
    """True for translators, whose rights stop at their own locales.

    Kept on the user object for the request: page listings ask it once per row.
    """
    if user.is_superuser or not user.is_authenticated:
        return False
    if not hasattr(user, "_translation_locale_limited"):
        names = set(user.groups.values_list("name", flat=True))
        user._translation_locale_limited = (
            TRANSLATORS_GROUP in names and not names.intersection(ALL_LOCALE_GROUPS)
        )
    return user._translation_locale_limited


def may_delete_pages(user):
    """Whether ``user``'s page rights include deleting (and so moving) pages at all.

    Wagtail lets the edit right delete and move pages that are not live; translators hold the
    edit right on their locale's tree only to translate, so they never delete or move.
    """
    return not is_locale_limited(user)


def may_edit_in_locale(user, instance):
    """Whether ``user`` may edit this translatable object given its locale.

    Pages are already limited by the tree (each translators' group holds rights on its locale
    root only); snippet rights are per model in Wagtail, so this adds the locale to them.
    """
    locale_id = getattr(instance, "locale_id", None)
    if locale_id is None or not is_locale_limited(user):
        return True
    return any(locale.pk == locale_id for locale in translator_locales(user))


def can_view_translation_report(user):
    """Editors who send pages for translation, and the translators themselves."""
    return (
        user.is_superuser
        or user.has_perm("wagtail_localize.submit_translation")
        or user.groups.filter(name__startswith=TRANSLATORS_GROUP).exists()
    )


def can_convert_to_alias(user, page):
    """Whether ``user`` may turn the translated ``page`` back into an alias of its source.

    An alias mirrors its source at once, live state included: converting a live translation
    puts the source's text on the public site in that locale, and converting a draft makes it
    live. That is publishing, so it needs the publish right on the page, not only the edit
    right wagtail-localize checks.
    """
    return page.permissions_for_user(user).can_publish()


def can_stop_synced_translation(user, instance):
    """Whether ``user`` may stop syncing the translated ``instance`` with its source.

    A page whose sync is stopped leaves wagtail-localize's translation editor for the ordinary
    page editor and no longer follows its source: deciding that is an editorial choice about
    the page, so it needs the publish right on it, not only the edit right wagtail-localize
    checks. Snippets keep wagtail-localize's own check.
    """
    if not isinstance(instance, Page):
        return True
    return instance.permissions_for_user(user).can_publish()
