from .series import Series, SeriesEditor

__all__ = ["Series", "SeriesEditor"]
