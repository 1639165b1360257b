"""Messages of the IKM (Kepuasan Masyarakat) page, CLI and SKM reports."""

MESSAGES = {
    # unsur names as PermenPANRB 14/2017 prints them
    "ikm.unsur.persyaratan": {"id": "Persyaratan", "en": "Requirements"},
    "ikm.unsur.prosedur": {
        "id": "Sistem, Mekanisme dan Prosedur",
        "en": "Systems, mechanisms and procedures",
    },
    "ikm.unsur.waktu": {"id": "Waktu Penyelesaian", "en": "Completion time"},
    "ikm.unsur.biaya": {"id": "Biaya/Tarif", "en": "Cost/fees"},
    "ikm.unsur.produk": {"id": "Produk Spesifikasi Jenis Pelayanan", "en": "Service product specification"},
    "ikm.unsur.kompetensi": {"id": "Kompetensi Pelaksana", "en": "Staff competence"},
    "ikm.unsur.perilaku": {"id": "Perilaku Pelaksana", "en": "Staff behaviour"},
    "ikm.unsur.pengaduan": {
        "id": "Penanganan Pengaduan, Saran dan Masukan",
        "en": "Handling of complaints, suggestions and feedback",
    },
    "ikm.unsur.sarana": {"id": "Sarana dan Prasarana", "en": "Facilities and infrastructure"},
    "ikm.unsur_short.persyaratan": {"id": "Persyaratan", "en": "Requirements"},
    "ikm.unsur_short.prosedur": {"id": "Prosedur", "en": "Procedure"},
    "ikm.unsur_short.waktu": {"id": "Waktu", "en": "Time"},
    "ikm.unsur_short.biaya": {"id": "Biaya", "en": "Cost"},
    "ikm.unsur_short.produk": {"id": "Produk", "en": "Product"},
    "ikm.unsur_short.kompetensi": {"id": "Kompetensi", "en": "Competence"},
    "ikm.unsur_short.perilaku": {"id": "Perilaku", "en": "Behaviour"},
    "ikm.unsur_short.pengaduan": {"id": "Pengaduan", "en": "Complaints"},
    "ikm.unsur_short.sarana": {"id": "Sarana", "en": "Facilities"},
    # grades
    "ikm.grade.A": {"id": "A (Sangat Baik)", "en": "A (Very good)"},
    "ikm.grade.B": {"id": "B (Baik)", "en": "B (Good)"},
    "ikm.grade.C": {"id": "C (Kurang Baik)", "en": "C (Poor)"},
    "ikm.grade.D": {"id": "D (Tidak Baik)", "en": "D (Very poor)"},
    # training themes
    "ikm.theme.service_standard": {
        "id": "Pelatihan standar pelayanan dan administrasi",
        "en": "Service-standard and administration training",
    },
    "ikm.theme.process_digital": {
        "id": "Perbaikan proses dan keterampilan layanan digital",
        "en": "Process improvement and digital-service skills",
    },
    "ikm.theme.integrity": {
        "id": "Pelatihan integritas (antipungli)",
        "en": "Integrity training (anti-extortion)",
    },
    "ikm.theme.technical": {
        "id": "Pelatihan teknis untuk layanan tersebut",
        "en": "Technical training for that service",
    },
    "ikm.theme.ethics_communication": {
        "id": "Etika pelayanan dan komunikasi",
        "en": "Service ethics and communication",
    },
    "ikm.theme.complaint_management": {
        "id": "Pelatihan pengelolaan pengaduan",
        "en": "Complaint-management training",
    },
    "ikm.theme.facilities": {
        "id": "Perbaikan sarana (anggaran/pemeliharaan, bukan pelatihan)",
        "en": "Facilities (budget/maintenance rather than training)",
    },
    # weights
    "ikm.weight.0.111": {"id": "bobot 0,111", "en": "weight 0.111"},
    "ikm.weight.1/9": {"id": "bobot 1/9", "en": "weight 1/9"},
    "ikm.weight.label": {"id": "Bobot unsur", "en": "Element weight"},
    "ikm.weight.help": {
        "id": "0,111 seperti dicetak PermenPANRB 14/2017 dan dipakai laporan resmi (nilai sempurna 99,90); "
        "1/9 adalah bobot tepat (nilai sempurna 100,00).",
        "en": "0.111 as PermenPANRB 14/2017 prints it and official reports use (a perfect score gives 99.90); "
        "1/9 is the exact weight (a perfect score gives 100.00).",
    },
    "ikm.weight.option.0.111": {"id": "0,111 (resmi)", "en": "0.111 (official)"},
    "ikm.weight.option.exact": {"id": "1/9 (tepat)", "en": "1/9 (exact)"},
    # sample size
    "ikm.sample.short": {
        "id": "{n} responden, kurang dari {needed}",
        "en": "{n} respondents, fewer than {needed}",
    },
    "ikm.sample.ok": {
        "id": "{n} responden, cukup (minimal {needed})",
        "en": "{n} respondents, enough (minimum {needed})",
    },
    "ikm.sample.unknown": {"id": "{n} responden", "en": "{n} respondents"},
    "ikm.sample.short_unit": {
        "id": "Baru {n} responden, kurang dari {needed} yang dibutuhkan: angka IKM ini sudah bisa dibaca, "
        "tetapi belum cukup pasti.",
        "en": "Only {n} respondents, fewer than the {needed} needed: this IKM can be read, but is not yet "
        "certain enough.",
    },
    "ikm.sample.note": {
        "id": "Jumlah responden minimal (rumus Krejcie–Morgan, lihat halaman Metode) dihitung dari "
        "jumlah orang yang dilayani unit per tahun, disesuaikan dengan lama periode. "
        "Tanda ⚠ berarti responden masih kurang: angkanya sudah bisa dibaca, tetapi belum cukup pasti.",
        "en": "The minimum number of respondents (Krejcie–Morgan formula, see the Methods page) comes from "
        "the people the unit serves per year, pro-rated to the length of the period. "
        "⚠ means too few respondents yet: the figure can be read, but is not yet certain enough.",
    },
    # page
    "ikm.page.title": {"id": "Kepuasan Masyarakat", "en": "Public satisfaction"},
    "ikm.page.caption": {
        "id": "Indeks Kepuasan Masyarakat (IKM) dihitung sesuai PermenPANRB 14/2017 dari {n} responden, "
        "{start} – {end}.",
        "en": "Public Satisfaction Index (IKM) computed per PermenPANRB 14/2017 from {n} respondents, "
        "{start} – {end}.",
    },
    "ikm.page.empty": {
        "id": "Belum ada respons SKM pada periode dan cakupan ini.",
        "en": "No SKM responses in this period and scope.",
    },
    "ikm.metric.ikm": {"id": "IKM {scope}", "en": "IKM {scope}"},
    "ikm.metric.grade": {"id": "Mutu pelayanan", "en": "Service grade"},
    "ikm.metric.respondents": {"id": "Responden", "en": "Respondents"},
    "ikm.metric.units": {"id": "Unit dinilai", "en": "Units rated"},
    "ikm.metric.delta_help": {
        "id": "Dibanding {start} – {end} (IKM {prev}, {n} responden).",
        "en": "Compared with {start} – {end} (IKM {prev}, {n} respondents).",
    },
    "ikm.metric.unit_delta_help": {
        "id": "Perubahan dibanding {start} – {end}.",
        "en": "Change compared with {start} – {end}.",
    },
    "ikm.metric.no_previous": {
        "id": "Tidak ada data pada periode sebelumnya ({start} – {end}).",
        "en": "No data in the previous period ({start} – {end}).",
    },
    "ikm.sentence": {
        "id": "IKM {scope} {ikm}, mutu {grade}, dari {n} responden; {change}",
        "en": "{scope}'s IKM is {ikm}, grade {grade}, from {n} respondents; {change}",
    },
    "ikm.sentence.up": {
        "id": "naik {delta} poin dari periode sebelumnya.",
        "en": "up {delta} points on the previous period.",
    },
    "ikm.sentence.down": {
        "id": "turun {delta} poin dari periode sebelumnya.",
        "en": "down {delta} points on the previous period.",
    },
    "ikm.sentence.same": {"id": "sama dengan periode sebelumnya.", "en": "the same as the previous period."},
    "ikm.sentence.no_previous": {
        "id": "tidak ada data periode sebelumnya untuk dibandingkan.",
        "en": "no data in the previous period to compare with.",
    },
    "ikm.sentence.caveat": {
        "id": "Perubahan kecil (di bawah ±1 poin) pada sampel kecil bisa karena kebetulan.",
        "en": "Small changes (under ±1 point) on small samples may be chance.",
    },
    "ikm.scope.city": {"id": "Kota Medan", "en": "Medan City"},
    "ikm.section.ranking": {"id": "Peringkat unit", "en": "Units ranked"},
    "ikm.section.heatmap": {"id": "Nilai per unsur (NRR) tiap unit", "en": "Element scores (NRR) per unit"},
    "ikm.section.unit": {"id": "Rincian unit dan laporan SKM", "en": "One unit and its SKM report"},
    "ikm.heatmap.caption": {
        "id": "Warna mengikuti batas mutu: merah = D (di bawah 2,60), oranye = C, kuning = B, hijau = A "
        "(3,5324 ke atas). Sel merah dan oranye adalah unsur yang menurunkan nilai unit.",
        "en": "Colours follow the grade bands: red = D (below 2.60), orange = C, yellow = B, green = A "
        "(3.5324 and up). Red and orange cells are the elements dragging a unit down.",
    },
    "ikm.heatmap.more": {
        "id": "Menampilkan {shown} unit terlemah dari {total}.",
        "en": "Showing the {shown} weakest of {total} units.",
    },
    "ikm.heatmap.show_more": {"id": "Tampilkan {n} unit terlemah", "en": "Show the {n} weakest units"},
    "ikm.section.trend": {"id": "Tren IKM", "en": "IKM trend"},
    "ikm.section.profile": {"id": "Profil responden", "en": "Respondent profile"},
    "ikm.section.saran": {"id": "Saran masyarakat", "en": "Suggestions from the public"},
    "ikm.section.weakest": {"id": "Tiga unsur terlemah", "en": "The three weakest elements"},
    "ikm.section.report": {"id": "Laporan resmi SKM", "en": "Official SKM report"},
    "ikm.section.groups": {"id": "IKM per kelompok responden", "en": "IKM by respondent group"},
    "ikm.period.label": {"id": "Periode tren", "en": "Trend period"},
    "ikm.period.month": {"id": "Bulan", "en": "Month"},
    "ikm.period.quarter": {"id": "Triwulan", "en": "Quarter"},
    "ikm.period.semester": {"id": "Semester", "en": "Half-year"},
    "ikm.period.year": {"id": "Tahun", "en": "Year"},
    "ikm.rollup.label": {
        "id": "Gabungkan sub-unit ke unit induk",
        "en": "Roll sub-units up into their parent",
    },
    "ikm.rollup.help": {
        "id": "Kecamatan dihitung bersama kelurahannya (setiap responden berbobot sama).",
        "en": "A kecamatan is computed together with its kelurahan (every respondent weighs the same).",
    },
    "ikm.unit.select": {"id": "Unit untuk rincian", "en": "Unit for detail"},
    "ikm.col.unit": {"id": "Unit", "en": "Unit"},
    "ikm.col.code": {"id": "Kode", "en": "Code"},
    "ikm.col.ikm": {"id": "IKM", "en": "IKM"},
    "ikm.col.grade": {"id": "Mutu", "en": "Grade"},
    "ikm.col.respondents": {"id": "Responden", "en": "Respondents"},
    "ikm.col.change": {"id": "Perubahan", "en": "Change"},
    "ikm.col.sample": {"id": "Sampel", "en": "Sample"},
    "ikm.col.nrr": {"id": "NRR", "en": "NRR"},
    "ikm.col.element": {"id": "Unsur", "en": "Element"},
    "ikm.col.period": {"id": "Periode", "en": "Period"},
    "ikm.col.date": {"id": "Tanggal", "en": "Date"},
    "ikm.col.service": {"id": "Jenis layanan", "en": "Service"},
    "ikm.col.suggestion": {"id": "Saran", "en": "Suggestion"},
    "ikm.col.group": {"id": "Kelompok", "en": "Group"},
    "ikm.col.share": {"id": "Porsi", "en": "Share"},
    "ikm.col.theme": {"id": "Tema pelatihan", "en": "Training theme"},
    "ikm.col.points_lost": {"id": "Poin hilang", "en": "Points lost"},
    "ikm.axis.ikm": {"id": "IKM (25–100)", "en": "IKM (25–100)"},
    "ikm.axis.nrr": {"id": "NRR (1–4)", "en": "NRR (1–4)"},
    "ikm.axis.period": {"id": "Periode", "en": "Period"},
    "ikm.axis.respondents": {"id": "Responden", "en": "Respondents"},
    "ikm.ranking.caption": {
        "id": "Batang diwarnai menurut mutu; ⚠ = sampel di bawah minimum Krejcie–Morgan.",
        "en": "Bars coloured by grade; ⚠ = sample below the Krejcie–Morgan minimum.",
    },
    "ikm.ranking.more": {
        "id": "Grafik menampilkan {shown} unit terlemah dan terkuat dari {total}; tabel memuat semuanya.",
        "en": "The chart shows the {shown} weakest and strongest of {total} units; the table lists all.",
    },
    "ikm.trend.caption": {
        "id": "Pita latar: A (≥ 88,31), B (≥ 76,61), C (≥ 65,00), D. Titik dengan sedikit responden kurang pasti.",
        "en": "Background bands: A (≥ 88.31), B (≥ 76.61), C (≥ 65.00), D. Points with few respondents are less certain.",
    },
    "ikm.weakest.caption": {
        "id": "Unsur dengan NRR terendah untuk {unit}: di sinilah nilai paling banyak hilang.",
        "en": "Elements with the lowest NRR for {unit}: this is where the score loses most.",
    },
    "ikm.weakest.item": {
        "id": "{unsur}: nilai {nrr} dari 4 (mutu {grade}), {points} poin IKM hilang → {theme}",
        "en": "{unsur}: {nrr} out of 4 (grade {grade}), {points} IKM points lost → {theme}",
    },
    "ikm.saran.search": {"id": "Cari saran (kata kunci)", "en": "Search suggestions (keyword)"},
    "ikm.saran.count": {
        "id": "{unit}: {n} saran cocok; menampilkan {shown} terbaru.",
        "en": "{unit}: {n} matching suggestions; showing the {shown} newest.",
    },
    "ikm.saran.none": {"id": "{unit}: tidak ada saran yang cocok.", "en": "{unit}: no matching suggestions."},
    "ikm.profile.by": {"id": "Kelompok responden", "en": "Respondent group"},
    "ikm.profile.gender": {"id": "Jenis kelamin", "en": "Gender"},
    "ikm.profile.age_band": {"id": "Usia", "en": "Age"},
    "ikm.profile.education": {"id": "Pendidikan", "en": "Education"},
    "ikm.profile.occupation": {"id": "Pekerjaan", "en": "Occupation"},
    "ikm.profile.service_type": {"id": "Jenis layanan", "en": "Service type"},
    "ikm.profile.whole_scope": {
        "id": "Tampilkan profil seluruh {scope} (lebih lambat pada data besar)",
        "en": "Show the profile of all of {scope} (slower on large data)",
    },
    "ikm.profile.of_unit": {
        "id": "Profil responden {unit} dan IKM tiap kelompok.",
        "en": "Respondent profile of {unit} and the IKM of each group.",
    },
    "ikm.profile.blank": {"id": "(tidak diisi)", "en": "(blank)"},
    "ikm.profile.L": {"id": "Laki-laki", "en": "Male"},
    "ikm.profile.P": {"id": "Perempuan", "en": "Female"},
    "ikm.report.unit": {"id": "Unit untuk laporan", "en": "Unit for the report"},
    "ikm.report.excel": {"id": "Unduh Excel", "en": "Download Excel"},
    "ikm.report.pdf": {"id": "Unduh PDF", "en": "Download PDF"},
    "ikm.report.build": {"id": "Siapkan laporan", "en": "Prepare the report"},
    "ikm.report.caption": {
        "id": "Laporan SKM {unit}, {start} – {end}, dengan profil responden, nilai per unsur, IKM dan mutu.",
        "en": "SKM report of {unit}, {start} – {end}, with respondent profile, element scores, IKM and grade.",
    },
    "ikm.report.city": {"id": "Seluruh cakupan", "en": "Whole scope"},
    # report texts (always Indonesian in the official form; English when asked)
    "ikm.rpt.title": {"id": "LAPORAN SURVEI KEPUASAN MASYARAKAT", "en": "PUBLIC SATISFACTION SURVEY REPORT"},
    "ikm.rpt.basis": {
        "id": "Berdasarkan Peraturan Menteri PANRB Nomor 14 Tahun 2017",
        "en": "Pursuant to Minister of PANRB Regulation No. 14 of 2017",
    },
    "ikm.rpt.unit": {"id": "Unit pelayanan", "en": "Service unit"},
    "ikm.rpt.period": {"id": "Periode survei", "en": "Survey period"},
    "ikm.rpt.respondents": {"id": "Jumlah responden", "en": "Respondents"},
    "ikm.rpt.sample": {"id": "Sampel minimal (Krejcie–Morgan)", "en": "Minimum sample (Krejcie–Morgan)"},
    "ikm.rpt.sample_short": {
        "id": "Peringatan: jumlah responden di bawah sampel minimal.",
        "en": "Warning: respondents below the minimum sample.",
    },
    "ikm.rpt.profile": {"id": "I. PROFIL RESPONDEN", "en": "I. RESPONDENT PROFILE"},
    "ikm.rpt.results": {"id": "II. NILAI PER UNSUR PELAYANAN", "en": "II. SCORES PER SERVICE ELEMENT"},
    "ikm.rpt.index": {"id": "III. INDEKS KEPUASAN MASYARAKAT", "en": "III. PUBLIC SATISFACTION INDEX"},
    "ikm.rpt.chart": {"id": "IV. GRAFIK NRR PER UNSUR", "en": "IV. NRR PER ELEMENT"},
    "ikm.rpt.col.no": {"id": "No", "en": "No"},
    "ikm.rpt.col.unsur": {"id": "Unsur pelayanan", "en": "Service element"},
    "ikm.rpt.col.total": {"id": "Jumlah nilai", "en": "Total score"},
    "ikm.rpt.col.count": {"id": "Jumlah responden menjawab", "en": "Respondents answering"},
    "ikm.rpt.col.nrr": {"id": "NRR", "en": "NRR"},
    "ikm.rpt.col.weighted": {"id": "NRR tertimbang", "en": "Weighted NRR"},
    "ikm.rpt.col.grade": {"id": "Mutu", "en": "Grade"},
    "ikm.rpt.col.category": {"id": "Karakteristik", "en": "Characteristic"},
    "ikm.rpt.col.value": {"id": "Kategori", "en": "Category"},
    "ikm.rpt.col.n": {"id": "Jumlah", "en": "Count"},
    "ikm.rpt.col.pct": {"id": "Persentase", "en": "Percentage"},
    "ikm.rpt.sum_weighted": {"id": "Jumlah NRR tertimbang (IKM 1–4)", "en": "Sum of weighted NRR (IKM 1–4)"},
    "ikm.rpt.ikm": {"id": "IKM unit pelayanan (× 25)", "en": "Service unit IKM (× 25)"},
    "ikm.rpt.grade": {"id": "Mutu pelayanan", "en": "Service grade"},
    "ikm.rpt.weight": {"id": "Bobot per unsur", "en": "Weight per element"},
    "ikm.rpt.weakest": {"id": "Unsur terlemah", "en": "Weakest elements"},
    "ikm.rpt.known": {"id": "Mengetahui,", "en": "Acknowledged,"},
    "ikm.rpt.head": {"id": "Kepala {unit}", "en": "Head of {unit}"},
    "ikm.rpt.place_date": {"id": "Medan, {date}", "en": "Medan, {date}"},
    "ikm.rpt.nip": {
        "id": "NIP. ................................",
        "en": "NIP. ................................",
    },
    "ikm.rpt.name_line": {
        "id": "(................................)",
        "en": "(................................)",
    },
    "ikm.rpt.generated": {
        "id": "Dihasilkan oleh Telaah pada {date} dari {n} respons tersimpan.",
        "en": "Generated by Telaah on {date} from {n} stored responses.",
    },
    "ikm.rpt.grade_bands": {
        "id": "Mutu: A Sangat Baik (88,31–100), B Baik (76,61–88,30), C Kurang Baik (65,00–76,60), "
        "D Tidak Baik (25,00–64,99).",
        "en": "Grade: A Very good (88.31–100), B Good (76.61–88.30), C Poor (65.00–76.60), "
        "D Very poor (25.00–64.99).",
    },
    "ikm.rpt.sheet.report": {"id": "Laporan", "en": "Report"},
    "ikm.rpt.sheet.profile": {"id": "Profil Responden", "en": "Respondent profile"},
    "ikm.rpt.sheet.nrr": {"id": "NRR per Unsur", "en": "NRR per element"},
    "ikm.rpt.no_data": {
        "id": "Tidak ada respons SKM untuk {unit} pada periode ini.",
        "en": "No SKM responses for {unit} in this period.",
    },
    # CLI
    "ikm.cli.help": {
        "id": "Hitung IKM per unit (PermenPANRB 14/2017)",
        "en": "Compute the IKM per unit (PermenPANRB 14/2017)",
    },
    "ikm.cli.unknown_unit": {"id": "Unit {code} tidak ditemukan.", "en": "Unit {code} not found."},
    "ikm.cli.bad_range": {
        "id": "Tanggal awal {start} setelah tanggal akhir {end}.",
        "en": "Start date {start} is after end date {end}.",
    },
    "ikm.cli.no_data": {
        "id": "Tidak ada respons SKM pada pilihan ini.",
        "en": "No SKM responses for this selection.",
    },
}
