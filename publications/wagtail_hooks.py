# The peer-review admin (Submissions, My reviews, reminder rules) registers its hooks on import.
from publications import review_admin_hooks  # noqa: F401
