"""The editorial statistics report in the admin, and its CSV export (managing editors only).

The figures are ``publications.review.statistics``'; the charts' geometry ``..charts``'. Views
read the filter and choose the output, nothing more.
"""

import csv

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import statistics
from ..charts import format_number, grouped_bar_chart
from .forms import StatisticsFilterForm
from .views import _editor_only, _header

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _filtered(request):
    """(form, rows, status) for the request's filter; a filter that is not one is a 400."""
    form = StatisticsFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, [], 400
    data = form.cleaned_data if form.is_bound else {}
    rows = statistics.editorial_statistics(series=data.get("series"), year=data.get("year"))
    return form, rows, 200


def _percent(ratio):
    return None if ratio is None else round(ratio * 100, 1)


def _round(value):
    return None if value is None else round(value, 1)


def _charts(rows):
    """The charts of one line of rows: the chosen series, or all series together."""
    together = [r for r in rows if r.all_series]
    line = sorted(together or rows, key=lambda r: r.year)
    if not line:
        return []
    years = [r.year for r in line]
    who = line[0].series_name if not line[0].all_series else _("all series")
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])

    def described(values, template):
        return "; ".join(template % {"year": r.year, "value": format_number(v)}
                         for r, v in zip(line, values, strict=True))

    received = [r.received for r in line]
    desk = [r.desk_rejected for r in line]
    first = [_round(r.first_decision.median) for r in line]
    final = [_round(r.final_decision.median) for r in line]
    acceptance = [_percent(r.acceptance_rate) for r in line]
    response = [_percent(r.response_rate) for r in line]
    return [
        (grouped_bar_chart(
            title=_("Submissions received and desk rejections, %(who)s, %(span)s")
            % {"who": who, "span": span},
            description=_("Received: %(received)s. Desk rejections: %(desk)s.") % {
                "received": described(received, "%(year)s: %(value)s"),
                "desk": described(desk, "%(year)s: %(value)s")},
            slug="volume", categories=years,
            groups=[(_("Received"), received), (_("Desk rejections"), desk)]),
         [(_("Received"), received), (_("Desk rejections"), desk)]),
        (grouped_bar_chart(
            title=_("Median days to a decision, %(who)s, %(span)s") % {"who": who, "span": span},
            description=_("First decision: %(first)s. Final decision: %(final)s.") % {
                "first": described(first, "%(year)s: %(value)s"),
                "final": described(final, "%(year)s: %(value)s")},
            slug="speed", categories=years,
            groups=[(_("First decision"), first), (_("Final decision"), final)]),
         [(_("First decision"), first), (_("Final decision"), final)]),
        (grouped_bar_chart(
            title=_("Acceptance rate and reviewer response rate (%%), %(who)s, %(span)s")
            % {"who": who, "span": span},
            description=_("Acceptance rate: %(acceptance)s. Reviewer response rate: "
                          "%(response)s.") % {
                "acceptance": described(acceptance, "%(year)s: %(value)s %%"),
                "response": described(response, "%(year)s: %(value)s %%")},
            slug="rates", categories=years,
            groups=[(_("Acceptance rate"), acceptance), (_("Reviewer response rate"),
                                                          response)]),
         [(_("Acceptance rate"), acceptance), (_("Reviewer response rate"), response)]),
    ]


def report(request):
    _editor_only(request)
    form, rows, status = _filtered(request)
    charts = [{"chart": chart, "years": chart.categories, "table": [
        (name, [format_number(v) for v in values]) for name, values in table]}
        for chart, table in _charts(rows)]
    return TemplateResponse(request, "publications/admin/statistics.html", {
        "form": form, "rows": rows, "charts": charts, "years": statistics.years_with_submissions(),
        "csv_query": request.GET.urlencode(),
        **_header(_("Editorial statistics"), "table"),
    }, status=status)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


CSV_COLUMNS = [
    ("series", lambda r: r.series_name if not r.all_series else _("All series")),
    ("year", lambda r: r.year),
    ("received", lambda r: r.received),
    ("desk_rejections", lambda r: r.desk_rejected),
    ("accepted", lambda r: r.accepted),
    ("rejected_after_review", lambda r: r.rejected),
    ("acceptance_rate_percent", lambda r: _percent(r.acceptance_rate)),
    ("days_to_first_decision_median", lambda r: _round(r.first_decision.median)),
    ("days_to_first_decision_p90", lambda r: _round(r.first_decision.p90)),
    ("days_to_final_decision_median", lambda r: _round(r.final_decision.median)),
    ("days_to_final_decision_p90", lambda r: _round(r.final_decision.p90)),
    ("reviewer_invitations", lambda r: r.invitations),
    ("reviewer_answers", lambda r: r.answered),
    ("reviewer_response_rate_percent", lambda r: _percent(r.response_rate)),
    ("days_to_respond_median", lambda r: _round(r.response.median)),
    ("review_turnaround_days_median", lambda r: _round(r.turnaround.median)),
    ("review_turnaround_days_p90", lambda r: _round(r.turnaround.p90)),
    ("works_reviewed", lambda r: r.reviewed_works),
    ("revisions_per_work", lambda r: None if r.revisions_per_work is None
     else round(r.revisions_per_work, 2)),
]


def report_csv(request):
    _editor_only(request)
    form, rows, status = _filtered(request)
    if status != 200:
        return HttpResponse(_("The filter was not understood: %(errors)s")
                            % {"errors": "; ".join(m for ms in form.errors.values() for m in ms)},
                            status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="editorial-statistics-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow([name for name, _value in CSV_COLUMNS])
    for row in rows:
        writer.writerow([_cell(value(row)) for _name, value in CSV_COLUMNS])
    return response
