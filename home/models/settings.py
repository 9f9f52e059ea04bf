from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and social links shown in the footer and on the contact page."""

    organisation_name = models.CharField(
        _("organisation"), max_length=255, default="JCMI Research and Education Network"
    )
    operator = models.CharField(
        _("site operator"), max_length=255, blank=True,
        help_text=_("The company that runs the site, named in the footer and the cookie notice."),
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.TextField(
        _("postal address"), blank=True,
        help_text=_("The lines under the name; the footer prints the network's name above them."),
    )
    twitter_url = models.URLField(_("X / Twitter"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    vimeo_url = models.URLField(_("Vimeo"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    # The cookie notice's words live in the translatable site text (translation.SiteText),
    # which the notice shows first; this untranslated field is only a fallback for a site with
    # no such text, so its help says where the real text is.
    cookie_notice_text = models.TextField(
        _("cookie notice text"), blank=True,
        help_text=_("Shown only when the site text (Snippets › Site text) has no cookie notice "
                    "text, and then in every language, untranslated. Write the notice in the "
                    "site text instead: it is translated with the rest of the site."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("operator"), FieldPanel("email"),
             FieldPanel("phone"), FieldPanel("address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("twitter_url"), FieldPanel("facebook_url"), FieldPanel("linkedin_url"),
             FieldPanel("vimeo_url"), FieldPanel("youtube_url")],
            heading=_("Social media"),
        ),
        FieldPanel("cookie_notice_text"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def address_lines(self):
        """The postal address without a first line that repeats the organisation's name (the
        footer names it once, in the visitor's language)."""
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        if lines and lines[0].casefold() == self.organisation_name.strip().casefold():
            lines = lines[1:]
        return lines

    @property
    def social_links(self):
        links = [
            ("X", self.twitter_url), ("Facebook", self.facebook_url),
            ("LinkedIn", self.linkedin_url), ("Vimeo", self.vimeo_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]
