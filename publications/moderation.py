"""How an approved workflow goes live.

Wagtail publishes as the last approver and checks that user's publish permission, so a
"Managing editor sign-off" by someone without page publish rights would fail at the very end.
The sign-off itself is the authority to publish here: the workflow's task groups already decided
who may approve, so the final publish skips the page-permission check.
"""


def publish_approved(workflow_state, user=None):
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
