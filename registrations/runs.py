"""The runs an event page shows, in any of its languages, and how each is offered."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Registration, Run


def runs_for(page):
    """A page's runs: they hang on the source page and are shared by its translations."""
    return (Run.objects.filter(event__translation_key=page.translation_key)
            .select_related("event").prefetch_related("fee_categories"))


def run_of(page, run_id):
    """One of the page's runs, or 404 (an id too large for the database is simply not there)."""
    if not 0 < run_id < 2**63:
        raise Http404
    return get_object_or_404(runs_for(page), pk=run_id)


def run_rows(page):
    """What the runs table shows: each run with its seats left and the action it offers."""
    rows = []
    for run in runs_for(page):
        seats_left = run.seats_left()
        if not run.accepts_registrations():
            action = "closed"
        elif seats_left:
            action = "register"
        else:
            action = "waiting_list"
        rows.append({"run": run, "seats_left": seats_left, "action": action,
                     "register_url": f"{page.url}register/{run.pk}/",
                     "ical_url": f"{page.url}run-{run.pk}.ics"})
    return rows


def registrations_of(user):
    """A logged-in user's own registrations (made while logged in), newest run first."""
    return (Registration.objects.filter(user=user, anonymised_at__isnull=True)
            .select_related("run__event").order_by("-run__start_date"))
