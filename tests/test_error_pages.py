import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("language, direction", [("en", "ltr"), ("ar", "rtl")])
def test_an_unknown_address_gets_the_friendly_404_page_not_a_server_error(client, language,
                                                                        direction):
    # Found by the benchmark: the 404 template has no page, and the navigation tags used to
    # fail on that, turning every 404 into a 500.
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert f'dir="{direction}"' in response.content.decode()
