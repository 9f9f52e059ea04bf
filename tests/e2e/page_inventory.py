# Run inside the journey server's database with `manage.py shell -c`: prints, as JSON on its last
# line, one live public page per page type for each language, the shallowest first.
import json

from wagtail.models import Page

inventory = {}
ids = {}
pages = (
    Page.objects.live().public().filter(depth__gt=1).select_related("locale", "content_type")
    .order_by("depth", "path")
)
for page in pages:
    language = page.locale.language_code
    page_type = f"{page.content_type.app_label}.{page.content_type.model}"
    per_language = inventory.setdefault(language, {})
    if page_type not in per_language:
        url = page.get_url()
        if url:
            per_language[page_type] = url
            ids[url] = page.pk
print(json.dumps({"pages": inventory, "ids": ids}))
