"""Mission pages and people, for the tests, the demo and the scale corpus (factory_boy with
wagtail-factories, which adds pages under their ``parent`` as treebeard does)."""

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from .models import HomePage, Person, StandardPage, TopicIndexPage, TopicPage

LANGUAGES = ("en", "fr", "de", "ar")


def default_locale():
    return Locale.get_default()


class PersonFactory(factory.django.DjangoModelFactory):
    """A person (speaker, author, staff); looked up by slug and locale before one is made."""

    class Meta:
        model = Person
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.LazyAttribute(lambda person: slugify(person.name))
    locale = factory.LazyFunction(default_locale)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "JCMI Network"
    slug = "jcmi"
    hero_title = "JCMI Research and Education Network"
    locale = factory.LazyFunction(default_locale)


class StandardPageFactory(wagtail_factories.PageFactory):
    """A mission page; found by slug under its parent when it exists."""

    class Meta:
        model = StandardPage
        django_get_or_create = ("parent", "slug")


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TopicIndexPage
        django_get_or_create = ("parent", "slug")

    title = "Topics"
    slug = "topics"


class TopicPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TopicPage
        django_get_or_create = ("parent", "slug")


def site_home(locale_code="en"):
    """The HomePage at the default site's root in that language, made (with the site and the
    English home page) when missing: the one builder of a site tree the tests share."""
    for code in LANGUAGES:  # a flushed (transactional) test database has none
        Locale.objects.get_or_create(language_code=code)
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        home = site.root_page.specific
    else:
        home = HomePage.objects.filter(locale__language_code="en").first()
        if home is None:
            root = Page.get_first_root_node() or Page.add_root(
                instance=Page(title="Root", slug="root", locale=default_locale()))
            home = HomePageFactory(parent=root)
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                                site_name="JCMI")
        else:
            site.root_page = home
            site.save()
    if locale_code == "en":
        return home
    locale = Locale.objects.get(language_code=locale_code)
    translated = home.get_translation_or_none(locale)
    if translated is None:
        translated = home.copy_for_translation(locale)
    if not translated.live:
        translated.specific.save_revision().publish()
    return translated.specific


def topic(title, home=None):
    """A focus area under the site's topics index."""
    topics = TopicIndexPageFactory(parent=home or site_home())
    return TopicPageFactory(parent=topics, title=title, slug=slugify(title))


def translated_copy(page, language_code, **fields):
    """The page's translation as an editor makes one by hand (Wagtail's copy_for_translation,
    parents included), with ``fields`` rewritten, published. Translations through
    wagtail-localize's strings: ``translation.localize.translate_page``."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code),
                                            copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)
