"""A publication's cover is its PDF's first page, drawn when the PDF is uploaded, and its page
shows the work's details in a panel beside the abstract."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.documents import get_document_model

from cms import pdfs
from cms.covers import COVER_WIDTH
from publications import factories


def upload(name, content, title="Uploaded"):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()  # the upload: its signal draws the cover (immediate tasks in tests)
    document.refresh_from_db()
    return document


def test_the_first_page_of_a_real_pdf_becomes_the_cover(db):
    pdf = pdfs.render(pdfs.PdfDocument(title="Coordination Is Not Command", kicker="JCMI White Papers",
                                       byline=["Nadia Haddad"],
                                       sections=[pdfs.Section("Abstract", "Dialogue, not direction.")]))
    document = upload("coordination.pdf", pdf)

    cover = document.cover
    assert cover is not None
    assert document.cover_of == document.file.name
    # An A4 page, drawn at the cover width, upright.
    assert cover.width == COVER_WIDTH
    assert cover.height == pytest.approx(COVER_WIDTH * 297 / 210, abs=2)
    with cover.open_file() as fileobj:
        image = Image.open(io.BytesIO(fileobj.read()))
        image.load()
    # Not a blank page: the title's black text is on it.
    assert image.convert("L").getextrema()[0] < 60
    # Its renditions are made with it: no visitor's request waits for them.
    assert cover.renditions.count() == 10
    # Kept under a name nobody can guess (the original is in public media).
    assert "coordination" not in cover.file.name


def test_a_new_file_gets_a_new_cover_and_the_old_one_goes(db):
    document = upload("first.pdf", pdfs.simple_pdf("First edition"))
    old_cover = document.cover_id
    document.file.save("second.pdf", ContentFile(pdfs.simple_pdf("Second edition")), save=False)
    document.save()
    document.refresh_from_db()
    assert document.cover_id not in (None, old_cover)
    assert not type(document.cover).objects.filter(pk=old_cover).exists()


def test_a_pdf_that_cannot_be_drawn_still_uploads_without_a_cover(db, caplog):
    document = upload("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    assert document.pk is not None and document.file.name.endswith(".pdf")
    assert document.cover is None
    assert document.cover_of == document.file.name  # tried once, not at every save
    assert "No cover for document" in caplog.text


def test_a_document_that_is_not_a_pdf_gets_no_cover(db):
    document = upload("notes.txt", b"Plain notes, not a PDF.")
    assert document.cover is None


@pytest.fixture
def white_paper(site):
    _, page = factories.make_series(site["index"], name="JCMI White Papers", slug="white-papers",
                                    kind="white_paper", issn="2941-1203", number_prefix="WhP")
    return factories.make_publication(page, title="Coordination Is Not Command",
                                      doi="10.99999/jcmi.coordination", licence="cc-by-4.0")


def test_cards_show_the_cover_as_responsive_webp_renditions(client, white_paper):
    soup = BeautifulSoup(client.get("/en/publications/").content, "html.parser")
    card = soup.select_one(".publication-card")
    source = card.select_one("picture source[type='image/webp']")
    widths = sorted(int(entry.split()[-1].rstrip("w")) for entry in source["srcset"].split(","))
    assert widths == [96, 192]
    image = card.select_one("picture img")
    assert image["alt"] == ""  # the title beside it names the work
    assert image["width"] and image["height"]
    assert "/original_images/" not in image["src"]


def test_a_publication_without_a_pdf_shows_a_placeholder(client, site, working_papers):
    _series, page = working_papers
    factories.make_publication(page, title="Without a file", with_pdf=False)
    soup = BeautifulSoup(client.get("/en/publications/").content, "html.parser")
    card = soup.select_one(".publication-card")
    assert card.select_one("picture") is None
    placeholder = card.select_one(".cover-placeholder")
    assert placeholder["aria-hidden"] == "true"
    assert placeholder.get_text(strip=True) == "WP 1"


def test_the_details_panel_beside_the_abstract(client, white_paper):
    soup = BeautifulSoup(client.get(white_paper.url).content, "html.parser")
    layout = soup.select_one(".publication__layout")
    main, panel = layout.find_all(recursive=False)
    assert main.select_one("#abstract-heading")
    assert panel.name == "aside"
    details = {div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
               for div in panel.select(".publication__details > div")}
    assert details["Series"] == "JCMI White Papers"
    assert details["Number"] == "WhP 1"
    assert details["Published"] == "March 14, 2026"
    assert details["DOI"] == "https://doi.org/10.99999/jcmi.coordination"
    assert details["ISSN"] == "2941-1203"
    assert details["Licence"] == "CC BY 4.0"
    assert panel.select_one(".publication__download a")["href"].endswith("/fulltext.pdf")
    assert "Müller, A." in panel.select_one(".how-to-cite__reference").get_text()
    assert [a.get_text() for a in panel.select(".how-to-cite a[download]")] == [
        "BibTeX", "RIS", "CSL-JSON"]
    # The cover, 160 to 480 pixels wide, decoration beside the title.
    source = panel.select_one(".publication__cover source[type='image/webp']")
    assert sorted(int(e.split()[-1].rstrip("w")) for e in source["srcset"].split(",")) == [160, 240, 480]


def test_the_publication_page_loads_a_print_stylesheet(client, white_paper):
    soup = BeautifulSoup(client.get(white_paper.url).content, "html.parser")
    assert soup.select_one('link[rel="stylesheet"][media="print"]')["href"].endswith("print.css")


def test_listing_queries_do_not_grow_with_covers(client, site, working_papers,
                                                 django_assert_max_num_queries):
    _series, page = working_papers
    for _ in range(2):
        factories.make_publication(page)
    caches["default"].clear()  # built afresh, as after a publication
    with django_assert_max_num_queries(40) as few:
        client.get("/en/publications/")
    budget = len(few.captured_queries)  # read before the next request resets the log
    for _ in range(4):
        factories.make_publication(page)
    caches["default"].clear()
    with django_assert_max_num_queries(budget):
        client.get("/en/publications/")


def test_an_embargoed_work_gets_its_cover_only_once_it_is_released(db):
    """A cover is public media: the first page of a work under embargo (title, authors) must
    not be one before the work is public."""
    from publications.embargo import embargo_collection, release_document

    document = get_document_model()(title="Not yet public", collection=embargo_collection())
    document.file.save("embargoed.pdf", ContentFile(pdfs.simple_pdf("A work under embargo")),
                       save=False)
    document._set_document_file_metadata()
    document.save()
    document.refresh_from_db()
    assert document.cover is None

    release_document(document)
    document.refresh_from_db()
    assert document.cover is not None
    assert document.cover_of == document.file.name


def test_a_document_put_under_embargo_loses_its_cover(db):
    from publications.embargo import embargo_collection

    document = upload("public-first.pdf", pdfs.simple_pdf("Public at first"))
    cover = document.cover
    assert cover is not None
    document.collection = embargo_collection()
    document.save()
    document.refresh_from_db()
    assert document.cover is None and document.cover_of == ""
    assert not type(cover).objects.filter(pk=cover.pk).exists()
