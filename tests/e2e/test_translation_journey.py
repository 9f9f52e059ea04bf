"""A translator starts an Arabic translation from the report and submits it; the moderator asks
for changes inside the translation editor; the translator reads the comment and submits again;
the moderator approves it and it goes live. The translator is never offered Delete or Publish,
and every step names who acts next. The translator also hears of an outdated French page, syncs
it, keeps the sentence they had reworded, and submits it."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import _manage, log_in

pytestmark = pytest.mark.e2e

TRANSLATOR_EMAIL = "translator@jcmi.example"
COMMENT = "Please write the title in Arabic script, not in Latin letters."


def moderation(page):
    return page.locator("section.translation-moderation")


def test_translator_and_moderator_take_a_translation_through_review(site, new_page):
    translator = new_page()
    log_in(translator, "translator")
    translator.goto("/admin/translation/report/?locale=ar")
    start = translator.locator("td[data-locale='ar'] button.translation-status__start").first
    expect(start).to_have_text("Missing")
    start.click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    edit_path = re.search(r"/admin/pages/\d+/edit/", translator.url).group(0)
    expect(translator.locator(".js-translation-editor")).to_be_attached()
    # The translator's editor offers neither Delete nor Publish.
    expect(translator.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    expect(translator.get_by_role("link", name="Delete")).to_have_count(0)
    expect(moderation(translator)).to_contain_text("the translator finishes the translation")
    moderation(translator).get_by_role("button", name="Submit for moderation").click()
    expect(translator.get_by_text(re.compile("was submitted for moderation"))).to_be_visible()

    moderator = new_page()
    log_in(moderator, "moderator")
    moderator.goto(edit_path)
    expect(moderation(moderator)).to_contain_text("Moderators review it")
    # Publishing around the review is not offered while the translation is in moderation.
    expect(moderator.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    moderation(moderator).get_by_label("Comment").fill(COMMENT)
    moderation(moderator).get_by_role("button", name="Request changes").click()
    expect(moderator.get_by_text(re.compile("You asked for changes"))).to_be_visible()

    # The queue says who acts next: the translator, with the moderator's comment beside it.
    translator.goto("/admin/translation/queue/")
    sent_back = translator.locator("tr[data-state='changes_requested'][data-locale='ar']")
    expect(sent_back.locator(".translation-review-comment")).to_contain_text(COMMENT)
    expect(sent_back.locator(".translation-next-step")).to_contain_text(
        "you make the changes the moderator asked for")
    translator.goto(edit_path)
    expect(moderation(translator).locator("blockquote")).to_contain_text(COMMENT)
    moderation(translator).get_by_role("button", name="Submit for moderation").click()
    expect(translator.get_by_text(re.compile("was submitted for moderation"))).to_be_visible()

    # The moderator's dashboard names who acts next on the translation waiting for them.
    moderator.goto("/admin/")
    expect(moderator.locator("#awaiting-review-content .workflow-next-step").first).to_contain_text(
        "Moderators review it")
    moderator.goto(edit_path)
    moderation(moderator).get_by_role("button", name="Approve").click()
    expect(moderator.get_by_text(re.compile("You approved"))).to_be_visible()
    assert translator.problems.take() == []
    assert moderator.problems.take() == []


# The French translator had reworded the About page's title; then the English page changed.
EDIT_AND_CHANGE_SOURCE = """
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation
from home.models import StandardPage
about = StandardPage.objects.get(locale__language_code="en", slug="about")
title = StringTranslation.objects.get(
    locale=Locale.objects.get(language_code="fr"), context__path="title",
    translation_of__data=about.title)
title.data = "À propos de notre réseau"
title.save()
about.intro = "An open network of practitioners and scholars, since 2013."
about.save_revision().publish()
"""


def test_translator_syncs_an_outdated_translation_and_keeps_their_edit(site, new_page):
    told_before = len(site.mails(TRANSLATOR_EMAIL))
    _manage(["shell", "-c", EDIT_AND_CHANGE_SOURCE], site.env)
    # The translator is told by e-mail that the French page needs bringing up to date (one
    # e-mail for all the languages the change touches).
    [(_subject, body)] = site.mails(TRANSLATOR_EMAIL)[told_before:]
    assert re.search(r"About.*\(Français\): the source changed", body), body
    assert "/admin/translation/queue/" in body

    translator = new_page()
    log_in(translator, "translator")
    translator.goto("/admin/translation/report/?locale=fr")
    row = translator.locator("tbody tr", has=translator.locator("th a[href$='/en/about/']"))
    cell = row.locator("td[data-locale='fr']")
    expect(cell).to_have_attribute("data-state", "out_of_date")
    cell.get_by_role("button", name=re.compile("Sync")).click()

    # What changed in the English page since the translator's last version.
    expect(translator.locator(".translation-sync-added")).to_contain_text(
        "An open network of practitioners and scholars, since 2013.")
    translator.get_by_role("link", name="Open the translation").click()
    expect(translator.locator(".js-translation-editor")).to_be_attached()
    expect(translator.get_by_text("À propos de notre réseau").first).to_be_visible()
    # The synced translation goes to moderation, the reworded title with it.
    moderation(translator).get_by_role("button", name="Submit for moderation").click()
    expect(translator.get_by_text(re.compile("was submitted for moderation"))).to_be_visible()
    expect(moderation(translator)).to_contain_text("Moderators review it")
    expect(translator.get_by_text("À propos de notre réseau").first).to_be_visible()
    assert translator.problems.take() == []
