"""How an approved workflow goes live.

Wagtail publishes as the last approver and checks that user's publish permission, so a
"Managing editor sign-off" by someone without page publish rights would fail at the very end.
The sign-off itself is the authority to publish here: the workflow's task groups already decided
who may approve, so the final publish skips the page-permission check.
"""


def publish_approved(workflow_state, user=None):
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)


SIGN_OFF_GROUP = "Managing Editors"


def may_publish_directly(user, page):
    """Only managing editors (and superusers) publish a publication without the workflow.

    Moderators hold publish rights over the whole tree for ordinary pages; for publications
    their approval is the first step of "Publication review", not the last.
    """
    from publications.models import PublicationPage

    if not isinstance(page, PublicationPage):
        return True
    return user.is_superuser or user.groups.filter(name=SIGN_OFF_GROUP).exists()
