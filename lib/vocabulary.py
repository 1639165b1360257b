"""Names every layer shares about the survey: its sum columns, respondent groups and age bands.

Queries produce frames with these columns and analyses consume them; keeping the
names below both means an analysis never imports a query module to learn a column.
"""

from __future__ import annotations

from lib.models import UNSUR

#: Per unsur, the sum of the answers and how many answered (``sum_u1``, ``n_u1``, …).
SUM_COLUMNS: tuple[str, ...] = tuple(f"{p}_{u}" for u in UNSUR for p in ("sum", "n"))

#: Columns that add up over respondents (so over units, months and groups).
ADDITIVE: tuple[str, ...] = ("respondents", *SUM_COLUMNS)

#: Age bands of the respondent profile: (label, lowest age, highest age or None).
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("<25", 0, 24),
    ("25–34", 25, 34),
    ("35–44", 35, 44),
    ("45–54", 45, 54),
    ("55+", 55, None),
)
#: Respondent-group dimensions: the name used across lib and the column it comes from.
GROUP_DIMENSIONS: tuple[str, ...] = ("gender", "age_band", "education", "occupation", "service_type")

#: Statuses of a participant who attended the programme (``tidak_hadir`` did not).
ATTENDED: tuple[str, ...] = ("lulus", "tidak_lulus")
#: Status of a participant who completed (passed) the programme: "trained" at levels 3 and 4.
COMPLETED = "lulus"

#: The unit columns of result frames, from the unit table's names (written once: the IKM and
#: the priority evidence both label their units this way).
UNIT_RESULT_NAMES: dict[str, str] = {
    "id": "unit_id",
    "code": "kode_unit",
    "name": "nama_unit",
    "kind": "jenis_unit",
    "region": "wilayah",
}
