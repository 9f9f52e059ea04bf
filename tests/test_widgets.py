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
