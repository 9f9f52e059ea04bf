"""OAI-PMH 2.0 data provider at /oai/ (https://www.openarchives.org/OAI/openarchivesprotocol.html).

Every live publication page is one record (each language version its own record, with its
dc:language); sets are the series. Resumption tokens are signed and carry the whole request
state, so the provider keeps nothing between requests; they page by primary key so that records
published during a harvest neither repeat nor shift the pages.
"""

import re
from datetime import datetime, time, timedelta
from datetime import timezone as dt_timezone
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree
from wagtail.models import Locale

from publications import citations
from publications.models import PublicationPage, Series
from publications.models.pages import with_card_data

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_ID_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"

METADATA_FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC_NS),
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
    return f"oai:{repository_identifier()}:publication/{page.pk}"


def datestamp(value):
    return value.astimezone(dt_timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def record_datestamp(page):
    return page.last_published_at or page.first_published_at or page.latest_revision_created_at


def records():
    return PublicationPage.objects.live().public()


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
    """The record selection of ListIdentifiers/ListRecords, from arguments or a token."""
    if "resumptionToken" in arguments:
        try:
            state = signing.loads(arguments["resumptionToken"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature:
            raise OAIError("badResumptionToken", "The resumption token is invalid or has expired.")
        if not isinstance(state, dict) or "metadataPrefix" not in state:
            raise OAIError("badResumptionToken", "The resumption token is invalid.")
    else:
        state = {key: arguments[key] for key in ("metadataPrefix", "from", "until", "set") if key in arguments}
        state.update(after=0, cursor=0)
    if state["metadataPrefix"] not in METADATA_FORMATS:
        raise OAIError("cannotDisseminateFormat", f"The metadata format '{state['metadataPrefix']}' is not supported.")

    queryset = records()
    granularities = set()
    if "from" in state:
        since, granularity = parse_date(state["from"], end_of_day=False)
        granularities.add(granularity)
        queryset = queryset.filter(last_published_at__gte=since)
    if "until" in state:
        until, granularity = parse_date(state["until"], end_of_day=True)
        granularities.add(granularity)
        queryset = queryset.filter(last_published_at__lte=until)
    if len(granularities) > 1:
        raise OAIError("badArgument", "from and until must have the same granularity.")
    if "from" in state and "until" in state and since > until:
        raise OAIError("badArgument", "from is later than until.")
    if "set" in state:
        if not Series.objects.filter(slug=state["set"]).exists():
            raise OAIError("badArgument", f"There is no set '{state['set']}'.")
        queryset = queryset.filter(series__slug=state["set"])
    return state, queryset.order_by("pk")


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
    E(element, "datestamp", datestamp(record_datestamp(page)))
    if page.series_id:
        E(element, "setSpec", page.series.slug)
    return element


def oai_dc(parent, page, request):
    dc_root = etree.SubElement(
        parent, f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
    )
    dc_root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")

    def dc(tag, value):
        if value:
            etree.SubElement(dc_root, f"{{{DC_NS}}}{tag}").text = str(value)

    dc("title", citations.full_title(page))
    for contributor in page.authors:
        dc("creator", citations.person_name(contributor))
    for keyword in page.keyword_list:
        dc("subject", keyword)
    for topic in page.topics.all():
        dc("subject", topic.title)
    dc("description", citations.plain_abstract(page))
    dc("publisher", citations.publisher_name())
    for contributor in page.editors:
        dc("contributor", citations.person_name(contributor))
    dc("date", page.publication_date.isoformat())
    dc("type", "Text")
    dc("type", page.series.get_kind_display() if page.series_id else "")
    if page.pdf_id:
        dc("format", "application/pdf")
    dc("identifier", citations.absolute_url(page, request))
    if page.doi:
        dc("identifier", f"https://doi.org/{page.doi}")
    if page.isbn:
        dc("identifier", f"ISBN {page.isbn}")
    dc("language", page.locale.language_code)
    if page.series_id:
        dc("relation", page.series.name)
    dc("rights", page.licence_url or page.get_licence_display())


def record(parent, page, request):
    element = E(parent, "record")
    header(element, page)
    metadata = E(element, "metadata")
    oai_dc(metadata, page, request)


# -- verbs --------------------------------------------------------------------------------


def identify(root, request, arguments):
    element = E(root, "Identify")
    E(element, "repositoryName", f"{citations.publisher_name()}: publications")
    E(element, "baseURL", base_url(request))
    E(element, "protocolVersion", "2.0")
    E(element, "adminEmail", getattr(settings, "EDITORS_EMAIL", "editors@jcmi.example"))
    earliest = records().aggregate(earliest=Min("last_published_at"))["earliest"]
    E(element, "earliestDatestamp", datestamp(earliest) if earliest else "1970-01-01T00:00:00Z")
    # Unpublished pages are not tracked as deletions.
    E(element, "deletedRecord", "no")
    E(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = E(element, "description")
    identifier = etree.SubElement(description, f"{{{OAI_ID_NS}}}oai-identifier", nsmap={None: OAI_ID_NS})
    identifier.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_ID_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd")
    etree.SubElement(identifier, f"{{{OAI_ID_NS}}}scheme").text = "oai"
    etree.SubElement(identifier, f"{{{OAI_ID_NS}}}repositoryIdentifier").text = repository_identifier()
    etree.SubElement(identifier, f"{{{OAI_ID_NS}}}delimiter").text = ":"
    etree.SubElement(identifier, f"{{{OAI_ID_NS}}}sampleIdentifier").text = f"oai:{repository_identifier()}:publication/1"


def page_for_identifier(identifier):
    prefix = f"oai:{repository_identifier()}:publication/"
    if identifier.startswith(prefix) and identifier[len(prefix):].isdigit():
        page = with_card_data(records().prefetch_related("topics")).filter(
            pk=int(identifier[len(prefix):])
        ).first()
        if page is not None:
            return page
    raise OAIError("idDoesNotExist", f"No record has the identifier '{identifier}'.")


def list_metadata_formats(root, request, arguments):
    if "identifier" in arguments:
        page_for_identifier(arguments["identifier"])
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
        raise OAIError("cannotDisseminateFormat", f"The metadata format '{arguments['metadataPrefix']}' is not supported.")
    page = page_for_identifier(arguments["identifier"])
    record(E(root, "GetRecord"), page, request)


def list_items(root, request, arguments, *, full_records):
    state, queryset = list_query(arguments)
    complete_size = queryset.count()
    batch = list(
        with_card_data(queryset.filter(pk__gt=state["after"]).prefetch_related("topics"))
        .order_by("pk")[: page_size()]
    )
    if not batch:
        raise OAIError("noRecordsMatch", "No records match the request.")
    element = E(root, "ListRecords" if full_records else "ListIdentifiers")
    for page in batch:
        if full_records:
            record(element, page, request)
        else:
            header(element, page)
    cursor = state["cursor"]
    delivered = cursor + len(batch)
    if delivered < complete_size:
        token = signing.dumps({**state, "after": batch[-1].pk, "cursor": delivered}, salt=TOKEN_SALT)
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
