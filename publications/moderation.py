"""How an approved workflow goes live, and who may publish a publication without it.

Wagtail publishes as the last approver and checks that user's publish permission, so a
"Managing editor sign-off" by someone without page publish rights would fail at the very end.
The sign-off itself is the authority to publish here: the workflow's task groups already decided
who may approve, so the final publish skips the page-permission check.
"""

from django.db.models import Q


def publish_approved(workflow_state, user=None):
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)


SIGN_OFF_GROUP = "Managing Editors"


def gives_sign_off(user):
    return user.is_superuser or user.groups.filter(name=SIGN_OFF_GROUP).exists()


def may_publish_directly(user, page):
    """Only managing editors (and superusers) publish a publication without the workflow.

    Moderators hold publish rights over the whole tree for ordinary pages; for publications
    their approval is the first step of "Publication review", not the last.
    """
    from publications.models import PublicationPage

    if not isinstance(page, PublicationPage):
        return True
    return gives_sign_off(user)


def publications_needing_sign_off(user, pages, *, with_descendants=False):
    """The publications among ``pages`` (and, if asked, below them) that ``user`` may not publish.

    For the admin actions that publish several pages at once (bulk publish, copy with "Publish
    copies"): a publication can hide among ordinary pages or below a series page, and any one of
    them going live without the sign-off is the same breach as publishing it from its editor.
    """
    from publications.models import PublicationPage

    pages = list(pages)
    if not pages or gives_sign_off(user):
        return PublicationPage.objects.none()
    chosen = Q(pk__in=[page.pk for page in pages])
    if with_descendants:
        for page in pages:
            chosen |= Q(path__startswith=page.path, depth__gt=page.depth)
    return PublicationPage.objects.filter(chosen)
