from .pages import (
    PublicationContributor,
    PublicationIndexPage,
    PublicationPage,
    SeriesIndexPage,
)
from .series import Series, SeriesEditor

__all__ = [
    "PublicationContributor",
    "PublicationIndexPage",
    "PublicationPage",
    "Series",
    "SeriesEditor",
    "SeriesIndexPage",
]
