"""The home page tells search engines who the network is (schema.org Organization), with the
organisation's name as the site settings give it, whatever characters it holds."""

import extruct
import pytest
from wagtail.models import Site

from home.factories import site_home
from home.models import SiteSettings

pytestmark = pytest.mark.django_db

NAME = 'JCMI "Network" </script><script>alert(1)</script> & partners'


def test_the_organisation_reads_back_exactly_and_cannot_close_its_script(client):
    home = site_home()
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(
        site=site, defaults={"organisation_name": NAME, "email": "office@jcmi.example"})

    response = client.get(home.url)

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    (data,) = extruct.extract(response.content.decode(), syntaxes=["json-ld"])["json-ld"]
    assert data == {"@context": "https://schema.org", "@type": "Organization", "name": NAME,
                    "url": "http://testserver" + home.url, "email": "office@jcmi.example"}
