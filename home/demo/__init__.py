"""Demo content for the mission pages: `python manage.py load_demo` runs ``load(command)``.

Idempotent: pages, snippets and images are looked up by slug, name or title and made only when
missing, so a second run changes nothing (and never overwrites an editor's changes).
Translations are made through wagtail-localize, so they stay linked to their English source.
"""

import io
import uuid
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.demo import content
from home.demo.people import translate_people
from home.demo.translations import ARABIC_TOPICS, TRANSLATIONS
from home.demo.users import accounts_table, ensure_demo_users
from home.models import (
    ContactFormField,
    ContactPage,
    HomePage,
    Partner,
    Person,
    SiteSettings,
    StandardPage,
    TopicIndexPage,
    TopicPage,
)
from translation.localize import translate_page

HOME_SLUG = "jcmi"
DEMO_IMAGE_TITLE = "Partners around a planning table (demo illustration)"


def load(command):
    users = ensure_demo_users()
    admin = users["admin"]
    image = ensure_demo_image()
    home = ensure_home(admin, image)
    ensure_site(home)
    pages = ensure_sections(home, admin, image)
    if home.hero_cta_page_id is None and not home.get_translations().exists():
        # First run only: the hero's link needs the about page, made after the home page.
        home.hero_cta_page = pages["about"]
        home.save_revision(user=admin).publish(user=admin)
    ensure_snippets()
    translate_people(admin)
    ensure_site_settings()
    for code in ("fr", "de", "ar"):
        demo_translation(home, code, admin)
        demo_translation(pages["about"], code, admin)
    # The contact form in French and Arabic (labels, help and choices translated), and the
    # focus areas in Arabic, so a right-to-left listing and topic page exist. Parents first.
    for code in ("fr", "ar"):
        demo_translation(pages["contact"], code, admin)
    # Every other page the menu leads to, in every language (parents first): the about page's
    # sections, education and training, joining; the contact page in German.
    for code in ("fr", "de", "ar"):
        for key in ("education", "join", *(child["slug"] for child in content.ABOUT_CHILDREN)):
            demo_translation(pages[key], code, admin)
    demo_translation(pages["contact"], "de", admin)
    # Fetched again: putting the menu in order may have moved the index in the tree.
    topics = TopicIndexPage.objects.get(pk=pages["topics"].pk)
    for code in ("fr", "de", "ar"):
        demo_translation(topics, code, admin)
    for topic in TopicPage.objects.child_of(topics).filter(slug__in=ARABIC_TOPICS):
        demo_translation(topic, "ar", admin)

    command.stdout.write("")
    command.stdout.write("Demo accounts (every role in DESIGN.md):")
    for line in accounts_table():
        command.stdout.write(line)
    command.stdout.write("")


# Pages ---------------------------------------------------------------------------------------

