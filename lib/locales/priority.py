"""Messages of the training-priorities page, its CLI and export."""

MESSAGES = {
    "priority.title": {"id": "Prioritas Pelatihan", "en": "Training priorities"},
    "priority.caption": {
        "id": "Unit yang paling membutuhkan pelatihan, dengan alasannya. Setiap komponen mengukur jarak unit dari "
        "standarnya dalam satuan datanya sendiri (IKM terhadap batas mutu B PermenPANRB 14/2017, pengaduan per "
        "1.000 layanan terhadap rata-rata kota untuk jenis unit yang sama, pengaduan dijawab ≤ 5 hari kerja, SKP "
        "minimal Baik, 20 JP per ASN). Hanya bagian jarak yang melampaui ketidakpastiannya (95%) yang dihitung. "
        "Skor 0–100 adalah rata-rata berbobot kebutuhan itu, dihitung terhadap seluruh kota sehingga sama bagi "
        "setiap pengguna.",
        "en": "Units that need training most, and why. Each component measures the unit's distance from its "
        "standard in the data's own units (IKM against grade B of PermenPANRB 14/2017, complaints per 1,000 "
        "services against the city's rate for the same kind of unit, complaints answered within 5 working days, "
        "SKP at least Baik, 20 JP per civil servant). Only the part of a gap beyond its 95% uncertainty counts. "
        "The 0–100 score is the weighted mean of those needs, computed against the whole city, so it is the same "
        "for every user.",
    },
    "priority.weights": {"id": "Bobot skor (dapat diubah)", "en": "Score weights (adjustable)"},
    "priority.weights.reset": {"id": "Kembalikan bobot awal", "en": "Reset weights"},
    "priority.component.ikm_low": {"id": "IKM di bawah mutu B", "en": "IKM below grade B"},
    "priority.component.ikm_decline": {"id": "IKM menurun", "en": "IKM falling"},
    "priority.component.complaint_rate": {"id": "Tingkat pengaduan", "en": "Complaint rate"},
    "priority.component.complaint_rise": {"id": "Pengaduan meningkat", "en": "Complaints rising"},
    "priority.component.late_answer": {
        "id": "Pengaduan dijawab > 5 hari kerja",
        "en": "Complaints answered after 5 working days",
    },
    "priority.component.late_service": {"id": "Layanan tidak tepat waktu", "en": "Late service"},
    "priority.component.low_performance": {"id": "SKP di bawah Baik", "en": "SKP below Baik"},
    "priority.component.jp_gap": {"id": "ASN belum 20 JP", "en": "Staff below 20 JP"},
    "priority.reason.ikm_low": {
        "id": "IKM {ikm} ({mutu}), {gap} poin di bawah batas B ({b})",
        "en": "IKM {ikm} ({mutu}), {gap} points below the grade-B bound ({b})",
    },
    "priority.reason.ikm_low_d": {
        "id": "IKM {ikm} ({mutu}), {gap} poin di bawah batas B ({b}) dan {gap_c} poin di bawah batas C ({c})",
        "en": "IKM {ikm} ({mutu}), {gap} points below the grade-B bound ({b}) and {gap_c} below grade C ({c})",
    },
    "priority.reason.ikm_decline": {
        "id": "IKM turun {drop} poin ({before} → {now}), lebih besar dari ketidakpastiannya (±{noise})",
        "en": "IKM down {drop} points ({before} → {now}), more than its uncertainty (±{noise})",
    },
    "priority.reason.complaint_rate": {
        "id": "{rate} pengaduan per 1.000 layanan, {ratio}× rata-rata kota untuk {kind} ({reference})",
        "en": "{rate} complaints per 1,000 services, {ratio}× the city's rate for {kind} ({reference})",
    },
    "priority.reason.complaint_rise": {
        "id": "pengaduan per 1.000 layanan naik {ratio}× ({before} → {now} pengaduan)",
        "en": "complaints per 1,000 services up {ratio}× ({before} → {now} complaints)",
    },
    "priority.reason.complaint_rise_count": {
        "id": "pengaduan naik {ratio}× ({before} → {now} pengaduan; tanpa data layanan)",
        "en": "complaints up {ratio}× ({before} → {now}; no service data)",
    },
    "priority.reason.late_answer": {
        "id": "{share} pengaduan dijawab lebih dari 5 hari kerja ({late} dari {n}; standar: semua ≤ 5 hari kerja)",
        "en": "{share} of complaints answered after 5 working days ({late} of {n}; standard: all within 5)",
    },
    "priority.reason.late_service": {
        "id": "layanan tepat waktu {pct}, {gap} poin di bawah rata-rata kota untuk {kind} ({reference})",
        "en": "services on time {pct}, {gap} points below the city's share for {kind} ({reference})",
    },
    "priority.reason.low_performance": {
        "id": "{share} ASN dengan SKP di bawah Baik (standar: semua minimal Baik)",
        "en": "{share} of staff rated below Baik (standard: all at least Baik)",
    },
    "priority.reason.jp_gap": {
        "id": "{share} ASN belum mencapai 20 JP ({below} dari {n}; standar: semua ≥ 20 JP)",
        "en": "{share} of staff below 20 JP ({below} of {n}; standard: all ≥ 20 JP)",
    },
    "priority.kind.unit": {"id": "unit sejenis", "en": "similar units"},
    "priority.standard.ikm_low": {"id": "≥ {b} (mutu B)", "en": "≥ {b} (grade B)"},
    "priority.standard.ikm_decline": {"id": "tidak turun", "en": "no fall"},
    "priority.standard.complaint_rate": {
        "id": "rata-rata kota untuk jenis unit ini: {reference}",
        "en": "city rate for this kind of unit: {reference}",
    },
    "priority.standard.complaint_rise": {"id": "tidak naik (×1)", "en": "no rise (×1)"},
    "priority.standard.late_answer": {
        "id": "0% (semua ≤ 5 hari kerja)",
        "en": "0% (all within 5 working days)",
    },
    "priority.standard.late_service": {
        "id": "rata-rata kota untuk jenis unit ini: {reference}",
        "en": "city share for this kind of unit: {reference}",
    },
    "priority.standard.low_performance": {"id": "0% (semua minimal Baik)", "en": "0% (all at least Baik)"},
    "priority.standard.jp_gap": {"id": "0% (semua ≥ 20 JP)", "en": "0% (all ≥ 20 JP)"},
    "priority.status.ok": {"id": "cukup", "en": "enough"},
    "priority.status.thin": {"id": "terlalu sedikit data", "en": "too little data"},
    "priority.status.missing": {"id": "tidak ada data", "en": "no data"},
    "priority.family.survey": {"id": "survei", "en": "survey"},
    "priority.family.complaints": {"id": "pengaduan dan layanan", "en": "complaints and services"},
    "priority.family.answers": {"id": "jawaban pengaduan", "en": "complaint answers"},
    "priority.family.service": {"id": "ketepatan waktu layanan", "en": "service timeliness"},
    "priority.family.staff": {"id": "ASN", "en": "staff"},
    "priority.basis.children": {
        "id": "Dinilai dari gabungan sub-unitnya untuk: {families}.",
        "en": "Judged on the roll-up of its sub-units for: {families}.",
    },
    "priority.data_kurang": {
        "id": "Data kurang: {n} unit tidak diperingkat",
        "en": "Not enough data: {n} units not ranked",
    },
    "priority.data_kurang.show": {
        "id": "Data kurang: unit yang tidak diperingkat",
        "en": "Not enough data: units not ranked",
    },
    "priority.short_count": {
        "id": "Tidak diperingkat karena datanya kurang: {n} unit (daftarnya di bawah tabel).",
        "en": "Not ranked for lack of data: {n} units (listed below the table).",
    },
    "priority.data_kurang.caption": {
        "id": "Unit ini tidak diperingkat karena buktinya mencakup kurang dari {coverage} bobot skor atau tidak "
        "punya survei maupun data layanan. Yang kurang tertulis per unit.",
        "en": "These units are not ranked: their evidence covers less than {coverage} of the score's weight, or "
        "they have neither a survey nor service data. What is missing is listed per unit.",
    },
    "priority.col.missing": {"id": "Yang kurang", "en": "Missing"},
    "priority.col.status": {"id": "Status", "en": "Status"},
    "priority.col.component": {"id": "Komponen", "en": "Component"},
    "priority.col.value": {"id": "Nilai unit", "en": "Unit's value"},
    "priority.col.standard": {"id": "Standar", "en": "Standard"},
    "priority.col.ci": {"id": "IK 95%", "en": "95% CI"},
    "priority.col.need": {"id": "Kebutuhan (0–1)", "en": "Need (0–1)"},
    "priority.col.evidence": {"id": "Kecukupan data", "en": "Evidence"},
    "priority.col.is_reason": {"id": "Alasan", "en": "Reason"},
    "priority.col.city_rank": {"id": "Peringkat kota", "en": "City rank"},
    "priority.city.title": {"id": "Pembanding: seluruh kota", "en": "Reference: the whole city"},
    "priority.city.caption": {
        "id": "Skor dan peringkat dihitung terhadap seluruh kota ({total} unit berperingkat), sama bagi setiap "
        "pengguna. Rata-rata kota: pengaduan {rate} per 1.000 layanan, layanan tepat waktu {on_time}, pengaduan "
        "dijawab > 5 hari kerja {late}, ASN mencapai 20 JP {jp}.",
        "en": "Scores and ranks are computed against the whole city ({total} ranked units), the same for every "
        "user. City figures: {rate} complaints per 1,000 services, {on_time} of services on time, {late} of "
        "complaints answered after 5 working days, {jp} of staff at 20 JP.",
    },
    "priority.scope_flagged": {
        "id": "Di cakupan Anda: {n} dari {total} unit berperingkat perlu perhatian; {flagged_city} unit se-kota.",
        "en": "In your scope: {n} of {total} ranked units need attention; {flagged_city} city-wide.",
    },
    "priority.risk.low": {"id": "rendah", "en": "low"},
    "priority.risk.medium": {"id": "sedang", "en": "medium"},
    "priority.risk.high": {"id": "tinggi", "en": "high"},
    "priority.model.bands": {
        "id": "Pada data uji, dari unit berisiko rendah {low} memburuk, sedang {medium}, tinggi {high}.",
        "en": "On test data, {low} of low-risk units got worse, {medium} of medium-risk and {high} of high-risk.",
    },
    "priority.model.hidden": {
        "id": "Perkiraan risiko belum cukup tepat untuk dipakai per unit (nilai ujinya {auc}, batasnya {minimum}; "
        "lihat Rincian metode).",
        "en": "The risk estimate is not accurate enough to use per unit (test score {auc}, needed {minimum}; "
        "see Method details).",
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
    "priority.staff.nip": {"id": "NIP", "en": "NIP"},
    "priority.staff.name": {"id": "Nama", "en": "Name"},
    "priority.staff.position_type": {"id": "Jenis jabatan", "en": "Position type"},
    "priority.staff.jp": {"id": "JP tahun ini", "en": "JP this year"},
    "priority.staff.jp_short": {"id": "Kurang dari 20 JP", "en": "Short of 20 JP"},
    "priority.staff.last_training": {"id": "Pelatihan terakhir", "en": "Last training"},
    "priority.staff.skp_period": {"id": "Periode SKP", "en": "SKP period"},
    "priority.staff.skp_score": {"id": "Nilai SKP", "en": "SKP score"},
    "priority.staff.skp_rating": {"id": "Predikat SKP", "en": "SKP rating"},
    "priority.staff.low_skp": {"id": "SKP di bawah Baik", "en": "SKP below Baik"},
    "priority.staff.yes": {"id": "Ya", "en": "Yes"},
    "priority.table.show_all": {"id": "Tampilkan semua {n} unit", "en": "Show all {n} units"},
    "priority.table.shown": {
        "id": "Tabel menampilkan {shown} unit teratas dari {total}; semuanya ada di rencana pelatihan (Excel).",
        "en": "The table shows the top {shown} of {total} units; all of them are in the training plan (Excel).",
    },
    "priority.flagged_count": {
        "id": "{n} dari {total} unit perlu perhatian: skor ≥ {threshold} dan alasan (komponen yang jauh dari "
        "standar dan jelas secara statistik) mencakup minimal {share} bobot buktinya.",
        "en": "{n} of {total} units need attention: score ≥ {threshold} and reasons (components both far from "
        "their standard and statistically clear) carrying at least {share} of the weight of their evidence.",
    },
    "priority.chart.title": {
        "id": "Unit dengan skor prioritas tertinggi",
        "en": "Units with the highest priority score",
    },
    "priority.profile": {"id": "Profil unit", "en": "Unit profile"},
    "priority.tab.ranking": {"id": "Peringkat unit", "en": "Unit ranking"},
    "priority.profile.pick": {"id": "Pilih unit", "en": "Choose a unit"},
    "priority.profile.reasons": {
        "id": "Mengapa unit ini diprioritaskan",
        "en": "Why this unit is a priority",
    },
    "priority.profile.no_reasons": {
        "id": "Tidak ada komponen yang jauh dari standarnya dan jelas secara statistik.",
        "en": "No component is both far from its standard and statistically clear.",
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
        "id": "Besar efek belajar (IK 95%) diukur pada semua peserta program se-kota; sekitar 0,6 atau lebih "
        "tergolong efek yang baik (lihat halaman Metode).",
        "en": "Learning effect size (95% CI) measured on all the programme's participants city-wide; about 0.6 "
        "or more counts as a good effect (see the Methods page).",
    },
    "priority.profile.no_history": {
        "id": "Tidak ada ASN unit ini yang mengikuti pelatihan pada periode ini.",
        "en": "None of this unit's staff attended training in the period.",
    },
    "priority.history.program": {"id": "Program", "en": "Programme"},
    "priority.history.end": {"id": "Selesai", "en": "Ended"},
    "priority.history.participants": {"id": "Peserta dari unit", "en": "Participants from the unit"},
    "priority.history.effect": {"id": "Besar efek belajar (IK 95%)", "en": "Learning effect size (95% CI)"},
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
        "id": "Perkiraan unit mana yang mungkin memburuk triwulan depan (mutu IKM turun atau pengaduan naik "
        "1,5 kali lipat atau lebih), dipelajari dari triwulan-triwulan sebelumnya dan diuji pada triwulan "
        "terbaru yang tidak dipakai untuk belajar.",
        "en": "An estimate of which units may get worse next quarter (IKM grade lost or complaints up 1.5 times "
        "or more), learnt from past quarters and checked on the latest quarters it did not learn from.",
    },
    "priority.model.method": {
        "id": "Regresi logistik; validasi out-of-time (dilatih pada triwulan lama, diuji pada triwulan terbaru). "
        "AUC: peluang model menilai unit yang memburuk lebih berisiko daripada yang tidak (0,5 = menebak, "
        "1 = sempurna). Akurasi seimbang: rata-rata ketepatan pada unit yang memburuk dan yang tidak.",
        "en": "Logistic regression; out-of-time validation (trained on older quarters, tested on the latest). "
        "AUC: the chance the model rates a unit that got worse as riskier than one that did not (0.5 = "
        "guessing, 1 = perfect). Balanced accuracy: the mean hit rate on units that got worse and that did not.",
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
