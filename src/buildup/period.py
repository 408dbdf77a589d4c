"""The study period: from the first build-up of March 2021 to the invasion."""

from datetime import date

STUDY_START = date(2021, 3, 1)
STUDY_END = date(2022, 2, 24)
