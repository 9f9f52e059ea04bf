"""Invoices and certificates as PDF (fpdf2), with a Unicode font so every name prints."""

from pathlib import Path

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _document(title):
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_creator("JCMI Research and Education Network")
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("body", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        font = "body"
    else:  # no Unicode font on this machine: Latin-1 names only
        font = "helvetica"
    pdf.add_page()
    pdf.set_font(font, size=11)
    return pdf, font


def _lines(pdf, lines, height=6):
    for line in lines:
        pdf.multi_cell(0, height, line, new_x="LMARGIN", new_y="NEXT")


def invoice_pdf(registration, number, bank):
    run = registration.run
    title = _("Invoice %(number)s") % {"number": number}
    pdf, font = _document(title)
    if bank and bank.invoice_issuer:
        _lines(pdf, bank.invoice_issuer.splitlines())
        pdf.ln(6)
    pdf.set_font(font, "B", size=16)
    _lines(pdf, [title], height=9)
    pdf.set_font(font, size=11)
    _lines(pdf, [_("Date: %(date)s") % {"date": formats.date_format(registration.created_at,
                                                                   "DATE_FORMAT")}])
    pdf.ln(4)
    recipient = [registration.invoice_organisation or registration.organisation or registration.name,
                 *registration.invoice_address.splitlines()]
    if registration.vat_number:
        recipient.append(_("VAT number: %(vat)s") % {"vat": registration.vat_number})
    _lines(pdf, [line for line in recipient if line])
    pdf.ln(6)
    _lines(pdf, [
        _("Participant: %(name)s") % {"name": registration.name},
        f"{run.event.title}, {run.dates_text}",
        _("Fee category: %(label)s") % {"label": registration.fee_category.label
                                        if registration.fee_category else "–"},
        _("Amount: %(amount)s %(currency)s") % {"amount": registration.fee,
                                                "currency": registration.currency},
        _("Payment reference: %(reference)s") % {"reference": registration.payment_reference},
        _("Payment status: %(status)s") % {"status": registration.get_payment_status_display()},
    ])
    if bank and bank.iban:
        pdf.ln(4)
        _lines(pdf, [_("Please pay by bank transfer to:"), bank.account_holder,
                     bank.bank_name, f"IBAN {bank.iban}", f"BIC {bank.bic}"])
    return bytes(pdf.output())


def certificate_pdf(certificate, verify_url):
    registration = certificate.registration
    run = registration.run
    pdf, font = _document(_("Certificate of completion"))
    pdf.ln(20)
    pdf.set_font(font, "B", size=22)
    pdf.cell(0, 12, _("Certificate of completion"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font(font, size=12)
    pdf.cell(0, 8, _("This certifies that"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "B", size=18)
    pdf.cell(0, 12, registration.name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, size=12)
    pdf.cell(0, 8, _("completed the course"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "B", size=14)
    pdf.multi_cell(0, 9, run.event.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, size=12)
    details = [run.dates_text]
    if run.location:
        details.append(run.location)
    if run.certificate_hours:
        details.append(_("%(hours)s hours") % {"hours": run.certificate_hours})
    pdf.cell(0, 8, " · ".join(details), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    attended = set(registration.attendance.filter(present=True).values_list("session", flat=True))
    modules = [label for key, label in run.sessions() if key in attended]
    if modules:
        pdf.set_font(font, size=10)
        _lines(pdf, [_("Modules completed:"), *modules], height=5)
    pdf.ln(10)
    pdf.set_font(font, size=10)
    _lines(pdf, [_("Certificate code: %(code)s") % {"code": certificate.code},
                 _("Check it at %(url)s") % {"url": verify_url}], height=5)
    return bytes(pdf.output())
