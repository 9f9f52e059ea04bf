"""Staff in the admin: only Event managers (and superusers) see registrations; they filter and
export the listing, record payments, take attendance and issue certificates, which anyone can
then verify at the certificate's public address."""

import csv
import io

import openpyxl
import pypdf
import pytest
from django.contrib.auth.models import Group
from django.core import mail

from registrations import factories
from registrations.models import Certificate, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_manager(django_user_model):
    user = django_user_model.objects.create_user("events", "events@jcmi.example", "pw")
    user.groups.add(Group.objects.get(name="Event managers"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@jcmi.example", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def people(run):
    return [
        factories.registration(run, name="Ana Ferreira", sector="police",
                               organisation="UNPOL", email="ana@example.org"),
        factories.registration(run, name="Björn Lund", sector="military",
                               fee_category=run.fee_categories.first(), email="bjorn@example.org"),
        factories.registration(run, name="Chidi Okeke", sector="ngo_io",
                               fee_category=run.fee_categories.last(), email="chidi@example.org"),
    ]


def test_only_event_managers_and_superusers_see_registrations(client, editor, event_manager,
                                                              admin_user, people):
    client.force_login(editor)
    for listing in ("people", "runs", "certificates", "lectures"):
        response = client.get(f"/admin/registrations/{listing}/")
        assert response.status_code in (302, 403)
        assert "Ana Ferreira" not in response.content.decode()
    assert client.get(f"/admin/registrations/staff/attendance/{people[0].run_id}/").status_code in (302, 403)
    menu = client.get("/admin/").content.decode()
    assert "Courses and events" not in menu
    for user in (event_manager, admin_user):
        client.force_login(user)
        response = client.get("/admin/registrations/people/")
        assert response.status_code == 200
        assert "Ana Ferreira" in response.content.decode()
        assert client.get("/admin/registrations/lectures/").status_code == 200
        assert client.get("/admin/registrations/runs/").status_code == 200


def test_the_listing_filters_searches_and_exports_to_csv_and_xlsx(client, event_manager, people):
    client.force_login(event_manager)
    listing = client.get("/admin/registrations/people/", {"sector": "police"}).content.decode()
    assert "Ana Ferreira" in listing and "Chidi Okeke" not in listing
    found = client.get("/admin/registrations/people/", {"q": "Okeke"}).content.decode()
    assert "Chidi Okeke" in found and "Ana Ferreira" not in found

    response = client.get("/admin/registrations/people/", {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")
                                           if response.streaming else response.content.decode("utf-8-sig"))))
    assert {row["Full name"] for row in rows} == {"Ana Ferreira", "Björn Lund", "Chidi Okeke"}
    assert rows[0]["Payment reference"].startswith("JCMI-")

    response = client.get("/admin/registrations/people/", {"export": "xlsx",
                                                                   "sector": "military"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "Full name" in values[0]
    names = [row[values[0].index("Full name")] for row in values[1:]]
    assert names == ["Björn Lund"]


def test_staff_record_a_payment_and_the_invoice_reads_back(client, event_manager, people, bank):
    client.force_login(event_manager)
    chidi = people[2]
    url = f"/admin/registrations/staff/payment/{chidi.pk}/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"kind": "payment", "date": "not a date", "amount": "250"})
    assert bad.status_code == 400
    assert not chidi.payments.exists()
    response = client.post(url, {"kind": "payment", "date": "2026-12-01", "amount": "250.00",
                                 "note": "Transfer received"})
    assert response.status_code == 302
    chidi.refresh_from_db()
    assert chidi.payment_status == "paid"
    assert chidi.payments.get().recorded_by == event_manager

    response = client.get(f"/en/registrations/{chidi.manage_token}/invoice.pdf")
    assert response.status_code == 200
    text = pypdf.PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Invoice 1" in text
    assert "Chidi Okeke" in text and chidi.payment_reference in text
    assert "250" in text and "Paid" in text and bank.iban in text
    second = client.get(f"/en/registrations/{people[0].manage_token}/invoice.pdf")
    assert "Invoice 2" in pypdf.PdfReader(io.BytesIO(second.content)).pages[0].extract_text()
    again = client.get(f"/en/registrations/{chidi.manage_token}/invoice.pdf")
    assert "Invoice 1" in pypdf.PdfReader(io.BytesIO(again.content)).pages[0].extract_text()


def test_attendance_certificates_and_their_public_check(client, event_manager, people, run):
    client.force_login(event_manager)
    url = f"/admin/registrations/staff/attendance/{run.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    sessions = [key for key, _label in run.sessions()]
    assert len(sessions) == 3
    ana, bjorn, _chidi = people
    data = {f"present-{ana.pk}-{key}": "on" for key in sessions}
    data.update({f"present-{bjorn.pk}-{key}": "on" for key in sessions[:2]})
    data["issue"] = "1"
    mail.outbox.clear()
    assert client.post(url, data).status_code == 302

    certificate = Certificate.objects.get()
    assert certificate.registration == ana
    assert Registration.objects.get(pk=ana.pk).status == "attended"
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    _filename, pdf, mimetype = message.attachments[0]
    assert mimetype == "application/pdf"
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Ana Ferreira" in text and certificate.code in text
    assert run.event.title.split(":")[0] in text and "Foundations" in text

    own = client.get(f"/en/registrations/{ana.manage_token}/certificate.pdf")
    assert certificate.code in pypdf.PdfReader(io.BytesIO(own.content)).pages[0].extract_text()
    assert client.get(f"/en/registrations/{bjorn.manage_token}/certificate.pdf").status_code == 404

    client.logout()
    check = client.get(f"/en/certificates/{certificate.code}/")
    html = check.content.decode()
    assert check.status_code == 200 and "is genuine" in html
    assert "Ana Ferreira" not in html and "ana@example.org" not in html
    assert client.get("/en/certificates/NOPE-NOPE-NOPE/").status_code == 404

    from registrations.certificates import revoke

    revoke(certificate, "Issued in error")
    html = client.get(f"/en/certificates/{certificate.code}/").content.decode()
    assert "revoked" in html and "is genuine" not in html
    assert client.get(f"/en/registrations/{ana.manage_token}/certificate.pdf").status_code == 404


def test_a_minimum_rule_lets_fewer_sessions_earn_the_certificate(client, event_manager, people, run):
    run.certificate_minimum = 2
    run.save()
    client.force_login(event_manager)
    keys = [key for key, _label in run.sessions()]
    client.post(f"/admin/registrations/staff/attendance/{run.pk}/",
                {f"present-{people[1].pk}-{keys[0]}": "on", f"present-{people[1].pk}-{keys[1]}": "on",
                 "issue": "1"})
    assert list(Certificate.objects.values_list("registration__name", flat=True)) == ["Björn Lund"]


def test_staff_cancel_and_the_waiting_list_moves(client, event_manager, course):
    run = factories.run(course, capacity=1)
    holder = factories.registration(run)
    waiting = factories.registration(run, status="waiting", waiting_position=1)
    client.force_login(event_manager)
    assert client.post(f"/admin/registrations/staff/cancel/{holder.pk}/").status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "offered"


def test_raising_capacity_in_the_admin_offers_seats(client, admin_user, course):
    run = factories.run(course, capacity=1)
    factories.registration(run)
    waiting = factories.registration(run, status="waiting", waiting_position=1)
    client.force_login(admin_user)
    edit = client.get(f"/admin/registrations/runs/edit/{run.pk}/")
    assert edit.status_code == 200
    form = edit.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = value
    formset = form.formsets["fee_categories"]
    data.update({f"fee_categories-{k}": v for k, v in formset.management_form.initial.items()})
    for index, subform in enumerate(formset.forms):
        for name in subform.fields:
            value = subform[name].value()
            if value not in (None, False):
                data[f"fee_categories-{index}-{name}"] = value
    data["capacity"] = 2
    response = client.post(f"/admin/registrations/runs/edit/{run.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    waiting.refresh_from_db()
    assert waiting.status == "offered"


def test_staff_e_mail_a_runs_registrants_one_message_each(client, event_manager, people, run):
    waiting = factories.registration(run, status="waiting", waiting_position=1,
                                     email="waiting@example.org")
    client.force_login(event_manager)
    url = f"/admin/registrations/staff/email/{run.pk}/"
    assert client.post(url, {"subject": "", "body": "Hello"}).status_code == 400
    mail.outbox.clear()
    response = client.post(url, {"subject": "Joining instructions", "body": "Bring your passport."})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)
    mail.outbox.clear()
    client.post(url, {"subject": "News", "body": "Hello", "include_waiting": "on"})
    assert waiting.email in [m.to[0] for m in mail.outbox]


def test_staff_cannot_give_a_registration_another_runs_fee(client, event_manager, people, course):
    other = factories.run(course)
    ana = people[0]
    client.force_login(event_manager)
    data = {"name": ana.name, "email": ana.email, "organisation": ana.organisation,
            "sector": ana.sector, "fee_category": other.fee_categories.first().pk}
    response = client.post(f"/admin/registrations/people/edit/{ana.pk}/", data)
    assert response.status_code != 302  # the form again, with the error
    ana.refresh_from_db()
    assert ana.fee_category.run_id == ana.run_id
