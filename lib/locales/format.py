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
}
