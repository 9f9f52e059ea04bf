"""Crossref deposits validate against Crossref's own 5.4.0 schema, for every kind of work."""

import itertools

import pytest
from lxml import etree
from wagtail.models import Locale

from publications import crossref, factories, schemas
from publications.models import PublicationPage, Series

CR = {"cr": crossref.CROSSREF_NS, "jats": crossref.JATS_NS, "ai": crossref.AI_NS,
      "rel": crossref.REL_NS}
WORK_TITLE = "cr:body/*/*/cr:titles/cr:title"  # not the series title


def assert_valid(xml):
    problems = schemas.errors(schemas.crossref(), xml)
    assert problems == [], "\n".join(problems)
    return etree.fromstring(xml)


def test_the_schema_refuses_what_crossref_refuses():
    """The vendored schema is strict: the old order (volume before the titles) fails."""
    xml = b"""<doi_batch xmlns="http://www.crossref.org/schema/5.4.0" version="5.4.0"><head>
    <doi_batch_id>x</doi_batch_id><timestamp>1</timestamp><depositor><depositor_name>J</depositor_name>
    <email_address>e@jcmi.example</email_address></depositor><registrant>J</registrant></head><body>
    <book book_type="monograph"><book_series_metadata language="en"><series_metadata><titles>
    <title>S</title></titles><issn>2941-0002</issn></series_metadata><volume>1</volume><titles>
    <title>T</title></titles><publication_date><year>2026</year></publication_date>
    <noisbn reason="monograph"/><publisher><publisher_name>J</publisher_name></publisher>
    </book_series_metadata></book></body></doi_batch>"""
    assert schemas.errors(schemas.crossref(), xml)


KINDS = [Series.Kind.MONOGRAPH, Series.Kind.WHITE_PAPER, Series.Kind.WORKING_PAPER,
         Series.Kind.ARTICLE]


@pytest.mark.django_db
@pytest.mark.parametrize("kind,issn,isbn,editors,licence", [
    (kind, issn, isbn, editors, licence)
    for kind, issn, isbn, editors, licence in itertools.product(
        KINDS, ["", "2941-0002"], ["", "978-3-16-148410-0"], [False, True],
        ["cc-by-4.0", "all-rights-reserved"])
    # A journal needs no ISBN; one combination with it is enough to show it is left out.
    if not (kind == Series.Kind.ARTICLE and isbn and not editors)
])
def test_every_series_kind_and_combination_validates(site, kind, issn, isbn, editors, licence):
    _, series_page = factories.make_series(site["index"], name="Series", slug="s", kind=kind,
                                           issn=issn, number_prefix="N")
    contributors = [
        {"given_names": "María", "family_name": "Núñez", "affiliation": "Universidad de Chile",
         "orcid": "0000-0002-1825-0097"},
        {"given_names": "", "family_name": "Sukarno"},
    ]
    if editors:
        contributors.append({"given_names": "Bo", "family_name": "Lind", "role": "editor"})
    page = factories.make_publication(series_page, doi="10.12345/jcmi.1", isbn=isbn,
                                      subtitle="A & B <study>", contributors=contributors,
                                      licence=licence)
    tree = assert_valid(crossref.deposit_xml(page, url="https://jcmi.example/p/"))
    people = tree.findall(".//cr:contributors/cr:person_name", CR)
    assert [p.get("contributor_role") for p in people] == (
        ["author", "author", "editor"] if editors else ["author", "author"])
    assert tree.find(".//cr:titles/cr:subtitle", CR).text == "A & B <study>"
    assert (tree.find(".//cr:isbn", CR) is not None) == (bool(isbn) and kind != Series.Kind.ARTICLE)


@pytest.mark.django_db
def test_a_monograph_in_a_series_names_its_volume_after_the_titles(site):
    _, series_page = factories.make_series(site["index"], name="Monographs", slug="m",
                                           kind=Series.Kind.MONOGRAPH, issn="2941-0002")
    book = factories.make_publication(series_page, doi="10.12345/jcmi.m.1", isbn="978-3-16-148410-0")
    tree = assert_valid(crossref.deposit_xml(book))
    metadata = tree.find("cr:body/cr:book/cr:book_series_metadata", CR)
    order = [etree.QName(child).localname for child in metadata]
    assert order == ["series_metadata", "contributors", "titles", "abstract", "volume",
                     "publication_date", "isbn", "publisher", "publisher_item", "program",
                     "doi_data"]
    assert metadata.find("cr:volume", CR).text == str(book.series_number)
    assert metadata.find("cr:isbn", CR).text == "978-3-16-148410-0"


