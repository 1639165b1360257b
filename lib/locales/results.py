"""Messages about stored results: when they were computed, and work in progress."""

MESSAGES = {
    "results.updated": {"id": "Diperbarui {when}", "en": "Updated {when}"},
    "results.refreshing": {
        "id": "data berubah sejak itu; hasil baru sedang dihitung di latar belakang",
        "en": "the data changed since; a new result is being computed in the background",
    },
    "results.computing": {"id": "Menghitung {what} …", "en": "Computing {what} …"},
    "results.computing_eta": {
        "id": "Menghitung {what}: {elapsed} dari sekitar {expected} detik",
        "en": "Computing {what}: {elapsed} of about {expected} seconds",
    },
    "results.computing_long": {
        "id": "Menghitung {what}: {elapsed} detik, hampir selesai …",
        "en": "Computing {what}: {elapsed} seconds, nearly done …",
    },
    "priority.loading.history": {
        "id": "Memuat pelatihan yang sudah diikuti staf unit ini …",
        "en": "Loading the training this unit's staff already had …",
    },
    "priority.loading.staff": {
        "id": "Memuat staf yang perlu pelatihan …",
        "en": "Loading the staff who need training …",
    },
    "results.what.complaints": {
        "id": "ringkasan pengaduan dan uji lonjakan",
        "en": "complaint overview and spike tests",
    },
    "results.what.summary": {"id": "ringkasan pimpinan", "en": "the leadership summary"},
    "results.what.evidence": {"id": "bukti per unit", "en": "the evidence per unit"},
    "results.what.model": {"id": "model risiko penurunan", "en": "the deterioration risk model"},
    "results.what.profile": {"id": "IKM per kelompok responden", "en": "the IKM by respondent group"},
    "results.what.impact": {"id": "dampak pelatihan di empat level", "en": "training impact at four levels"},
}
