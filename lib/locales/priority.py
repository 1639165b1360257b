"""Messages of the training-priorities page, its CLI and export."""

MESSAGES = {
    "priority.title": {"id": "Prioritas Pelatihan", "en": "Training priorities"},
    "priority.caption": {
        "id": "Unit yang paling membutuhkan pelatihan, dengan alasannya. Skor 0–100 adalah rata-rata berbobot "
        "dari posisi unit (persentil) pada setiap bukti: 100 berarti terburuk di semua bukti.",
        "en": "Units that need training most, and why. The 0–100 score is the weighted mean of the unit's "
        "position (percentile) on each piece of evidence: 100 means worst on all of them.",
    },
    "priority.weights": {"id": "Bobot skor (dapat diubah)", "en": "Score weights (adjustable)"},
    "priority.weights.reset": {"id": "Kembalikan bobot awal", "en": "Reset weights"},
    "priority.component.ikm_low": {"id": "IKM rendah", "en": "Low IKM"},
    "priority.component.ikm_decline": {"id": "IKM menurun", "en": "IKM falling"},
    "priority.component.complaint_rate": {"id": "Tingkat pengaduan", "en": "Complaint rate"},
    "priority.component.complaint_rise": {"id": "Pengaduan meningkat", "en": "Complaints rising"},
    "priority.component.late_service": {"id": "Layanan tidak tepat waktu", "en": "Late service"},
    "priority.component.low_performance": {"id": "Kinerja (SKP) rendah", "en": "Low performance (SKP)"},
    "priority.component.jp_gap": {"id": "ASN belum 20 JP", "en": "Staff below 20 JP"},
    "priority.reason.ikm_low": {"id": "IKM {ikm} ({mutu})", "en": "IKM {ikm} ({mutu})"},
    "priority.reason.ikm_decline": {"id": "IKM turun {change} poin", "en": "IKM down {change} points"},
    "priority.reason.complaint_rate": {
        "id": "{rate} pengaduan per 1.000 layanan",
        "en": "{rate} complaints per 1,000 services",
    },
    "priority.reason.complaint_rise": {
        "id": "pengaduan {now} (sebelumnya {before})",
        "en": "{now} complaints (previously {before})",
    },
    "priority.reason.late_service": {"id": "tepat waktu {pct}", "en": "on time {pct}"},
    "priority.reason.low_performance": {
        "id": "{share} ASN dengan SKP di bawah Baik",
        "en": "{share} of staff rated below Baik",
    },
    "priority.reason.jp_gap": {
        "id": "hanya {share} ASN mencapai 20 JP",
        "en": "only {share} of staff reach 20 JP",
    },
    "priority.model_reason.ikm": {"id": "IKM saat ini", "en": "current IKM"},
    "priority.model_reason.ikm_delta": {"id": "IKM baru turun", "en": "IKM just fell"},
    "priority.model_reason.complaints_log": {"id": "banyak pengaduan", "en": "many complaints"},
    "priority.model_reason.complaints_delta": {"id": "pengaduan baru naik", "en": "complaints just rose"},
    "priority.model_reason.pct_on_time": {"id": "ketepatan waktu layanan", "en": "on-time share"},
    "priority.model_reason.mean_days_ratio": {
        "id": "waktu layanan memanjang",
        "en": "service getting slower",
    },
    "priority.model_reason.skp_mean": {"id": "nilai SKP", "en": "SKP score"},
    "priority.theme.jp": {
        "id": "Pemenuhan 20 JP pengembangan kompetensi bagi ASN yang belum mencapainya",
        "en": "20 JP of competency development for staff who have not reached it",
    },
    "priority.col.rank": {"id": "Peringkat", "en": "Rank"},
    "priority.col.unit": {"id": "Unit", "en": "Unit"},
    "priority.col.kind": {"id": "Jenis", "en": "Kind"},
    "priority.col.score": {"id": "Skor", "en": "Score"},
    "priority.col.flagged": {"id": "Perlu perhatian", "en": "Needs attention"},
    "priority.col.reasons": {"id": "Alasan utama", "en": "Main reasons"},
    "priority.col.risk": {"id": "Risiko memburuk", "en": "Risk of decline"},
    "priority.col.ikm": {"id": "IKM", "en": "IKM"},
    "priority.col.rate": {"id": "Pengaduan/1.000", "en": "Complaints/1,000"},
    "priority.col.jp": {"id": "ASN ≥ 20 JP", "en": "Staff ≥ 20 JP"},
    "priority.col.themes": {"id": "Tema pelatihan yang disarankan", "en": "Recommended training themes"},
    "priority.col.coverage": {"id": "Kelengkapan bukti", "en": "Evidence coverage"},
    "priority.col.staff": {"id": "ASN prioritas", "en": "Priority staff"},
    "priority.flagged_count": {
        "id": "{n} dari {total} unit perlu perhatian (skor ≥ {threshold}).",
        "en": "{n} of {total} units need attention (score ≥ {threshold}).",
    },
    "priority.chart.title": {
        "id": "Unit dengan skor prioritas tertinggi",
        "en": "Units with the highest priority score",
    },
    "priority.profile": {"id": "Profil unit", "en": "Unit profile"},
    "priority.profile.pick": {"id": "Pilih unit", "en": "Choose a unit"},
    "priority.profile.reasons": {
        "id": "Mengapa unit ini diprioritaskan",
        "en": "Why this unit is a priority",
    },
    "priority.profile.no_reasons": {
        "id": "Tidak ada bukti yang menonjol buruk untuk unit ini.",
        "en": "No evidence stands out as poor for this unit.",
    },
    "priority.profile.recommend": {"id": "Pelatihan yang disarankan", "en": "Recommended training"},
    "priority.profile.no_recommend": {
        "id": "Bukti tidak menunjuk ke tema pelatihan tertentu.",
        "en": "The evidence does not point to a particular training theme.",
    },
    "priority.profile.source.unsur": {"id": "unsur SKM lemah: {name}", "en": "weak SKM element: {name}"},
    "priority.profile.source.complaints": {"id": "tema pengaduan: {name}", "en": "complaint theme: {name}"},
    "priority.profile.source.jp": {"id": "cakupan 20 JP rendah", "en": "low 20-JP coverage"},
    "priority.profile.history": {
        "id": "Pelatihan yang sudah diikuti ASN unit ini pada periode ini",
        "en": "Training this unit's staff already had in the period",
    },
    "priority.profile.history_caption": {
        "id": "Efek belajar (d_z, 95% CI) diukur pada semua peserta program se-kota; patokan d ≈ 0,6.",
        "en": "Learning effect (d_z, 95% CI) measured on all the programme's participants city-wide; yardstick d ≈ 0.6.",
    },
    "priority.profile.no_history": {
        "id": "Tidak ada ASN unit ini yang mengikuti pelatihan pada periode ini.",
        "en": "None of this unit's staff attended training in the period.",
    },
    "priority.history.program": {"id": "Program", "en": "Programme"},
    "priority.history.end": {"id": "Selesai", "en": "Ended"},
    "priority.history.participants": {"id": "Peserta dari unit", "en": "Participants from the unit"},
    "priority.history.effect": {"id": "Efek belajar d_z (95% CI)", "en": "Learning effect d_z (95% CI)"},
    "priority.history.verdict": {"id": "Kesimpulan", "en": "Verdict"},
    "priority.profile.staff": {"id": "ASN yang paling membutuhkan", "en": "Staff who need it most"},
    "priority.profile.staff_hidden": {
        "id": "{n} ASN di unit ini belum 20 JP atau SKP-nya di bawah Baik. Nama hanya tampil untuk peran yang berhak.",
        "en": "{n} staff in this unit are below 20 JP or rated below Baik. Names are shown only to roles allowed to see them.",
    },
    "priority.profile.no_staff": {
        "id": "Semua ASN unit ini memenuhi 20 JP.",
        "en": "All staff of this unit meet 20 JP.",
    },
    "priority.metric.ikm": {"id": "IKM", "en": "IKM"},
    "priority.metric.rate": {"id": "Pengaduan per 1.000 layanan", "en": "Complaints per 1,000 services"},
    "priority.metric.on_time": {"id": "Layanan tepat waktu", "en": "Services on time"},
    "priority.metric.jp": {"id": "ASN mencapai 20 JP", "en": "Staff reaching 20 JP"},
    "priority.metric.skp_low": {"id": "SKP di bawah Baik", "en": "Rated below Baik"},
    "priority.metric.untrained": {"id": "Tanpa pelatihan 12 bulan", "en": "No training in 12 months"},
    "priority.model.title": {
        "id": "Pendapat kedua: model risiko memburuk",
        "en": "Second opinion: risk-of-decline model",
    },
    "priority.model.caption": {
        "id": "Regresi logistik yang belajar dari triwulan-triwulan lalu apakah sebuah unit akan memburuk pada "
        "triwulan berikutnya (mutu IKM turun atau pengaduan naik ≥ 1,5×). Diuji pada triwulan terakhir yang "
        "tidak dipakai untuk melatih (validasi out-of-time).",
        "en": "A logistic regression that learns from past quarters whether a unit will get worse next quarter "
        "(IKM grade lost or complaints up ≥ 1.5×). Tested on the latest quarters, which it was not trained on "
        "(out-of-time validation).",
    },
    "priority.model.auc": {"id": "AUC pada data uji", "en": "AUC on test data"},
    "priority.model.balanced": {"id": "Akurasi seimbang", "en": "Balanced accuracy"},
    "priority.model.base_rate": {"id": "Unit yang memburuk (data uji)", "en": "Units that got worse (test)"},
    "priority.model.split": {
        "id": "Dilatih pada {train_from}–{train_to} ({n_train} unit-triwulan), diuji pada {test_from}–{test_to} "
        "({n_test} unit-triwulan).",
        "en": "Trained on {train_from}–{train_to} ({n_train} unit-quarters), tested on {test_from}–{test_to} "
        "({n_test} unit-quarters).",
    },
    "priority.model.unavailable.history": {
        "id": "Riwayat data belum cukup panjang (perlu minimal 6 triwulan berurutan) untuk model ini.",
        "en": "Not enough history (at least 6 consecutive quarters) for this model.",
    },
    "priority.model.unavailable.positives": {
        "id": "Terlalu sedikit unit yang memburuk di masa lalu untuk melatih model ini.",
        "en": "Too few units got worse in the past to train this model.",
    },
    "priority.model.weak": {
        "id": "Pada data uji model ini hampir tidak lebih baik dari tebakan (AUC < 0,6): gunakan skor transparan.",
        "en": "On test data this model is barely better than chance (AUC < 0.6): rely on the transparent score.",
    },
    "priority.export": {"id": "Unduh rencana pelatihan (Excel)", "en": "Download training plan (Excel)"},
    "priority.export.sheet.plan": {"id": "Rencana", "en": "Plan"},
    "priority.export.sheet.staff": {"id": "ASN prioritas", "en": "Priority staff"},
    "priority.export.sheet.method": {"id": "Metode", "en": "Method"},
    "priority.empty": {
        "id": "Tidak ada unit dengan data pada periode ini.",
        "en": "No unit has data in this period.",
    },
    "priority.jp.title": {"id": "Kepatuhan 20 JP", "en": "20-JP compliance"},
    "priority.jp.caption": {
        "id": "Setiap ASN wajib mendapat minimal 20 JP pengembangan kompetensi per tahun (PP 17/2020). Tahun {year}.",
        "en": "Every civil servant must get at least 20 JP of competency development a year (PP 17/2020). Year {year}.",
    },
}
