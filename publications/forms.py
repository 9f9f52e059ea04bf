from wagtail.admin.forms import WagtailAdminPageForm


class PublicationPageForm(WagtailAdminPageForm):
    """Offers only the topics of the publication's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topics" in self.fields:
            from home.models import TopicPage

            locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
            self.fields["topics"].queryset = TopicPage.objects.filter(
                locale_id=locale_id
            ).order_by("title")
