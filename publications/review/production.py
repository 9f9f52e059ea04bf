"""From accepted manuscript to a draft publication page (DESIGN.md "The peer-review pipeline").

``build_publication_page`` knows nothing about submissions: the review pipeline calls it with the
accepted work's metadata, and the page then goes through the publication workflow like any other.
"""

import re

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Locale

from cms.stored_files import atomic_with_files, remember_written
from publications import embargo
from publications.citations import KEYWORD_SEPARATOR
from publications.models import PublicationContributor, PublicationPage, SeriesIndexPage


def split_name(name):
    """"Given Names Family" → ("Given Names", "Family"); a single word is a family name."""
    parts = name.strip().rsplit(" ", 1)
    return ("", parts[0]) if len(parts) == 1 else (parts[0], parts[1])


def text_as_rich_text(text):
    """An author's plain text as Wagtail rich text that holds no markup of the author's.

    Whatever was typed is escaped, so a ``<script>`` or an ``onerror=`` stays text in the page,
    its preview and the admin's revision view. A blank line starts a new paragraph (``<p>``) and a
    single line break is kept as ``<br/>``, so the abstract keeps the shape the author gave it.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in p.split("\n") if line.strip())
        + "</p>"
        for p in paragraphs
    )


def published_keywords(keywords):
    """A list of keywords as a publication page keeps them: one string, "; " between."""
    return KEYWORD_SEPARATOR.join(keywords)


def series_index_for(series, language_code):
    locale = Locale.objects.get(language_code=language_code)
    index = SeriesIndexPage.objects.filter(series=series, locale=locale).first()
    if index is None:
        raise ValidationError(
            _("The series “%(series)s” has no page in this language yet; an editor must add it "
              "under Publications first.") % {"series": series.name}
        )
    return index


def unique_slug(parent, title):
    base = slugify(title)[:70] or "publication"
    slug, n = base, 2
    siblings = set(parent.get_children().values_list("slug", flat=True))
    while slug in siblings:
        slug, n = f"{base}-{n}", n + 1
    return slug


def check_is_pdf(file):
    """The final file must really be a PDF, whatever its name says."""
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError(_("The final file is not a PDF document."))


@atomic_with_files()
def build_publication_page(*, series, title, abstract, keywords, topics, contributors, pdf_file,
                           language_code, owner, subtitle="", publication_date=None):
    """Create a DRAFT PublicationPage in the series, with the next number and the PDF (under
    embargo until the page is published).

    ``abstract`` is Wagtail rich text (``text_as_rich_text`` makes it from an author's text).
    ``contributors`` is a list of dicts with ``name`` (or ``given_names``/``family_name``),
    ``affiliation``, ``orcid`` and optionally ``email`` (kept out of the public page) and
    ``person`` (a home.Person). ``pdf_file`` is a Django File or an open binary file.
    Nothing is saved if any part fails.
    """
    parent = series_index_for(series, language_code)
    check_is_pdf(pdf_file)
    # Under embargo until the page is live, under a name nobody can guess (publications.embargo).
    document = get_document_model()(
        title=title, uploaded_by_user=owner, collection=embargo.embargo_collection())
    document.file.save(embargo.stored_name(title), File(pdf_file), save=False)
    remember_written(document.file)  # removed again if anything below fails
    document._set_document_file_metadata()
    document.save()

    page = PublicationPage(
        title=title,
        subtitle=subtitle,
        slug=unique_slug(parent, title),
        abstract=abstract,
        keywords=(published_keywords(keywords) if isinstance(keywords, (list, tuple))
                  else keywords),
        publication_date=publication_date or timezone.localdate(),
        series_number=parent.next_series_number(),
        pdf=document,
        owner=owner,
        live=False,
    )
    for position, data in enumerate(contributors):
        given, family = data.get("given_names"), data.get("family_name")
        if not family:
            given, family = split_name(data["name"])
        contributor = PublicationContributor(
            sort_order=position,
            person=data.get("person"),
            given_names=given or "",
            family_name=family,
            affiliation=data.get("affiliation", ""),
            orcid=data.get("orcid", ""),
        )
        contributor.full_clean(exclude=["page"])
        page.contributors.add(contributor)
    page.topics.set(topics)
    parent.add_child(instance=page)
    page.save_revision(user=owner, log_action=True)
    return page


def final_manuscript(submission):
    """The author's latest manuscript: the highest round, then the highest version."""
    from publications.models import SubmissionFile

    return (
        submission.files.filter(kind=SubmissionFile.Kind.MANUSCRIPT)
        .order_by("-round_number", "-version")
        .first()
    )


@transaction.atomic
def create_page_for_submission(submission, actor, language_code="en"):
    """Accepted submission → draft PublicationPage, and the submission moves to in_production.

    The state change goes through the state machine (which checks that ``actor`` is a managing
    editor and the submission is accepted); if it refuses, the page and document are rolled back.
    """
    from publications.review import workflow

    manuscript = final_manuscript(submission)
    if manuscript is None:
        raise ValidationError(_("This submission has no manuscript to publish."))
    if manuscript.content_type != "application/pdf":
        raise ValidationError(
            _("The final manuscript must be a PDF; upload one before creating the page.")
        )
    contributors = [
        {"name": author.name, "affiliation": author.affiliation, "orcid": author.orcid}
        for author in submission.authors.order_by("sort_order")
    ]
    with manuscript.file.open("rb") as pdf:
        page = build_publication_page(
            series=submission.series,
            title=submission.title,
            abstract=text_as_rich_text(submission.abstract),
            keywords=submission.keyword_list,
            topics=list(submission.topics.all()),
            contributors=contributors,
            pdf_file=pdf,
            language_code=language_code,
            owner=actor,
        )
    workflow.start_production(submission, actor, page)
    return page