@pytest.mark.django_db
def test_a_report_in_a_series_carries_no_licence_element(site):
    """report-paper_series_metadata has no slot for ai:program (PITFALLS.md)."""
    _, series_page = factories.make_series(site["index"], issn="2941-0002")
    page = factories.make_publication(series_page, doi="10.12345/jcmi.wp.1")
    tree = assert_valid(crossref.deposit_xml(page))
    metadata = tree.find("cr:body/cr:report-paper/cr:report-paper_series_metadata", CR)
    assert metadata.find("ai:program", CR) is None
    assert metadata.find("cr:publisher_item/cr:item_number", CR).text == page.number_label


def _translate(page, language, title, abstract=None):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    if abstract:
        translation.abstract = f"<p>{abstract}</p>"
    translation.save_revision().publish()
    return PublicationPage.objects.get(pk=translation.pk)


@pytest.mark.django_db
def test_a_translated_work_yields_one_deposit_naming_its_translations(site, client, django_user_model):
    _, series_page = factories.make_series(site["index"], issn="2941-0002")
    page = factories.make_publication(series_page, doi="10.12345/jcmi.wp.2", title="Coordination")
    french = _translate(page, "fr", "La coordination", "Comment les acteurs partagent leurs plans.")
    arabic = _translate(page, "ar", "التنسيق", "كيف يتقاسم الفاعلون خططهم.")

    from_french = crossref.deposit_xml(french)
    tree = assert_valid(from_french)
    assert tree.find(WORK_TITLE, CR).text == "Coordination"
    metadata = tree.find("cr:body/cr:report-paper/cr:report-paper_series_metadata", CR)
    assert metadata.get("language") == "en"
    assert metadata.find("cr:doi_data/cr:resource", CR).text == page.full_url
    items = metadata.findall("rel:program/rel:related_item", CR)
    assert [(i.find("rel:description", CR).text, i.find("rel:description", CR).get("language"),
             i.find("rel:intra_work_relation", CR).get("relationship-type"),
             i.find("rel:intra_work_relation", CR).text) for i in items] == [
        ("التنسيق", "ar", "hasTranslation", arabic.full_url),
        ("La coordination", "fr", "hasTranslation", french.full_url)]
    # The abstract in JATS in every language, the original's first.
    assert [(a.get("{http://www.w3.org/XML/1998/namespace}lang"), a.find("jats:p", CR).text)
            for a in metadata.findall("jats:abstract", CR)] == [
        ("en", "How civil and military actors share plans in a crisis."),
        ("ar", "كيف يتقاسم الفاعلون خططهم."), ("fr", "Comment les acteurs partagent leurs plans.")]

    admin = django_user_model.objects.create_superuser("admin", "a@jcmi.example", "pw")
    client.force_login(admin)
    url = f"/admin/publications/{page.pk}/crossref.xml"
    assert url in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    # No button on the translation, and its address gives the original's deposit.
    french_edit = client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert "crossref.xml" not in french_edit
    response = client.get(f"/admin/publications/{french.pk}/crossref.xml")
    assert etree.fromstring(response.content).find(WORK_TITLE, CR).text == "Coordination"


@pytest.mark.django_db
def test_every_demo_work_validates(full_demo):
    pages = PublicationPage.objects.live().exclude(doi="")
    assert pages.count() > 12  # the originals and their translations
    deposits = {}
    for page in pages:
        tree = assert_valid(crossref.deposit_xml(page))
        deposits.setdefault(tree.find(".//cr:doi_data/cr:doi", CR).text, set()).add(
            tree.find(WORK_TITLE, CR).text)
    # One deposit per work, whatever version it was asked from: the same DOI, the same title.
    works = pages.filter(locale=Locale.get_default()).count()
    assert works >= 12 and len(deposits) == works
    assert all(len(titles) == 1 for titles in deposits.values())
