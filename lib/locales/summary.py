"""Messages of the leadership summary (Ringkasan) and its PDF."""

MESSAGES = {
    "summary.title": {"id": "Ringkasan", "en": "Summary"},
    "summary.caption": {
        "id": "Kondisi {scope} pada {start} – {end}, dibandingkan dengan {prev_start} – {prev_end}.",
        "en": "How {scope} stands on {start} – {end}, compared with {prev_start} – {prev_end}.",
    },
    "summary.headline.ikm": {"id": "IKM", "en": "IKM"},
    "summary.headline.complaints": {"id": "Pengaduan masuk", "en": "Complaints received"},
    "summary.headline.within_standard": {
        "id": "Pengaduan selesai ≤ 5 hari kerja",
        "en": "Complaints answered ≤ 5 working days",
    },
    "summary.headline.jp": {"id": "ASN mencapai 20 JP", "en": "Staff reaching 20 JP"},
    "summary.headline.learning": {"id": "Kenaikan nilai post-test", "en": "Post-test gain"},
    "summary.headline.flagged": {"id": "Unit perlu perhatian", "en": "Units needing attention"},
    "summary.headline.n.ikm": {"id": "{n} responden · bobot 0,111", "en": "{n} respondents · weight 0.111"},
    "summary.headline.n.complaints": {
        "id": "dibanding periode sebelumnya",
        "en": "against the previous period",
    },
    "summary.headline.n.within_standard": {
        "id": "dari {n} pengaduan yang dinilai",
        "en": "of {n} complaints judged",
    },
    "summary.headline.n.jp": {"id": "dari {n} ASN, tahun berjalan", "en": "of {n} staff, this year"},
    "summary.headline.n.learning": {
        "id": "poin (0–100), {n} peserta berpasangan",
        "en": "points (0–100), {n} paired participants",
    },
    "summary.headline.n.flagged": {
        "id": "dari {n} unit dinilai (skor ≥ {threshold} dengan alasan yang jelas)",
        "en": "of {n} units scored (score ≥ {threshold} with clear reasons)",
    },
    "summary.findings": {"id": "Temuan utama", "en": "Key findings"},
    "summary.finding.only_unit": {
        "id": "IKM {unit}: {ikm} (mutu {mutu}, {n} responden); unsur terlemahnya {unsur}.",
        "en": "IKM of {unit}: {ikm} (grade {mutu}, {n} respondents); its weakest elements are {unsur}.",
    },
    "summary.finding.weakest_unit": {
        "id": "IKM terendah ada di {unit}: {ikm} (mutu {mutu}, {n} responden); unsur terlemahnya {unsur}.",
        "en": "The lowest IKM is at {unit}: {ikm} (grade {mutu}, {n} respondents); its weakest elements are {unsur}.",
    },
    "summary.finding.more_spikes": {
        "id": "(dan {n} lonjakan lain, lihat halaman Pengaduan)",
        "en": "(other rises: {n}; see the Complaints page)",
    },
    "summary.finding.priority": {
        "id": "{n} unit perlu perhatian pelatihan; paling mendesak {unit} ({reasons}).",
        "en": "{n} units need training attention; the most urgent is {unit} ({reasons}).",
    },
    "summary.finding.learning": {
        "id": "Peserta pelatihan naik rata-rata {gain} poin dari pre-test ke post-test ({n} peserta; "
        "IK 95% {low}–{high}). Ini mengukur pembelajaran, belum tentu perubahan layanan.",
        "en": "Participants gained {gain} points on average from pre-test to post-test ({n} participants; "
        "95% CI {low}–{high}). This measures learning, not necessarily better service.",
    },
    "summary.finding.jp": {
        "id": "{share} dari {n} ASN sudah mencapai 20 JP pengembangan kompetensi tahun ini.",
        "en": "{share} of {n} staff have reached 20 JP of competency development this year.",
    },
    "summary.chart.title": {
        "id": "Unit dengan skor prioritas pelatihan tertinggi",
        "en": "Units with the highest training-priority score",
    },
    "summary.pdf": {"id": "Unduh ringkasan (PDF, 1 halaman)", "en": "Download summary (PDF, 1 page)"},
    "summary.pdf.title": {"id": "Ringkasan Telaah", "en": "Telaah summary"},
    "summary.pdf.period": {"id": "Periode {start} – {end}", "en": "Period {start} – {end}"},
    "summary.pdf.generated": {"id": "Dibuat {date} oleh Telaah", "en": "Generated {date} by Telaah"},
    "summary.pdf.top_units": {"id": "Unit prioritas", "en": "Priority units"},
    "summary.change.up": {"id": "naik", "en": "up"},
    "summary.empty": {"id": "Tidak ada data pada periode ini.", "en": "No data in this period."},
    "summary.finding.more_spikes.print": {"id": "(dan {n} lonjakan lain)", "en": "(other rises: {n})"},
}
