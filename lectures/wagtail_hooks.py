"""The lecture archive's sections on the home page and the focus-area hubs."""

from wagtail import hooks

from home.sections import HOME_SECTIONS_HOOK, TOPIC_SECTIONS_HOOK, Section


@hooks.register(HOME_SECTIONS_HOOK)
def home_upcoming_lectures(page, request):
    return Section("lectures/sections/home.html", order=20)


@hooks.register(TOPIC_SECTIONS_HOOK)
def topic_lectures(page, request):
    return Section("lectures/sections/topic.html", order=20)
