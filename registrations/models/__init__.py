from .certificates import Certificate
from .registrations import Attendance, Payment, Registration
from .runs import FeeCategory, Run
from .settings import RegistrationSettings

__all__ = [
    "Attendance",
    "Certificate",
    "FeeCategory",
    "Payment",
    "Registration",
    "RegistrationSettings",
    "Run",
]
