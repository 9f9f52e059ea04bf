"""StreamField blocks of the lecture and event pages: chapters, programme, course modules, fees."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

_TIMESTAMP = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")


def timestamp_to_seconds(value):
    """'1:02:03' → 3723, '12:30' → 750; None when the text is not a timestamp."""
    match = _TIMESTAMP.match((value or "").strip())
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def seconds_to_timestamp(total):
    hours, rest = divmod(int(total), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class TimestampBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", _("Where the chapter starts in the video: mm:ss or h:mm:ss."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if timestamp_to_seconds(value) is None:
            raise ValidationError(_("Enter a time such as 12:30 or 1:05:00."))
        return value


class ChapterValue(blocks.StructValue):
    @property
    def seconds(self):
        return timestamp_to_seconds(self.get("time")) or 0

    @property
    def label(self):
        return seconds_to_timestamp(self.seconds)


class ChapterBlock(blocks.StructBlock):
    time = TimestampBlock(label=_("Starts at"))
    title = blocks.CharBlock(label=_("Chapter title"), max_length=255)

    class Meta:
        icon = "time"
        value_class = ChapterValue
        label = _("Chapter")


class ChaptersBlock(blocks.StreamBlock):
    chapter = ChapterBlock()

    def clean(self, value):
        value = super().clean(value)
        seconds = [child.value.seconds for child in value]
        if seconds != sorted(seconds):
            raise ValidationError(_("List the chapters in the order they appear in the video."))
        return value


class SessionBlock(blocks.StructBlock):
    """One slot of a symposium or seminar programme."""

    starts = blocks.TimeBlock(label=_("Starts"))
    ends = blocks.TimeBlock(required=False, label=_("Ends"))
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    speakers = blocks.CharBlock(required=False, label=_("Speakers or chair"), max_length=255)
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "time"
        template = "lectures/blocks/session.html"
        label = _("Session")


class ProgrammeDayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Day"))
    title = blocks.CharBlock(required=False, label=_("Theme of the day"), max_length=255)
    sessions = blocks.ListBlock(SessionBlock(), label=_("Sessions"))

    class Meta:
        icon = "date"
        template = "lectures/blocks/programme_day.html"
        label = _("Programme day")


class CourseModuleBlock(blocks.StructBlock):
    """A module of a training course; several modules may share a day."""

    number = blocks.IntegerBlock(min_value=1, label=_("Module number"))
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    day = blocks.IntegerBlock(min_value=1, required=False, label=_("Course day"))
    learning_outcomes = blocks.TextBlock(required=False, label=_("Learning outcomes"))

    class Meta:
        icon = "list-ol"
        template = "lectures/blocks/course_module.html"
        label = _("Course module")


class ProgrammeBlock(blocks.StreamBlock):
    day = ProgrammeDayBlock()
    module = CourseModuleBlock()
    note = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Note"))


class FeeBlock(blocks.StructBlock):
    category = blocks.CharBlock(label=_("Who pays this"), max_length=120)
    amount = blocks.DecimalBlock(min_value=0, decimal_places=2, label=_("Amount"))
    currency = blocks.ChoiceBlock(
        choices=[("EUR", "EUR"), ("USD", "USD"), ("GBP", "GBP"), ("CHF", "CHF")],
        default="EUR",
        label=_("Currency"),
    )
    note = blocks.CharBlock(required=False, label=_("Note"), max_length=255)

    class Meta:
        icon = "tag"
        label = _("Fee")
