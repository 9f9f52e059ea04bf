"""Keep translator rights in step with the page tree: a new locale root gets its group's rights."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from .permissions import grant_translator_page_permissions


@receiver(post_save)
def give_translators_the_new_locale_root(sender, instance, created, raw=False, **kwargs):
    # Page subclasses send post_save with their own class as sender, so filter here.
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    grant_translator_page_permissions(instance)
