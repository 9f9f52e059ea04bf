"""The official XML schemas our machine-read outputs must satisfy, kept in the repository.

Crossref's deposit schema 5.4.0, the OAI-PMH 2.0 schemas and OpenAIRE's Literature profile 4.0
(oai_openaire) import further schemas by web address; nothing here may reach the network (CI has
none), so a resolver maps those addresses to the copies beside this file. schema.org's vocabulary
checks the JSON-LD. See README.md for where each file comes from and its licence.
"""

from functools import lru_cache
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent

# Remote schemaLocations used by the official files → the local copy of the same schema.
LOCAL_COPIES = {
    "http://www.w3.org/2009/01/xml.xsd": HERE / "crossref/standard-modules/xml.xsd",
    "http://www.w3.org/2001/xml.xsd": HERE / "crossref/standard-modules/xml.xsd",
    "http://www.w3.org/Math/XMLSchema/mathml3/mathml3.xsd":
        HERE / "crossref/standard-modules/mathml3/mathml3.xsd",
    "http://dublincore.org/schemas/xmls/qdc/2008/02/11/dc.xsd": HERE / "oai/dc.xsd",
    "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd": HERE / "oai/OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd": HERE / "oai/oai_dc.xsd",
    "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd": HERE / "oai/oai-identifier.xsd",
    # The OpenAIRE schemas import W3C's xml.xsd by its 2001 address (the same declarations).
    "http://www.w3.org/2001/03/xml.xsd": HERE / "crossref/standard-modules/xml.xsd",
    "https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd": HERE / "openaire/openaire.xsd",
}


class _LocalResolver(etree.Resolver):
    def resolve(self, url, pubid, context):
        local = LOCAL_COPIES.get(url)
        if local is not None:
            return self.resolve_filename(str(local), context)
        if url.startswith(("http://", "https://")):
            raise LookupError(f"No local copy of the schema {url}; add it to publications/schemas.")
        return None


def _parser():
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalResolver())
    return parser


def _schema_from_text(text, base):
    document = etree.fromstring(text.encode(), _parser(), base_url=str(base))
    return etree.XMLSchema(document)


@lru_cache(maxsize=1)
def crossref():
    """Crossref's deposit schema, version 5.4.0."""
    return etree.XMLSchema(etree.parse(str(HERE / "crossref/crossref5.4.0.xsd"), _parser()))


# OAI-PMH's <metadata> and <description> take any element of another namespace, validated
# strictly: the envelope schema is loaded together with every format the provider emits.
_OAI_DRIVER = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="OAI-PMH.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/" schemaLocation="oai_dc.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai-identifier"
             schemaLocation="oai-identifier.xsd"/>
  <xs:import namespace="http://namespace.openaire.eu/schema/oaire/"
             schemaLocation="../openaire/openaire.xsd"/>
</xs:schema>"""


@lru_cache(maxsize=1)
def oai_pmh():
    """OAI-PMH 2.0 responses, with oai_dc and oai_openaire records and the oai-identifier
    description."""
    return _schema_from_text(_OAI_DRIVER, HERE / "oai" / "driver.xsd")


@lru_cache(maxsize=1)
def openaire():
    """The OpenAIRE Guidelines for Literature Repositories 4.0 application profile on its own
    (``oai_openaire`` records)."""
    return etree.XMLSchema(etree.parse(str(HERE / "openaire/openaire.xsd"), _parser()))


def errors(schema, xml_bytes):
    """The schema's complaints about a document, as readable lines (empty when valid)."""
    document = etree.fromstring(xml_bytes, etree.XMLParser(no_network=True))
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


# -- schema.org ------------------------------------------------------------------------------
# JSON-LD has no schema to validate against, but schema.org publishes its vocabulary: which
# types exist, what each is a subtype of, and on which types each property may stand
# (domainIncludes). The official release file is kept gzipped beside this module.


class SchemaOrgVocabulary:
    def __init__(self, graph):
        self.parents, self.domains, self.superseded = {}, {}, set()

        def ids(value):
            values = value if isinstance(value, list) else [value] if value else []
            return {v["@id"].removeprefix("schema:") for v in values}

        for node in graph:
            name = node["@id"].removeprefix("schema:")
            kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "rdfs:Class" in kinds:
                self.parents[name] = ids(node.get("rdfs:subClassOf"))
            if "rdf:Property" in kinds:
                self.domains[name] = ids(node.get("schema:domainIncludes"))
            if node.get("schema:supersededBy"):
                self.superseded.add(name)

    def ancestors(self, type_name):
        seen, todo = set(), [type_name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.parents.get(current, ()))
        return seen

    def problems(self, data, path="$"):
        """Every typed node's properties that its type does not have (per domainIncludes and
        the type hierarchy), unknown or superseded types and properties, as readable lines."""
        found = []
        if isinstance(data, list):
            for position, item in enumerate(data):
                found += self.problems(item, f"{path}[{position}]")
            return found
        if not isinstance(data, dict):
            return found
        types = data.get("@type")
        types = types if isinstance(types, list) else [types] if types else []
        for type_name in types:
            if type_name not in self.parents:
                found.append(f"{path}: unknown type {type_name}")
            elif type_name in self.superseded:
                found.append(f"{path}: superseded type {type_name}")
        lineage = set().union(*(self.ancestors(t) for t in types)) if types else set()
        for key, value in data.items():
            if key.startswith("@"):
                continue
            if key not in self.domains:
                found.append(f"{path}.{key}: no such property")
            elif key in self.superseded:
                found.append(f"{path}.{key}: superseded property")
            elif types and not (self.domains[key] & lineage):
                found.append(f"{path}.{key}: not a property of {'/'.join(types)}")
            found += self.problems(value, f"{path}.{key}")
        return found


@lru_cache(maxsize=1)
def schema_org():
    """schema.org's vocabulary (release 30.0)."""
    import gzip
    import json

    with gzip.open(HERE / "schemaorg" / "schemaorg-current-https.jsonld.gz", "rt",
                   encoding="utf-8") as vocabulary:
        return SchemaOrgVocabulary(json.load(vocabulary)["@graph"])
