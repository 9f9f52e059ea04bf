"""Every answer carries the security headers; public pages and the admin get their own CSP."""

import re

import pytest


def csp_directives(response):
    return {
        name: value
        for name, _, value in (
            part.strip().partition(" ") for part in response["Content-Security-Policy"].split(";")
        )
    }


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/robots.txt", "/healthz", "/en/no-such-page/"])
def test_public_answers_carry_a_strict_script_policy(client, path):
    response = client.get(path)
    policy = csp_directives(response)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["script-src"].startswith("'self'")
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    # Video players may be framed, from their privacy-friendly hosts only.
    assert policy["frame-src"] == "'self' https://www.youtube-nocookie.com https://player.vimeo.com"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "microphone=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_a_template_that_uses_the_nonce_gets_it_into_the_policy(rf):
    """Inline scripts on public pages need the request's nonce, which the header then names."""
    from django.http import HttpResponse
    from django.template import engines

    from cms.middleware import SiteCSPMiddleware

    def view(request):
        template = engines["django"].from_string(
            '<script nonce="{{ request.csp_nonce }}">document.title = "x";</script>'
        )
        return HttpResponse(template.render({}, request))

    middleware = SiteCSPMiddleware(view)
    first = middleware(rf.get("/en/"))
    second = middleware(rf.get("/en/"))
    nonce = re.search(r'nonce="([^"]+)"', first.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in csp_directives(first)["script-src"]
    other = re.search(r'nonce="([^"]+)"', second.content.decode()).group(1)
    assert other != nonce


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy_still_framed_only_by_our_origin(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = csp_directives(response)
    # Wagtail's editing widgets still use inline scripts; only staff reach the admin.
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"
