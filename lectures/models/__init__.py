from .entries import CalendarEntryPage, RelatedPublication, Speaker
from .events import EventPage
from .index import LectureIndexPage
from .lectures import LecturePage, LectureSeriesPage

__all__ = [
    "CalendarEntryPage",
    "EventPage",
    "LectureIndexPage",
    "LecturePage",
    "LectureSeriesPage",
    "RelatedPublication",
    "Speaker",
]
