"""Every translatable string of the project's templates and Python code is in the French, German
and Arabic catalogues, translated, with matching placeholders.

The strings are extracted the way a developer would (``makemessages``), from a copy of the
project's source so the real catalogues are never touched; then each catalogue is checked.
"""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

PROJECT = Path(settings.BASE_DIR)
SOURCE_PACKAGES = ["cms", "home", "publications", "lectures", "registrations", "search", "translation"]
LANGUAGES = ["fr", "de", "ar"]
# Arabic has six plural forms; a catalogue with fewer would show the wrong one for most counts.
PLURAL_FORMS = {"fr": 2, "de": 2, "ar": 6}


def catalogue_path(code):
    return PROJECT / "locale" / code / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The project's translatable strings, as makemessages finds them."""
    workdir = tmp_path_factory.mktemp("messages")
    for package in SOURCE_PACKAGES:
        if (PROJECT / package).is_dir():
            shutil.copytree(PROJECT / package, workdir / package,
                            ignore=shutil.ignore_patterns("__pycache__", "migrations", "*.mo"))
    locale_dir = workdir / "locale"
    locale_dir.mkdir()
    cwd = Path.cwd()
    try:
        import os

        os.chdir(workdir)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(settings, "LOCALE_PATHS", [str(locale_dir)])
            call_command("makemessages", locale=["fr"], verbosity=0, no_obsolete=True)
    finally:
        os.chdir(cwd)
    po = polib.pofile(str(locale_dir / "fr" / "LC_MESSAGES" / "django.po"))
    entries = [entry for entry in po if not entry.obsolete]
    assert entries, "makemessages found no strings at all"
    return entries


def where(entry):
    return ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:2])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_is_translated(extracted, code):
    path = catalogue_path(code)
    assert path.exists(), f"{path.relative_to(PROJECT)} is missing"
    catalogue = {(entry.msgctxt, entry.msgid): entry
                 for entry in polib.pofile(str(path)) if not entry.obsolete}
    problems = []
    for wanted in extracted:
        entry = catalogue.get((wanted.msgctxt, wanted.msgid))
        if entry is None:
            problems.append(f"missing: {wanted.msgid!r} ({where(wanted)})")
        elif "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {wanted.msgid!r}")
        elif wanted.msgid_plural:
            if len([s for s in entry.msgstr_plural.values() if s]) < PLURAL_FORMS[code]:
                problems.append(f"plural forms incomplete: {wanted.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"untranslated: {wanted.msgid!r} ({where(wanted)})")
    assert not problems, (
        f"{len(problems)} problems in locale/{code}/LC_MESSAGES/django.po "
        "(run `manage.py makemessages -l fr -l de -l ar --ignore=.venv` and translate):\n  "
        + "\n  ".join(problems[:40])
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_compiles_with_matching_placeholders(code, tmp_path):
    path = catalogue_path(code)
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(path)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    header = polib.pofile(str(path)).metadata.get("Plural-Forms", "")
    assert f"nplurals={PLURAL_FORMS[code]};" in header.replace(" ", ""), header
