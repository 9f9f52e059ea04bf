from .certificates import Certificate
from .registrations import Attendance, LectureSignup, Payment, Registration
from .runs import FeeCategory, Run
from .settings import RegistrationSettings

__all__ = [
    "Attendance",
    "Certificate",
    "FeeCategory",
    "LectureSignup",
    "Payment",
    "Registration",
    "RegistrationSettings",
    "Run",
]
