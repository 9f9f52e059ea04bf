"""The demo accounts: one per role in DESIGN.md, all with the documented demo password.

Shared by every app's demo module, so whichever runs first makes them. Idempotent: an existing
account keeps its password and data; only missing groups are added.
"""

from cms.factories import UserFactory

DEMO_PASSWORD = "jcmi-demo-2026"

# username -> (groups, superuser, the role as the accounts table names it)
DEMO_USERS = {
    "admin": ([], True, "Superuser: everything"),
    "editor": (["Editors"], False, "Editor: drafts pages, submits them for moderation"),
    "moderator": (["Moderators"], False, "Moderator: approves and publishes pages"),
    "managing-editor": (["Managing Editors"], False, "Managing editor: runs peer review"),
    "managing-editor2": (["Managing Editors"], False,
                         "Managing editor: handles the white papers and monographs"),
    "reviewer": (["Reviewers"], False, "Reviewer"),
    "reviewer2": (["Reviewers"], False, "Reviewer"),
    "author": (["Authors"], False, "Author: submits manuscripts in the portal"),
    "author2": (["Authors"], False, "Author"),
    "translator": (["Translators"], False,
                   "Translator: translates pages into French, German and Arabic"),
    "site-manager": (["Site managers"], False,
                     "Site manager: redirects, site settings, footer, navigation, search promotions"),
    "event-manager": (["Event managers"], False,
                      "Event manager: registrations, payments, attendance, certificates"),
}


def ensure_demo_users():
    """Create the demo accounts that are missing; return every one of them by username."""
    users = {}
    for username, (group_names, is_superuser, _role) in DEMO_USERS.items():
        # Looked up by username first: an account that exists keeps its password and names.
        users[username] = UserFactory(
            username=username,
            password=DEMO_PASSWORD,
            first_name="Site" if username == "admin"
            else username.replace("-", " ").title().replace(" ", "-"),
            last_name="Demo",
            is_superuser=is_superuser,
            is_staff=is_superuser,
            groups=group_names,
        )
    return users


def accounts_table():
    """The demo accounts as text lines, for `make run` to print."""
    width = max(len(name) for name in DEMO_USERS) + 2
    lines = [f"  {'username'.ljust(width)}{'password'.ljust(17)}role"]
    for username, (_groups, _superuser, role) in DEMO_USERS.items():
        lines.append(f"  {username.ljust(width)}{DEMO_PASSWORD.ljust(17)}{role}")
    return lines
