"""OAI-PMH 2.0 data provider at /oai/ (https://www.openarchives.org/OAI/openarchivesprotocol.html).

One record per work: its translations are the same work, so a record carries every live
language's title and abstract (with xml:lang) and names the series in each language; its
identifier is that of the work's original version. Sets are the series. Withdrawn works stay as
deleted records for good (``deletedRecord=persistent``, publications.models.records). Types and
access rights use COAR's vocabularies, as OpenAIRE asks. Resumption tokens are signed and carry
the whole request state, so the provider keeps nothing between requests; they page by record id so
that records published during a harvest neither repeat nor shift the pages.
"""

import re
from datetime import datetime, time, timedelta
from datetime import timezone as dt_timezone
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db.models import IntegerField, Max, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree
from wagtail.models import Locale

from publications import citations, openaire
from publications.listing import one_version_per_work
from publications.models import PublicationPage, Series, WithdrawnWork
from publications.models.pages import with_card_data

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_ID_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"

METADATA_FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC_NS),
    # OpenAIRE's Literature profile, under the prefix its guidelines recommend.
    "oai_openaire": (openaire.SCHEMA, openaire.OAIRE_NS),
}

# Arguments each verb accepts: (required, optional). A resumptionToken is exclusive.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}
TOKEN_SALT = "publications.oai.resumption"
TOKEN_MAX_AGE = 24 * 60 * 60
# Characters XML 1.0 cannot carry (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF). The
# response echoes the arguments in its <request> element, and lxml refuses such text outright.
NOT_XML_CHARACTERS = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def page_size():
    return getattr(settings, "OAI_PAGE_SIZE", 50)


# The oai-identifier scheme's repositoryIdentifier is a domain name: at least one dot, each label
# starting with a letter (www.openarchives.org/OAI/2.0/guidelines-oai-identifier.htm).
REPOSITORY_IDENTIFIER_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$")
# For development hosts (127.0.0.1, localhost) that are no domain name: a reserved example
# domain, so that identifiers made there never pass for the production repository's.
FALLBACK_REPOSITORY_IDENTIFIER = "jcmi.example"


def repository_identifier():
    """OAI_REPOSITORY_IDENTIFIER if set, else the site's host name if it is a domain name."""
    configured = getattr(settings, "OAI_REPOSITORY_IDENTIFIER", "")
    if configured:
        return configured
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""
    return host if REPOSITORY_IDENTIFIER_RE.match(host) else FALLBACK_REPOSITORY_IDENTIFIER


def record_identifier(page):
    return f"oai:{repository_identifier()}:publication/{page.record_pk}"


