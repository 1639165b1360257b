"""Messages of the formatting layer, the "data diperbarui" line, shareable views and complaint search."""

MESSAGES = {
    "format.method_details": {"id": "Rincian metode", "en": "Method details"},
    "url.out_of_scope": {
        "id": "Tautan ini meminta {choice}, di luar cakupan Anda; yang ditampilkan: {scope}.",
        "en": "This link asks for {choice}, outside your scope; showing: {scope}.",
    },
    "updated.line": {"id": "Data diperbarui: {sources}", "en": "Data updated: {sources}"},
    "updated.help": {
        "id": "Kapan data tiap sumber terakhir berubah (impor, pembatalan impor, atau data demo), waktu kota.",
        "en": "When each source's data last changed (an import, an undone import or the demo data), city time.",
    },
    "updated.source.survey": {"id": "SKM", "en": "SKM"},
    "updated.source.complaint": {"id": "Pengaduan", "en": "Complaints"},
    "updated.source.service": {"id": "Layanan", "en": "Services"},
    "updated.source.training": {"id": "Pelatihan", "en": "Training"},
    "updated.source.performance": {"id": "Kinerja (SKP)", "en": "Performance (SKP)"},
    "updated.source.employee": {"id": "Pegawai", "en": "Staff"},
    "search.label": {"id": "Cari dalam isi pengaduan", "en": "Search the complaint texts"},
    "search.placeholder": {"id": "mis. antrian, pungli, KTP", "en": "e.g. queue, illegal fee, KTP"},
    "search.help": {
        "id": "Mencari di unit dan periode yang dipilih di samping, tanpa membedakan huruf besar-kecil. "
        "Nomor telepon, NIK dan e-mail disamarkan dan tidak dapat dicari.",
        "en": "Searches the unit and period chosen in the sidebar, ignoring case. "
        "Phone numbers, NIK and e-mail addresses are masked and cannot be searched for.",
    },
    "search.none": {
        "id": "Tidak ada pengaduan berisi “{words}” di unit dan periode ini.",
        "en": "No complaint contains “{words}” in this unit and period.",
    },
    "search.found": {
        "id": "{n} pengaduan ditemukan, terbaru dahulu.",
        "en": "{n} complaints found, newest first.",
    },
    "search.found_limit": {
        "id": "{n} pengaduan terbaru yang cocok ditampilkan (paling banyak {limit}); persempit pencarian atau periode.",
        "en": "The {n} newest matching complaints are shown (at most {limit}); narrow the search or the period.",
    },
    "charts.priority.flagged": {"id": "Perlu perhatian", "en": "Needs attention"},
    "charts.priority.above": {
        "id": "Skor ≥ {threshold}, alasan belum jelas",
        "en": "Score ≥ {threshold}, reasons not clear",
    },
    "charts.priority.below": {"id": "Skor < {threshold}", "en": "Score < {threshold}"},
    "charts.priority.threshold": {"id": "batas {threshold}", "en": "threshold {threshold}"},
    "search.title": {"id": "Cari pengaduan", "en": "Search complaints"},
}
