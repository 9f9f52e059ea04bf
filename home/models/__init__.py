from .pages import ContactFormField, ContactPage, HomePage, StandardPage, TopicIndexPage, TopicPage
from .settings import SiteSettings
from .snippets import Partner, Person

__all__ = [
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "Partner",
    "Person",
    "SiteSettings",
    "StandardPage",
    "TopicIndexPage",
    "TopicPage",
]