def datestamp(value):
    return value.astimezone(dt_timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def works():
    """One live page per work, the original where it is live, each with ``stamp``: the last
    time any of the work's versions was published (a new translation changes the record)."""
    live = PublicationPage.objects.live().public()
    latest = (
        live.filter(translation_key=OuterRef("translation_key")).order_by()
        .values("translation_key").annotate(latest=Max("last_published_at")).values("latest")
    )
    return one_version_per_work(live, Locale.get_default().pk).annotate(
        stamp=Subquery(latest), record_pk=work_record_pk(OuterRef("translation_key")))


def work_record_pk(translation_key):
    """The id a work's record goes by, whichever version is live: its original's (the version
    in the default locale, live or not), else its first version's."""
    versions = PublicationPage.objects.filter(translation_key=translation_key).order_by()
    original = versions.filter(locale=Locale.get_default()).values("pk")[:1]
    first = versions.values("translation_key").annotate(first=Min("pk")).values("first")
    return Coalesce(Subquery(original), Subquery(first), output_field=IntegerField())


def record_pk_of(page):
    """``work_record_pk`` for one page, which may be gone already (deleted)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page.pk
    versions = PublicationPage.objects.filter(translation_key=page.translation_key)
    original = versions.filter(locale=default).values_list("pk", flat=True).first()
    return original or min([page.pk, *versions.values_list("pk", flat=True)])


def withdrawn():
    """Withdrawn works, unless one of their versions is live again."""
    live_keys = PublicationPage.objects.live().values("translation_key")
    return WithdrawnWork.objects.exclude(translation_key__in=live_keys)


# COAR resource types (https://vocabularies.coar-repositories.org/resource_types/).
COAR_TYPES = {
    Series.Kind.MONOGRAPH: "http://purl.org/coar/resource_type/c_2f33",  # book
    Series.Kind.WHITE_PAPER: "http://purl.org/coar/resource_type/c_186u",  # policy report
    Series.Kind.WORKING_PAPER: "http://purl.org/coar/resource_type/c_8042",  # working paper
    Series.Kind.ARTICLE: "http://purl.org/coar/resource_type/c_6501",  # journal article
}
COAR_REPORT = "http://purl.org/coar/resource_type/c_93fc"
# COAR access rights: the full text is free to read on the site, else only the description.
OPEN_ACCESS = "http://purl.org/coar/access_right/c_abf2"
METADATA_ONLY = "http://purl.org/coar/access_right/c_14cb"


# -- argument parsing ---------------------------------------------------------------------


def parse_arguments(query):
    verbs = query.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OAIError("badVerb", "The verb argument is missing, repeated or not a legal OAI-PMH verb.")
    verb = verbs[0]
    required, optional = VERBS[verb]
    if any(NOT_XML_CHARACTERS.search(key + "".join(query.getlist(key))) for key in query):
        raise OAIError("badArgument", "An argument contains characters XML cannot carry.")
    arguments = {}
    for key in query:
        if key == "verb":
            continue
        values = query.getlist(key)
        if key not in required | optional:
            raise OAIError("badArgument", f"The argument '{key}' is not allowed for {verb}.")
        if len(values) != 1:
            raise OAIError("badArgument", f"The argument '{key}' is repeated.")
        arguments[key] = values[0]
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        return verb, arguments
    missing = required - arguments.keys()
    if missing:
        raise OAIError("badArgument", f"Missing required argument(s): {', '.join(sorted(missing))}.")
    return verb, arguments


def parse_date(value, *, end_of_day):
    """A UTC datestamp at day or second granularity, returned with its granularity."""
    for fmt, granularity in (("%Y-%m-%d", "day"), ("%Y-%m-%dT%H:%M:%SZ", "seconds")):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if granularity == "day" and end_of_day:
            parsed = datetime.combine(parsed.date(), time.max)
        elif granularity == "seconds" and end_of_day:
            parsed += timedelta(microseconds=999_999)
        return parsed.replace(tzinfo=dt_timezone.utc), granularity
    raise OAIError("badArgument", f"'{value}' is not a valid UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).")


def list_query(arguments):
    """The record selection of ListIdentifiers/ListRecords, from arguments or a token: the
    request state and the selected records as ``(record id, is_deleted)``, in id order."""
    if "resumptionToken" in arguments:
        try:
            state = signing.loads(arguments["resumptionToken"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature:
            raise OAIError("badResumptionToken",
                           "The resumption token is invalid or has expired.") from None
        if not isinstance(state, dict) or "metadataPrefix" not in state:
            raise OAIError("badResumptionToken", "The resumption token is invalid.")
    else:
        state = {key: arguments[key] for key in ("metadataPrefix", "from", "until", "set") if key in arguments}
        state.update(after=0, cursor=0)
    if state["metadataPrefix"] not in METADATA_FORMATS:
        raise OAIError("cannotDisseminateFormat", f"The metadata format '{state['metadataPrefix']}' is not supported.")

    live, gone = works(), withdrawn()
    granularities = set()
    if "from" in state:
        since, granularity = parse_date(state["from"], end_of_day=False)
        granularities.add(granularity)
        live, gone = live.filter(stamp__gte=since), gone.filter(withdrawn_at__gte=since)
    if "until" in state:
        until, granularity = parse_date(state["until"], end_of_day=True)
        granularities.add(granularity)
        live, gone = live.filter(stamp__lte=until), gone.filter(withdrawn_at__lte=until)
    if len(granularities) > 1:
        raise OAIError("badArgument", "from and until must have the same granularity.")
    if "from" in state and "until" in state and since > until:
        raise OAIError("badArgument", "from is later than until.")
    if "set" in state:
        if not Series.objects.filter(slug=state["set"]).exists():
            raise OAIError("badArgument", f"There is no set '{state['set']}'.")
        live, gone = live.filter(series__slug=state["set"]), gone.filter(set_spec=state["set"])
    selected = [(pk, False) for pk in live.values_list("record_pk", flat=True)]
    selected += [(pk, True) for pk in gone.values_list("record_pk", flat=True)]
    return state, sorted(selected)


# -- XML building ---------------------------------------------------------------------------


def E(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, tag, {k: str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def envelope(request, verb=None, arguments=None):
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    E(root, "responseDate", datestamp(timezone.now()))
    request_element = E(root, "request", base_url(request))
    if verb is not None:
        request_element.set("verb", verb)
        for key, value in (arguments or {}).items():
            request_element.set(key, value)
    return root


def base_url(request):
    return request.build_absolute_uri(request.path)


def header(parent, page):
    element = E(parent, "header")
    E(element, "identifier", record_identifier(page))
    E(element, "datestamp", datestamp(page.stamp))
    if page.series_id:
        E(element, "setSpec", page.series.slug)
    return element


def deleted_header(parent, withdrawal):
    element = E(parent, "header", status="deleted")
    E(element, "identifier", f"oai:{repository_identifier()}:publication/{withdrawal.record_pk}")
    E(element, "datestamp", datestamp(withdrawal.withdrawn_at))
    if withdrawal.set_spec:
        E(element, "setSpec", withdrawal.set_spec)
    return element


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def oai_dc(parent, page, request, versions, series_names):
    """The work as simple Dublin Core: ``page`` is its original, ``versions`` every live
    language (the original first), ``series_names`` the series' name per locale id."""
    dc_root = etree.SubElement(
        parent, f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
    )
    dc_root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")

    def dc(tag, value, language=None):
        if value:
            element = etree.SubElement(dc_root, f"{{{DC_NS}}}{tag}")
            element.text = str(value)
            if language:
                element.set(XML_LANG, language)

    for title, language in citations.by_language(versions, citations.full_title):
        dc("title", title, language)
    for contributor in page.authors:
        dc("creator", citations.person_name(contributor))
    for keyword, language in citations.keywords_by_language(versions):
        dc("subject", keyword, language)
    for topic in page.topics.all():
        dc("subject", topic.title, page.locale.language_code)
    for abstract, language in citations.by_language(versions, citations.plain_abstract):
        dc("description", abstract, language)
    dc("publisher", citations.publisher_name())
    for contributor in page.editors:
        dc("contributor", citations.person_name(contributor))
    dc("date", page.publication_date.isoformat())
    dc("type", "Text")
    dc("type", COAR_TYPES.get(page.kind, COAR_REPORT))
    if page.pdf_id:
        dc("format", "application/pdf")
    dc("identifier", citations.absolute_url(page, request))
    if page.doi:
        dc("identifier", f"https://doi.org/{page.doi}")
    if page.isbn:
        dc("identifier", f"ISBN {page.isbn}")
    for version in versions:
        dc("language", version.locale.language_code)
    for version in versions[1:]:
        dc("relation", citations.absolute_url(version, request), version.locale.language_code)
    if page.series_id:
        for version in versions:
            name = series_names.get(version.locale_id, page.series.name)
            dc("relation", name, version.locale.language_code)
        if page.series.issn:
            dc("relation", f"ISSN {page.series.issn}")
    dc("rights", OPEN_ACCESS if page.pdf_id else METADATA_ONLY)
    dc("rights", page.licence_url or page.get_licence_display())


def record_writer(pages, request, prefix="oai_dc"):
    """A function that writes one work's <record> in the format ``prefix``: every language's
    version and series name of all ``pages`` are loaded here at once, in two queries, so that
    a list costs the same number of queries whatever its length."""
    keys = [page.translation_key for page in pages]
    versions = {}
    for version in (PublicationPage.objects.live().public().filter(translation_key__in=keys)
                    .select_related("locale").order_by("pk")):
        versions.setdefault(version.translation_key, []).append(version)
    series_keys = {page.series.translation_key for page in pages if page.series_id}
    series_names = {}
    for series in Series.objects.filter(translation_key__in=series_keys):
        series_names.setdefault(series.translation_key, {})[series.locale_id] = series.name

    def write(parent, page):
        others = [v for v in versions.get(page.translation_key, []) if v.pk != page.pk]
        element = E(parent, "record")
        header(element, page)
        metadata = E(element, "metadata")
        if prefix == "oai_openaire":
            openaire.resource(metadata, page, request, [page] + others)
        else:
            names = series_names.get(page.series.translation_key, {}) if page.series_id else {}
            oai_dc(metadata, page, request, [page] + others, names)

    return write


def deleted_record(parent, withdrawal):
    deleted_header(E(parent, "record"), withdrawal)


# -- verbs --------------------------------------------------------------------------------


def identify(root, request, arguments):
    element = E(root, "Identify")
    E(element, "repositoryName", f"{citations.publisher_name()}: publications")
    E(element, "baseURL", base_url(request))
    E(element, "protocolVersion", "2.0")
    E(element, "adminEmail", getattr(settings, "EDITORS_EMAIL", "editors@jcmi.example"))
    stamps = [PublicationPage.objects.live().aggregate(earliest=Min("last_published_at"))["earliest"],
              WithdrawnWork.objects.aggregate(earliest=Min("withdrawn_at"))["earliest"]]
    earliest = min((stamp for stamp in stamps if stamp), default=None)
    E(element, "earliestDatestamp", datestamp(earliest) if earliest else "1970-01-01T00:00:00Z")
    E(element, "deletedRecord", "persistent")
    E(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = E(element, "description")
    identifier = etree.SubElement(description, f"{{{OAI_ID_NS}}}oai-identifier", nsmap={None: OAI_ID_NS})
    identifier.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_ID_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd")
    etree.SubElement(identifier, f"{{{OAI_ID_NS}}}scheme").text = "oai"
    etree.SubElement(identifier, f"{{{OAI_ID_NS}}}repositoryIdentifier").text = repository_identifier()
    etree.SubElement(identifier, f"{{{OAI_ID_NS}}}delimiter").text = ":"
    etree.SubElement(identifier, f"{{{OAI_ID_NS}}}sampleIdentifier").text = (
        f"oai:{repository_identifier()}:publication/1")


# A page id: ASCII digits only (str.isdigit() also accepts "²", which int() refuses) and short
# enough for the database's bigint.
PAGE_ID = re.compile(r"[0-9]{1,18}")


def record_for_identifier(identifier):
    """The work's original page, or its withdrawal when it is gone."""
    prefix = f"oai:{repository_identifier()}:publication/"
    if identifier.startswith(prefix) and PAGE_ID.fullmatch(identifier[len(prefix):]):
        pk = int(identifier[len(prefix):])
        page = with_card_data(works().prefetch_related("topics")).filter(record_pk=pk).first()
        if page is not None:
            return page
        withdrawal = withdrawn().filter(record_pk=pk).first()
        if withdrawal is not None:
            return withdrawal
    raise OAIError("idDoesNotExist", f"No record has the identifier '{identifier}'.")


def list_metadata_formats(root, request, arguments):
    if "identifier" in arguments:
        record_for_identifier(arguments["identifier"])
    element = E(root, "ListMetadataFormats")
    for prefix, (schema, namespace) in METADATA_FORMATS.items():
        fmt = E(element, "metadataFormat")
        E(fmt, "metadataPrefix", prefix)
        E(fmt, "schema", schema)
        E(fmt, "metadataNamespace", namespace)


def list_sets(root, request, arguments):
    if "resumptionToken" in arguments:
        raise OAIError("badResumptionToken", "ListSets is never split, so no token is valid.")
    default_locale = Locale.get_default()
    sets = Series.objects.filter(locale=default_locale).order_by("slug")
    element = E(root, "ListSets")
    for series in sets:
        set_element = E(element, "set")
        E(set_element, "setSpec", series.slug)
        E(set_element, "setName", series.name)
        if series.description:
            description = E(set_element, "setDescription")
            dc_root = etree.SubElement(description, f"{{{OAI_DC_NS}}}dc",
                                       nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS})
            etree.SubElement(dc_root, f"{{{DC_NS}}}description").text = series.description


def get_record(root, request, arguments):
    if arguments["metadataPrefix"] not in METADATA_FORMATS:
        raise OAIError("cannotDisseminateFormat",
                       f"The metadata format '{arguments['metadataPrefix']}' is not supported.")
    found = record_for_identifier(arguments["identifier"])
    element = E(root, "GetRecord")
    if isinstance(found, WithdrawnWork):
        deleted_record(element, found)
    else:
        record_writer([found], request, arguments["metadataPrefix"])(element, found)


def list_items(root, request, arguments, *, full_records):
    state, selected = list_query(arguments)
    remaining = [entry for entry in selected if entry[0] > state["after"]]
    batch = remaining[: page_size()]
    if not batch:
        raise OAIError("noRecordsMatch", "No records match the request.")
    live_pks = [pk for pk, deleted in batch if not deleted]
    pages = {page.record_pk: page for page in with_card_data(
        works().filter(record_pk__in=live_pks).prefetch_related("topics"))}
    gone = {w.record_pk: w for w in withdrawn().filter(record_pk__in=[pk for pk, deleted in batch if deleted])}
    element = E(root, "ListRecords" if full_records else "ListIdentifiers")
    if full_records:
        write_record = record_writer(list(pages.values()), request, state["metadataPrefix"])
    # In id order, a live work and a withdrawn one alike.
    for pk, deleted in batch:
        if deleted:
            (deleted_record if full_records else deleted_header)(element, gone[pk])
        elif full_records:
            write_record(element, pages[pk])
        else:
            header(element, pages[pk])
    complete_size = len(selected)
    cursor = state["cursor"]
    delivered = cursor + len(batch)
    if delivered < complete_size:
        token = signing.dumps({**state, "after": batch[-1][0], "cursor": delivered}, salt=TOKEN_SALT)
        expires = timezone.now() + timedelta(seconds=TOKEN_MAX_AGE)
        E(element, "resumptionToken", token, completeListSize=complete_size, cursor=cursor,
          expirationDate=datestamp(expires))
    elif cursor:
        # The last part of a split list ends with an empty token (OAI-PMH 2.0, section 3.5).
        E(element, "resumptionToken", completeListSize=complete_size, cursor=cursor)


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": lambda root, request, args: list_items(root, request, args, full_records=False),
    "ListRecords": lambda root, request, args: list_items(root, request, args, full_records=True),
}


# The protocol is read-only and cookie-free, and harvesters POST form-encoded requests without a
# CSRF token (OAI-PMH 2.0, section 3.1.1.2), so the CSRF check cannot apply here.
@csrf_exempt
@require_http_methods(["GET", "POST", "HEAD"])
def endpoint(request):
    query = request.POST if request.method == "POST" else request.GET
    try:
        verb, arguments = parse_arguments(query)
    except OAIError as error:
        # badVerb and badArgument responses must not echo the arguments (section 3.6).
        root = envelope(request)
        E(root, "error", error.message, code=error.code)
        return xml_response(root)
    root = envelope(request, verb, arguments)
    try:
        HANDLERS[verb](root, request, arguments)
    except OAIError as error:
        if error.code in ("badArgument", "badVerb"):
            root = envelope(request)
        E(root, "error", error.message, code=error.code)
    return xml_response(root)


def xml_response(root):
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
