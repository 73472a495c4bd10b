"""Vietnamese is the source language; English is a complete, compiled translation."""

import datetime
import gettext
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import nghiquyet

CATALOGUE = Path(nghiquyet.__file__).parent / "locale" / "en" / "LC_MESSAGES"
ENTRY = re.compile(
    r'^(?P<flags>(?:#.*\n)*)msgid (?P<id>(?:".*"\n)+)(?:msgid_plural (?P<plural>(?:".*"\n)+))?'
    r'(?P<strs>(?:msgstr(?:\[\d\])? (?:".*"\n?)+)+)',
    re.M,
)


@pytest.fixture(autouse=True)
def back_to_vietnamese():
    """A page served in English leaves English active in the thread; messages
    built outside a request by later tests must be Vietnamese again."""
    yield
    translation.deactivate()


ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unquote(block: str) -> str:
    text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
    return re.sub(r"\\(.)", lambda match: ESCAPES.get(match[1], match[0]), text)


def entries():
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8") + "\n"
    for match in ENTRY.finditer(text):
        msgid = unquote(match["id"])
        if msgid:
            strs = [unquote(part) for part in re.split(r"msgstr(?:\[\d\])? ", match["strs"])[1:]]
            yield msgid, match["plural"] and unquote(match["plural"]), strs, "fuzzy" in match["flags"]


def test_every_message_has_an_english_translation():
    found = list(entries())
    assert len(found) > 150
    untranslated = [msgid for msgid, _plural, strs, fuzzy in found if fuzzy or not all(s.strip() for s in strs)]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_source():
    with open(CATALOGUE / "django.mo", "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for msgid, plural, strs, _fuzzy in entries():
        if plural:
            assert translations.ngettext(msgid, plural, 1) == strs[0], msgid
        else:
            assert translations.gettext(msgid) == strs[0], msgid


def test_placeholders_survive_translation():
    for msgid, _plural, strs, _fuzzy in entries():
        expected = sorted(re.findall(r"%\(\w+\)s", msgid))
        for text in strs:
            assert sorted(re.findall(r"%\(\w+\)s", text)) == expected, msgid


def test_the_language_switch_turns_pages_english(client, make_user, tree):
    client.force_login(make_user("nguoidung", tree["province"]))
    page = client.get(reverse("organisations:tree")).content.decode()
    assert 'lang="vi"' in page and "Cây tổ chức" in page
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("organisations:tree")}, follow=True)
    page = response.content.decode()
    assert 'lang="en"' in page and "Organisation tree" in page and "Cây tổ chức" not in page
    assert "Plans and implementation" in page  # the navigation too


def test_the_language_can_be_switched_before_logging_in(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")}, follow=True)
    assert response.status_code == 200 and "Username" in response.content.decode()


def test_vietnamese_is_the_default_whatever_the_browser_asks(client, db):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in page and "Tên đăng nhập" in page


def test_documents_and_tracking_pages_turn_english(client, make_user, tree):
    """Pages of the apps, not only the foundation's: the register, a document's
    lineage, the implementation overview, a document's implementation, search."""
    from nghiquyet.documents.models import Document

    document = Document.objects.create(kind="nghi_quyet", symbol="111-NQ/TU", issued_on=datetime.date(2021, 6, 11),
                                       issuer_unit=tree["province"], title="về chuyển đổi số", text="")
    client.force_login(make_user("nguoidung", tree["province"]))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    pages = {
        reverse("documents:index"): ["Register", "Documents due for re-examination"],
        reverse("documents:lineage", args=[document.pk]): ["Document relationships", "This document"],
        reverse("tracking:index"): ["Implementation overview", "Download report (Word)", "Overdue tasks"],
        reverse("tracking:document", args=[document.pk]): ["Full text, extracted items", "Timeline", "Task list"],
        reverse("search:index"): ["Search words", "Type with or without Vietnamese accents"],
    }
    for url, english in pages.items():
        page = client.get(url).content.decode()
        assert 'lang="en"' in page, url
        assert [text for text in english if text not in page] == [], url
    overview = client.get(reverse("tracking:index")).content.decode()
    assert "Tổng quan thực hiện" not in overview and "Nhiệm vụ quá hạn" not in overview
