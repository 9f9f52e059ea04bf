"""Helpers that let a page type put more into the search index.

A page that links a document (a publication's PDF, a lecture's slides) is found by the words in
that document. Define the method on the page model itself (Elasticsearch names index fields
after the model that defines them, so it cannot come from a plain mixin)::

    from search.indexing import documents_text

    class PublicationPage(Page):
        pdf = models.ForeignKey(get_document_model_string(), ...)

        search_fields = Page.search_fields + [
            index.SearchField("abstract"),
            index.SearchField("pdf_text"),
        ]

        def pdf_text(self):
            return documents_text(self.pdf)

The document's text is extracted in the background when the document is saved
(cms.tasks.extract_document_text_task), which then reindexes every page that links to it
(found through Wagtail's reference index).
"""


def documents_text(*documents):
    """The extracted text of the given documents (None entries are skipped), space-separated."""
    return " ".join(
        document.extracted_text for document in documents
        if document is not None and getattr(document, "extracted_text", "")
    )