def publish_new_child(parent, page, user):
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def ensure_child(parent, model, slug, user, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    return publish_new_child(parent, model(slug=slug, **fields), user)


def ensure_home(user, image):
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    data = content.HOME
    home = HomePage(
        title=data["title"],
        slug=HOME_SLUG,
        locale=english,
        seo_title="JCMI Research and Education Network",
        hero_title=data["hero_title"],
        hero_text=data["hero_text"],
        hero_image=image,
        hero_cta_text=data["hero_cta_text"],
        mission_title=data["mission_title"],
        mission_statement="".join(f"<p>{text}</p>" for text in data["mission"]),
        goals_title=data["goals_title"],
        goals=[
            {"type": "goal", "value": {"title": title, "text": text}}
            for title, text in data["goals"]
        ],
    )
    return publish_new_child(root, home, user)


def ensure_site(home):
    """Point the default site at the network's home page and drop Wagtail's welcome page.

    The site's host and port come from BASE_URL, so the sitemap and canonical links name the
    address the demo is actually served on.
    """
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    address = {"hostname": base.hostname or "localhost",
               "port": base.port or (443 if base.scheme == "https" else 80)}
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(is_default_site=True, root_page=home,
                                   site_name=settings.WAGTAIL_SITE_NAME, **address)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.hostname, site.port = address["hostname"], address["port"]
        site.save()
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()


def stream(blocks, links=None, image=None):
    """Turn the compact block tuples of demo.content into StreamField data."""
    links = links or {}
    data = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            data.append({"type": "heading", "value": {"text": block[1], "level": "h2"}})
        elif kind == "paragraph":
            data.append({"type": "paragraph", "value": f"<p>{block[1]}</p>"})
        elif kind == "quote":
            data.append({"type": "quote", "value": {"quote": block[1], "attribution": ""}})
        elif kind == "callout":
            _kind, title, text, link_text = block
            target = links.get(link_text)
            data.append({"type": "callout", "value": {
                "title": title, "text": f"<p>{text}</p>",
                "link_page": target.pk if target else None, "link_text": link_text,
            }})
        elif kind == "accordion":
            _kind, heading, items = block
            data.append({"type": "accordion", "value": {
                "heading": heading,
                "items": list_items({"title": title, "body": f"<p>{body}</p>"}
                                    for title, body in items),
            }})
        elif kind == "table":
            _kind, caption, header, rows = block
            data.append({"type": "table", "value": {
                "data": [header, *rows], "first_row_is_table_header": True,
                "first_col_is_header": True, "table_caption": caption,
            }})
        elif kind == "dos_and_donts":
            _kind, dos, donts = block
            data.append({"type": "dos_and_donts", "value": {
                "dos_title": "Do", "dos": list_items(dos),
                "donts_title": "Don't", "donts": list_items(donts),
            }})
        elif kind == "image" and image is not None:
            data.append({"type": "image", "value": {
                "image": image.pk, "caption": block[1], "credit": "",
            }})
        else:
            raise ValueError(f"unknown demo block {kind!r}")
    return data


def list_items(values):
    """A ListBlock's raw data with an id per item, as Wagtail's editor saves it. wagtail-localize
    offers a list's items for translation only in this form (it names each segment by its item's
    id); a plain list of values is saved as it is and would stay in English on every translation."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def ensure_sections(home, user, image):
    pages = {}
    # Contact and join first: the about and join pages' call-outs link to them.
    pages["contact"] = ensure_contact(home, user)
    pages["join"] = ensure_child(
        home, StandardPage, content.JOIN["slug"], user, title=content.JOIN["title"],
        intro=content.JOIN["intro"], show_in_menus=True,
        body=stream(content.JOIN["body"], links={"Contact us": pages["contact"]}),
    )
    about_body = list(content.ABOUT["body"])
    about_body.insert(3, ("image", "Partners from civilian and military organisations "
                                   "plan together (illustration)."))
    pages["about"] = ensure_child(
        home, StandardPage, "about", user, title=content.ABOUT["title"],
        intro=content.ABOUT["intro"], show_in_menus=True,
        body=stream(about_body, links={"Join the network": pages["join"]}, image=image),
    )
    for child in content.ABOUT_CHILDREN:
        pages[child["slug"]] = ensure_child(
            pages["about"], StandardPage, child["slug"], user, title=child["title"],
            intro=child["intro"], show_in_menus=True, body=stream(child["body"]),
        )
    pages["education"] = ensure_child(
        home, StandardPage, content.EDUCATION["slug"], user, title=content.EDUCATION["title"],
        intro=content.EDUCATION["intro"], show_in_menus=True,
        body=stream(content.EDUCATION["body"]),
    )
    topics = ensure_child(
        home, TopicIndexPage, "topics", user, title=content.TOPIC_INDEX["title"],
        intro=f"<p>{content.TOPIC_INDEX['intro']}</p>", show_in_menus=True,
    )
    pages["topics"] = topics
    for slug, title, summary in content.TOPICS:
        ensure_child(
            topics, TopicPage, slug, user, title=title, summary=summary,
            body=stream([
                ("heading", "Why it matters"),
                ("paragraph", f"{summary} The network's lectures, courses and publications on "
                              f"this theme are gathered on this page."),
            ]),
        )
    # The call-outs needed contact and join first; put the menu back in reading order, once.
    order = ["about", "topics", "education-and-training", "join", "contact"]
    current = [slug for slug in home.get_children().values_list("slug", flat=True)
               if slug in order]
    if current != order:
        for slug in order:
            home.get_children().get(slug=slug).move(home, pos="last-child")
        # treebeard counts a move within the same parent as a new child; recount.
        Page.objects.filter(pk=home.pk).update(numchild=Page.objects.child_of(home).count())
    return pages


def ensure_contact(home, user):
    existing = home.get_children().filter(slug=content.CONTACT["slug"]).first()
    if existing is not None:
        return existing.specific
    data = content.CONTACT
    page = ContactPage(
        slug=data["slug"], title=data["title"], show_in_menus=True,
        intro=f"<p>{data['intro']}</p>", thank_you_text=f"<p>{data['thank_you']}</p>",
        to_address=settings.EDITORS_EMAIL,
        from_address=parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
        subject=data["subject"],
        form_fields=[
            ContactFormField(sort_order=index, label=label, field_type=field_type,
                             required=required, choices=choices, help_text=help_text)
            for index, (label, field_type, required, choices, help_text)
            in enumerate(data["fields"])
        ],
    )
    return publish_new_child(home, page, user)


# Media, snippets, settings ---------------------------------------------------------------------

def ensure_demo_image():
    """A drawn illustration, so the demo needs no download and no stock photo."""
    Image = get_image_model()
    image = Image.objects.filter(title=DEMO_IMAGE_TITLE).first()
    if image is not None:
        return image
    from PIL import Image as PILImage
    from PIL import ImageDraw

    canvas = PILImage.new("RGB", (1600, 1000), "#eaf1fa")
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle((250, 380, 1350, 720), radius=60, fill="#14325c")
    seats = [(400, 300), (650, 280), (950, 280), (1200, 300),
             (400, 800), (650, 820), (950, 820), (1200, 800)]
    for index, (x, y) in enumerate(seats):
        colour = "#a0461b" if index % 2 else "#2e7d5b"
        draw.ellipse((x - 70, y - 70, x + 70, y + 70), fill=colour)
    draw.line((400, 550, 1200, 550), fill="#ffbf47", width=12)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    image = Image(
        title=DEMO_IMAGE_TITLE,
        description="Eight people, half civilian and half military, around a planning table.",
        credit="JCMI demo illustration",
        file=ImageFile(buffer, name="jcmi-planning-table.png"),
    )
    image.save()
    return image


def ensure_snippets():
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for order, (name, kind, description, website) in enumerate(content.PARTNERS):
        Partner.objects.get_or_create(
            name=name, locale=english,
            defaults={"partner_type": kind, "description": description, "website": website,
                      "sort_order": order},
        )
    for slug, honorific, name, position, affiliation, bio, listed in content.PEOPLE:
        Person.objects.get_or_create(
            slug=slug, locale=english,
            defaults={"honorific": honorific, "name": name, "position": position,
                      "affiliation": affiliation, "bio": f"<p>{bio}</p>",
                      "is_staff_member": listed},
        )


def ensure_site_settings():
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    changed = False
    for field, value in content.SITE_SETTINGS.items():
        if not getattr(site_settings, field):
            setattr(site_settings, field, value)
            changed = True
    # The model's default organisation name counts as "set"; fill the rest only when empty.
    if changed:
        site_settings.save()


# Translations ----------------------------------------------------------------------------------

def demo_translation(page, language_code, user):
    """The page in another language from the strings in demo/translations.py, every one of
    which must be there (a missing one names itself)."""
    locale = Locale.objects.get(language_code=language_code)
    return translate_page(page, locale, TRANSLATIONS[language_code], user=user, require_all=True)
