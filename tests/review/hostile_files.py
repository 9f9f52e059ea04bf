"""Documents built to betray their authors in every corner a format offers, for the identity
check: what a careless or a mischievous author leaves in a manuscript, or a reviewer in their
annotated file."""

import io
import zipfile

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

NAME = "Amira Haddad"
EMAIL = "amira.haddad@university.example"
ORCID = "0000-0002-1825-0097"
AFFILIATION = "University of Tunis"
XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>{who}</rdf:li>'
    '</rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def hostile_pdf(page_text="Liaison cells in flood response"):
    """A two-page PDF that names its author outside the text in every way a PDF can: a comment
    and its author, a mailto: link, XMP on a page and on a drawing, application data, a form
    field, an attached file, a script run on opening, a bookmark."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        StreamObject,
        TextStringObject,
    )

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawString(72, 760, page_text)
    pdf.beginForm("logo")
    pdf.drawString(0, 0, "JCMI")
    pdf.endForm()
    pdf.doForm("logo")
    pdf.acroForm.textfield(name="corresponding_author", value=AFFILIATION, x=72, y=600,
                           width=200, height=20)
    pdf.showPage()
    pdf.drawString(72, 760, "Findings on liaison between relief agencies and military units.")
    pdf.showPage()
    pdf.save()

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.add_metadata({"/Author": NAME})

    def xmp(who):
        stream = StreamObject()
        stream.set_data(XMP.format(who=who).encode())
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        return writer._add_object(stream)

    def rect():
        return ArrayObject([FloatObject(n) for n in (10, 10, 60, 30)])

    first = writer.pages[0]
    comment = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Text"),
        NameObject("/Rect"): rect(), NameObject("/T"): TextStringObject("A. H."),
        # Upper case and an accent: the check ignores both.
        NameObject("/Contents"): TextStringObject("Note to self (AMIRA HÁDDAD): cite the 2024 "
                                                  "paper"),
    })
    link = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): rect(),
        NameObject("/A"): DictionaryObject({
            NameObject("/S"): NameObject("/URI"),
            NameObject("/URI"): TextStringObject(f"mailto:{EMAIL}")}),
    })
    annots = first.get("/Annots")
    annots = list(annots.get_object()) if annots is not None else []
    first[NameObject("/Annots")] = ArrayObject(
        annots + [writer._add_object(comment), writer._add_object(link)])
    first[NameObject("/Metadata")] = xmp(f"ORCID {ORCID}")
    first[NameObject("/PieceInfo")] = DictionaryObject({
        NameObject("/Illustrator"): DictionaryObject({
            NameObject("/Private"): TextStringObject(f"Owner: {EMAIL}")})})
    logo = first["/Resources"]["/XObject"]
    for ref in logo.values():
        ref.get_object()[NameObject("/Metadata")] = xmp("Haddad design studio")
    writer.add_attachment("haddad-cv.txt", b"Curriculum vitae")
    script = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject(
                                   "app.alert('Draft by Amira Haddad');")})
    names = writer.root_object[NameObject("/Names")]  # made by the attachment
    names[NameObject("/JavaScript")] = DictionaryObject({NameObject("/Names"): ArrayObject(
        [TextStringObject("draft"), writer._add_object(script)])})
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject(f"this.submitForm('mailto:{EMAIL}');")})
    writer.add_outline_item(title="Acknowledgements to Amira's family", page_number=1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def hostile_docx():
    """A DOCX whose author is in a comment's text, a mailto: link, the custom properties, a
    tracked change's author, with a thumbnail of page one."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.comments+xml"/>'
            '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats'
            '-officedocument.custom-properties+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            f'<Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{OFFICE_RELS}/officeDocument" '
            'Target="word/document.xml"/>'
            f'<Relationship Id="rId2" Type="{OFFICE_RELS}/custom-properties" '
            'Target="docProps/custom.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>'
            '</Relationships>'))
        z.writestr("word/_rels/document.xml.rels", (
            f'<Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{OFFICE_RELS}/comments" Target="comments.xml"/>'
            f'<Relationship Id="rId2" Type="{OFFICE_RELS}/hyperlink" Target="mailto:{EMAIL}" '
            'TargetMode="External"/></Relationships>'))
        z.writestr("word/document.xml", (
            f'<w:document xmlns:w="{W_MAIN}" xmlns:r="{OFFICE_RELS}"><w:body><w:p>'
            '<w:commentRangeStart w:id="0"/><w:r><w:t>Liaison in disaster response</w:t></w:r>'
            '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
            f'<w:ins w:id="1" w:author="{NAME}" w:date="2026-01-05T10:00:00Z"><w:r><w:t> and '
            'recovery</w:t></w:r></w:ins></w:p><w:p><w:hyperlink r:id="rId2"><w:r><w:t>Write to '
            'the corresponding author</w:t></w:r></w:hyperlink></w:p></w:body></w:document>'))
        z.writestr("word/comments.xml", (
            f'<w:comments xmlns:w="{W_MAIN}"><w:comment w:id="0" w:author="AH" w:initials="AH">'
            '<w:p><w:r><w:t>Note to self (Amira </w:t></w:r><w:r><w:t>Haddad): cite the 2024 '
            'paper</w:t></w:r></w:p></w:comment></w:comments>'))
        z.writestr("docProps/custom.xml", (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-'
            'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'docPropsVTypes"><property name="ORCID"><vt:lpwstr>{ORCID}</vt:lpwstr></property>'
            '</Properties>'))
        z.writestr("docProps/thumbnail.jpeg", b"\xff\xd8\xff\xe0 a picture of page one")
    return out.getvalue()


def hostile_odt():
    """An ODT whose author is in an annotation's text and signature, a mailto: link and the
    document's meta data, with a thumbnail of page one."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", (
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:'
            '1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml"'
            ' manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="Thumbnails'
            '/thumbnail.png" manifest:media-type="image/png"/></manifest:manifest>'),
            zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", (
            '<office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:xlink="http://www.w3.org/1999/xlink"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            '<office:body><office:text><text:p>Liaison in disaster response'
            f'<office:annotation><dc:creator>A. H.</dc:creator><text:p>Note to self (Amira '
            'Haddad)</text:p></office:annotation></text:p>'
            f'<text:p><text:a xlink:href="mailto:{EMAIL}">Write to the corresponding author'
            '</text:a></text:p></office:text></office:body></office:document-content>'),
            zipfile.ZIP_DEFLATED)
        z.writestr("meta.xml", (
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>'
            f'<meta:initial-creator>{NAME}</meta:initial-creator></office:meta>'
            '</office:document-meta>'), zipfile.ZIP_DEFLATED)
        z.writestr("Thumbnails/thumbnail.png", b"\x89PNG a picture of page one")
    return out.getvalue()
