"""The fast <select> of the public filters gives the same HTML as Django's own."""

from django import forms
from django.test import SimpleTestCase

from cms.widgets import QuickSelect

CHOICES = [("", "All authors"), ("dupont", "Élise Dupont"), ("o-neil", "Seán O'Neil & Co"),
           ("x", '<script>alert("x")</script>')]


class QuickSelectTests(SimpleTestCase):
    def assert_same(self, value, attrs=None, choices=CHOICES):
        django = forms.Select(choices=choices).render("author", value, attrs=attrs)
        quick = QuickSelect(choices=choices).render("author", value, attrs=attrs)
        self.assertHTMLEqual(quick, django)

    def test_nothing_selected(self):
        self.assert_same(None, attrs={"id": "id_author"})

    def test_a_selected_value_with_escaping(self):
        self.assert_same("o-neil", attrs={"id": "id_author", "class": "filter"})
        html = QuickSelect(choices=CHOICES).render("author", "x")
        self.assertIn("&lt;script&gt;", html)
        self.assertNotIn("<script>", html)

    def test_groups(self):
        grouped = [("People", [("a", "Ada"), ("b", "Ben")]), ("", [("c", "Cy")])]
        self.assert_same("b", choices=grouped)

    def test_a_value_given_twice_is_selected_once_and_numbers_match_their_text(self):
        choices = [("", "Any year"), (2026, "2026"), ("2026", "again"), (2025, "2025")]
        self.assert_same("2026", choices=choices)
        self.assert_same(2025, attrs={"required": True}, choices=choices)

    def test_a_multiple_select(self):
        choices = [("a", "Ada"), ("b", "Ben"), ("c", "Cy")]
        django = forms.SelectMultiple(choices=choices).render("who", ["a", "c"])
        quick = type("QuickMultiple", (QuickSelect,), {"allow_multiple_selected": True})(
            choices=choices).render("who", ["a", "c"])
        self.assertHTMLEqual(quick, django)
