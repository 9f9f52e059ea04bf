"""A visitor registers for the demo course through the real form in Chromium, in French, gets
the confirmation e-mail, opens the link in it and cancels; an event manager then finds the
registration, cancelled, in the admin."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.e2e

COURSE = "/fr/lectures/civil-military-coordination-in-peacekeeping/"
EMAIL = "visiteur.e2e@example.org"


def test_a_visitor_registers_in_french_and_cancels_by_the_emailed_link(page, site):
    page.goto(COURSE)
    runs = page.locator("table.event-runs__table tbody tr")
    expect(runs).to_have_count(3)
    # The open run (The Hague) offers a seat; the full one only the waiting list.
    open_run = runs.filter(has_text="The Hague")
    open_run.locator("a.button").click()
    page.wait_for_url(re.compile(r"/register/\d+/$"))

    form = page.locator("form.registration-form")
    form.locator("input[name='name']").fill("Élodie Visiteur")
    form.locator("input[name='email']").fill(EMAIL)
    form.locator("input[name='organisation']").fill("Protection civile")
    form.locator("select[name='sector']").select_option("government")
    form.locator("textarea[name='invoice_address']").fill("1 rue de l’Exemple\n75001 Paris")
    form.locator("input[name='airport_pickup']").check()
    # Without consent the form is refused and says which field is wrong.
    form.locator("button[type='submit']").click()
    expect(page.locator("form.registration-form [role='alert']")).to_be_visible()
    page.locator("form.registration-form input[name='consent']").check()
    page.locator("form.registration-form button[type='submit']").click()
    page.wait_for_url(re.compile(r"/fr/registrations/[\w-]+/\?new=1$"))
    expect(page.locator(".registration-status")).to_have_text(re.compile(r"\S"))

    _subject, body = site.wait_for_mail(EMAIL, r"\S")
    link = re.search(r"https?://\S+/fr/registrations/[\w-]+/", body).group(0)
    page.goto("/fr/" + link.split("/fr/", 1)[1])  # the e-mail's host is the configured one
    page.locator("form.registration-cancel button").click()
    page.wait_for_url(re.compile(r"/fr/registrations/[\w-]+/$"))
    expect(page.locator("form.registration-cancel")).to_have_count(0)

    log_in(page, "event-manager", next_path="/admin/registrations/people/")
    page.goto(f"/admin/registrations/people/?q={EMAIL}")
    row = page.locator("table tbody tr", has_text=EMAIL)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(re.compile("Cancelled|Annulée"))
