"""Helpers that let a page type put more into the search index.

A page that links a document (a publication's PDF, a lecture's slides) is found by the words in
that document::

    from search.indexing import LinkedDocumentsSearchMixin

    class PublicationPage(LinkedDocumentsSearchMixin, Page):
        search_documents = ["pdf"]  # names of ForeignKeys to the document model
        search_fields = Page.search_fields + [
            index.SearchField("abstract"),
            index.SearchField("linked_documents_text"),
        ]

The document's text is extracted in the background when the document is saved
(cms.tasks.extract_document_text_task), which then reindexes every page that links to it.
"""


def documents_text(*documents):
    """The extracted text of the given documents (None entries are skipped), space-separated."""
    return " ".join(
        document.extracted_text for document in documents
        if document is not None and getattr(document, "extracted_text", "")
    )


class LinkedDocumentsSearchMixin:
    search_documents = []

    def linked_documents_text(self):
        return documents_text(*(getattr(self, name, None) for name in self.search_documents))
