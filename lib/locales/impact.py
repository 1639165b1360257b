"""Messages of training impact (Dampak Pelatihan): page, CLI and the per-level sentences."""

MESSAGES = {
    # page
    "impact.title": {"id": "Dampak Pelatihan", "en": "Training impact"},
    "impact.intro": {
        "id": (
            "Apakah pelatihan yang dibiayai kota membuat layanan lebih baik? Empat tingkat Kirkpatrick "
            "sebagai rantai bukti: reaksi peserta, hasil belajar, perubahan kinerja, dan dampak pada "
            "layanan unit. Setiap angka disertai rentang ketidakpastiannya (IK 95%) dan jumlah data."
        ),
        "en": (
            "Does the training the city pays for make services better? Kirkpatrick's four levels as a "
            "chain of evidence: participants' reaction, learning, behaviour at work and results for the "
            "units' services. Every figure comes with its uncertainty (95% CI) and how many people or units it rests on."
        ),
    },
    "impact.program": {"id": "Program pelatihan", "en": "Training programme"},
    "impact.program_all": {"id": "Semua program", "en": "All programmes"},
    "impact.program_option": {
        "id": "{name} ({runs} angkatan, {n} peserta)",
        "en": "{name} ({runs} runs, {n} participants)",
    },
    "impact.filters": {"id": "Saring program dan pengaturan", "en": "Filter programmes and settings"},
    "impact.filters_active": {"id": "Saringan aktif: {what}.", "en": "Filters in force: {what}."},
    "impact.method.reaction": {
        "id": "Rata-rata penilaian 1–5, IK dari distribusi t",
        "en": "Mean 1–5 rating, t-distribution CI",
    },
    "impact.method.learning.t": {"id": "Uji-t berpasangan; d_z = {dz}", "en": "Paired t-test; d_z = {dz}"},
    "impact.method.learning.wilcoxon": {
        "id": "Uji Wilcoxon (n < 30 atau tidak normal); d_z = {dz}",
        "en": "Wilcoxon test (n < 30 or non-normal); d_z = {dz}",
    },
    "impact.method.learning.none": {"id": "Tidak cukup pasangan untuk diuji", "en": "Too few pairs to test"},
    "impact.method.behaviour": {
        "id": "Selisih-dalam-selisih: 2 kuartal sebelum vs 2 sesudah, dibanding rekan yang tidak dilatih",
        "en": "Difference-in-differences: 2 quarters before vs 2 after, against untrained colleagues",
    },
    "impact.method.results": {
        "id": "Studi peristiwa Callaway–Sant'Anna, pembanding unit yang belum dilatih; unit dilatih bila ≥ {threshold} stafnya lulus",
        "en": "Callaway–Sant'Anna event study against units not yet trained; a unit is trained once ≥ {threshold} of its staff passed",
    },
    "impact.competency_filter": {"id": "Jenis kompetensi", "en": "Competency type"},
    "impact.method_filter": {"id": "Metode", "en": "Method"},
    "impact.provider_filter": {"id": "Penyelenggara", "en": "Provider"},
    "impact.any": {"id": "(semua)", "en": "(any)"},
    "impact.threshold": {
        "id": "Unit dianggap sudah dilatih saat porsi stafnya yang ikut mencapai",
        "en": "A unit counts as trained when the share of its staff trained reaches",
    },
    "impact.no_programs": {
        "id": "Tidak ada program pelatihan dengan peserta di cakupan dan periode ini.",
        "en": "No training programme with participants in this scope and period.",
    },
    "impact.period_note": {
        "id": (
            "Periode memilih program (menurut tanggal selesai). Kinerja dan layanan dibaca untuk semua "
            "kuartal yang ada, karena perbandingan sebelum–sesudah memerlukan kuartal di luar periode."
        ),
        "en": (
            "The period selects programmes (by end date). Performance and service data are read for every "
            "quarter available, since a before/after comparison needs quarters outside the period."
        ),
    },
    "impact.chain": {"id": "Rantai bukti", "en": "Chain of evidence"},
    "impact.level.reaction": {"id": "1 · Reaksi", "en": "1 · Reaction"},
    "impact.level.learning": {"id": "2 · Pembelajaran", "en": "2 · Learning"},
    "impact.level.behaviour": {"id": "3 · Perilaku kerja", "en": "3 · Behaviour"},
    "impact.level.results": {"id": "4 · Hasil layanan", "en": "4 · Results"},
    "impact.card.ci": {"id": "IK 95%: {low} sampai {high}", "en": "95% CI: {low} to {high}"},
    "impact.card.n": {"id": "n = {n}", "en": "n = {n}"},
    "impact.chart.people": {"id": "{what} ({n} peserta)", "en": "{what} ({n} participants)"},
    "impact.card.basis.reaction": {
        "id": "dari {n} penilaian peserta",
        "en": "from {n} participants' ratings",
    },
    "impact.card.basis.learning": {
        "id": "dari {n} peserta dengan kedua tes",
        "en": "from {n} participants with both tests",
    },
    "impact.card.basis.behaviour": {
        "id": "dari {n} ASN yang dilatih",
        "en": "from {n} trained civil servants",
    },
    "impact.card.basis.results": {"id": "dari {n} unit yang dilatih", "en": "from {n} trained units"},
    "impact.learning.plain.low": {
        "id": "Peserta menutup kurang dari sepertiga jarak menuju nilai sempurna (kenaikan {band}).",
        "en": "Participants closed less than a third of the gap to a perfect score (a {band} gain).",
    },
    "impact.learning.plain.medium": {
        "id": "Peserta menutup kira-kira sepertiga sampai dua pertiga jarak menuju nilai sempurna (kenaikan {band}).",
        "en": "Participants closed roughly a third to two thirds of the gap to a perfect score (a {band} gain).",
    },
    "impact.learning.plain.high": {
        "id": "Peserta menutup lebih dari dua pertiga jarak menuju nilai sempurna (kenaikan {band}).",
        "en": "Participants closed more than two thirds of the gap to a perfect score (a {band} gain).",
    },
    "impact.learning.plain.none": {
        "id": "Belum dapat dihitung seberapa jauh nilai peserta mendekati nilai sempurna.",
        "en": "How far participants moved towards a perfect score cannot be told yet.",
    },
    "impact.card.method": {"id": "Metode: {method}", "en": "Method: {method}"},
    "impact.metric.usefulness": {"id": "Manfaat (1–5)", "en": "Usefulness (1–5)"},
    "impact.metric.gain": {"id": "Kenaikan nilai (poin)", "en": "Score gain (points)"},
    "impact.metric.skp": {"id": "Selisih perubahan SKP (poin)", "en": "SKP change vs. peers (points)"},
    "impact.metric.ikm": {"id": "Perubahan IKM (poin)", "en": "IKM change (points)"},
    "impact.not_estimable": {"id": "Tidak dapat diestimasi", "en": "Not estimable"},
    "impact.details": {"id": "Bukti per tingkat", "en": "The evidence, level by level"},
    "impact.tab.compare": {"id": "Perbandingan program", "en": "Programmes compared"},
    "impact.section.learning": {
        "id": "Pre-test dan post-test per peserta",
        "en": "Pre-test and post-test per participant",
    },
    "impact.learning.view": {"id": "Tampilkan", "en": "Show"},
    "impact.learning.view.distribution": {"id": "Sebaran nilai", "en": "Score distribution"},
    "impact.learning.view.participants": {"id": "Per peserta (sampel)", "en": "Per participant (sample)"},
    "impact.learning.sample_note": {
        "id": "Menampilkan {shown} dari {total} peserta (sampel acak tetap). Nama tidak ditampilkan.",
        "en": "Showing {shown} of {total} participants (fixed random sample). Names are not shown.",
    },
    "impact.learning.counts": {
        "id": "{paired} dengan kedua tes · {pre_only} hanya pre-test · {post_only} hanya post-test · {neither} tanpa tes",
        "en": "{paired} with both tests · {pre_only} pre-test only · {post_only} post-test only · {neither} no test",
    },
    "impact.learning.hake": {
        "id": "Gain ternormalisasi Hake: kelas g = {g_class} ({band}); rata-rata individu g = {g_ind} (IK 95% {low} sampai {high}; n = {n}, {excluded} peserta dengan pre-test 100 tidak dihitung).",
        "en": "Hake's normalised gain: class g = {g_class} ({band}); mean individual g = {g_ind} (95% CI {low} to {high}; n = {n}, {excluded} participants with pre-test 100 left out).",
    },
    "impact.hake.low": {"id": "rendah", "en": "low"},
    "impact.hake.medium": {"id": "sedang", "en": "medium"},
    "impact.hake.high": {"id": "tinggi", "en": "high"},
    "impact.test.t": {"id": "uji-t berpasangan", "en": "paired t-test"},
    "impact.test.wilcoxon": {"id": "uji peringkat bertanda Wilcoxon", "en": "Wilcoxon signed-rank test"},
    "impact.test.none": {"id": "tidak diuji", "en": "not tested"},
    "impact.test.rule": {
        "id": "Uji utama: Wilcoxon bila kurang dari 30 pasangan atau selisih tidak normal (Shapiro–Wilk p < 0,05), selain itu uji-t. p uji-t {p_t}; p Wilcoxon {p_w}.",
        "en": "Primary test: Wilcoxon when fewer than 30 pairs or non-normal differences (Shapiro–Wilk p < 0.05), else the t-test. t-test p {p_t}; Wilcoxon p {p_w}.",
    },
    "impact.chart.pre": {"id": "Pre-test", "en": "Pre-test"},
    "impact.chart.ci": {"id": "IK 95%", "en": "95% CI"},
    "impact.chart.cohorts": {"id": "Kohort", "en": "Cohorts"},
    "impact.chart.post": {"id": "Post-test", "en": "Post-test"},
    "impact.chart.score": {"id": "Nilai (0–100)", "en": "Score (0–100)"},
    "impact.chart.participant": {"id": "Peserta (nomor anonim)", "en": "Participant (anonymous number)"},
    "impact.chart.test": {"id": "Tes", "en": "Test"},
    "impact.chart.count": {"id": "Jumlah peserta", "en": "Participants"},
    "impact.chart.rating": {"id": "Nilai (1–5)", "en": "Rating (1–5)"},
    "impact.chart.share": {"id": "Porsi peserta", "en": "Share of participants"},
    "impact.chart.event_time": {
        "id": "Kuartal relatif terhadap pelatihan (0 = kuartal pelatihan)",
        "en": "Quarters relative to training (0 = training quarter)",
    },
    "impact.chart.effect": {
        "id": "Selisih terhadap unit pembanding",
        "en": "Difference from comparison units",
    },
    "impact.chart.pre_period": {
        "id": "Sebelum pelatihan (uji tren awal)",
        "en": "Before training (pre-trends)",
    },
    "impact.chart.dz": {"id": "Besar efek belajar (IK 95%)", "en": "Learning effect size (95% CI)"},
    "impact.chart.yardstick": {
        "id": "Patokan d ≈ 0,6 (Arthur dkk., 2003)",
        "en": "Yardstick d ≈ 0.6 (Arthur et al., 2003)",
    },
    "impact.section.reaction": {
        "id": "Sebaran penilaian peserta",
        "en": "Distribution of participants' ratings",
    },
    "impact.section.results": {
        "id": "Studi peristiwa: layanan unit sebelum dan sesudah pelatihan",
        "en": "Event study: unit services before and after training",
    },
    "impact.results.outcome": {"id": "Ukuran layanan", "en": "Service measure"},
    "impact.results.pick_course": {
        "id": "Dampak pada layanan unit dihitung per program: pilih satu program untuk melihat studi peristiwanya. Efek gabungan per jenis kompetensi ada di tab 4 · Hasil layanan; tabel memuat hasil setiap program.",
        "en": "Results for unit services are estimated per programme: choose one programme to see its event study. The pooled effect per competency type is in the 4 · Results tab; the table holds every programme's results.",
    },
    "impact.results.cells_note": {
        "id": "Titik = rata-rata efek antar-gelombang pada kuartal itu; garis = IK 95%. Kuartal −1 adalah pembanding (nol). Area abu-abu: sebelum pelatihan — titik di sana seharusnya dekat nol.",
        "en": "Dots = effect averaged over cohorts at that quarter; bars = 95% CI. Quarter −1 is the reference (zero). Grey area: before training — dots there should sit near zero.",
    },
    "impact.results.clean_controls": {
        "id": "Pembanding bersih: unit yang dilatih program lain dalam 4 triwulan sebelum atau selama jendela "
        "perbandingan tidak dipakai sebagai pembanding ({n} unit dikeluarkan).",
        "en": "Clean comparison: units trained by another programme in the 4 quarters before or during the "
        "comparison window are not used as comparison units ({n} units left out).",
    },
    "impact.need.enough": {
        "id": "{reached} unit sudah mencapai ≥ {threshold} staf lulus program ini.",
        "en": "{reached} units have reached ≥ {threshold} of staff passing this programme.",
    },
    "impact.need.short": {
        "id": "Program ini terlalu kecil untuk level 4: baru {reached} unit yang ≥ {threshold} stafnya lulus, "
        "padahal perlu sedikitnya {needed} unit. Perlu kira-kira {staff} orang lagi di unit yang paling dekat "
        "ambangnya agar dampaknya dapat diukur.",
        "en": "This programme is too small for level 4: only {reached} units have ≥ {threshold} of staff "
        "passing it, and at least {needed} are needed. About {staff} more staff in the units closest to the "
        "threshold would make its effect measurable.",
    },
    "impact.pooled.header": {
        "id": "Efek gabungan per jenis kompetensi (bukan efek satu program)",
        "en": "Pooled effect per competency type (not any single programme's effect)",
    },
    "impact.pooled.header_type": {
        "id": "Efek gabungan semua program {type} (bukan efek program ini saja)",
        "en": "Pooled effect of all {type} programmes (not this programme's alone)",
    },
    "impact.pooled.note": {
        "id": "Unit dihitung terlatih bila ≥ {threshold} stafnya lulus program mana pun dari jenis ini; unit yang "
        "dilatih program jenis lain di sekitar waktu itu tidak dipakai sebagai pembanding.",
        "en": "A unit counts as trained once ≥ {threshold} of its staff passed any programme of this type; units "
        "trained by programmes of another type around that time are not comparison units.",
    },
    "impact.pooled.col.type": {"id": "Jenis kompetensi", "en": "Competency type"},
    "impact.pooled.col.programs": {"id": "Program", "en": "Programmes"},
    "impact.pooled.col.units": {"id": "Unit terlatih", "en": "Trained units"},
    "impact.pooled.col.outcome": {"id": "Ukuran", "en": "Outcome"},
    "impact.pooled.col.effect": {"id": "Efek", "en": "Effect"},
    "impact.pooled.col.ci": {"id": "Interval 95%", "en": "95% interval"},
    "impact.competency.teknis": {"id": "teknis", "en": "technical"},
    "impact.competency.manajerial": {"id": "manajerial", "en": "managerial"},
    "impact.competency.sosial_kultural": {"id": "sosial kultural", "en": "socio-cultural"},
    "impact.small.header": {
        "id": "Program dengan peserta terlalu sedikit (kurang dari {n} pasangan nilai): tidak diperingkat",
        "en": "Programmes with too few participants (fewer than {n} score pairs): not ranked",
    },
    "impact.small.col.program": {"id": "Program", "en": "Programme"},
    "impact.small.col.n": {"id": "Pasangan nilai", "en": "Score pairs"},
    "impact.small.col.gain": {"id": "Kenaikan rata-rata", "en": "Mean gain"},
    "impact.section.compare": {
        "id": "Perbandingan program: ukuran efek hasil belajar",
        "en": "Programmes compared: learning effect size",
    },
    "impact.compare_note": {
        "id": "Garis putus-putus pada 0,6 adalah efek pelatihan yang lazim menurut meta-analisis; program yang intervalnya memuat 0 belum terbukti menambah pengetahuan. Putusan 'efektif' memakai p yang disesuaikan Holm untuk banyak program.",
        "en": "The dashed line at 0.6 is a typical training effect by meta-analysis; a programme whose interval includes 0 has not shown a learning gain. The 'effective' verdict uses Holm-adjusted p for many programmes.",
    },
    "impact.section.table": {"id": "Tabel per program dan tingkat", "en": "Table per programme and level"},
    "impact.table.show": {"id": "Lihat tabel", "en": "Show the table"},
    "impact.table.rows": {
        "id": "{rows} baris: setiap program di setiap tingkat.",
        "en": "{rows} rows: every programme at every level.",
    },
    "impact.download": {"id": "Unduh tabel (CSV)", "en": "Download table (CSV)"},
    "impact.cannot_tell": {
        "id": "Yang tidak bisa disimpulkan dari angka ini",
        "en": "What these numbers cannot tell",
    },
    "impact.cannot_tell_text": {
        "id": (
            "Ini perbandingan pengamatan, bukan uji acak: pegawai dan unit yang dikirim pelatihan dipilih, "
            "tidak diundi. Pembanding yang belum dilatih dan pemeriksaan tren awal mengurangi, tetapi tidak "
            "menghapus, kemungkinan bahwa perbedaan disebabkan hal lain. Reaksi dan nilai tes mengukur kelas, "
            "bukan kerja; kinerja SKP dan IKM dipengaruhi banyak hal selain pelatihan."
        ),
        "en": (
            "This is an observational comparison, not a randomised trial: the employees and units sent to "
            "training were chosen, not drawn by lot. Untrained comparison groups and the pre-trend check "
            "reduce, but cannot remove, the chance that differences have other causes. Reactions and test "
            "scores measure the classroom, not work; SKP scores and the IKM depend on much besides training."
        ),
    },
    # table / CLI columns
    "impact.col.program": {"id": "Program", "en": "Programme"},
    "impact.col.codes": {"id": "Kode", "en": "Codes"},
    "impact.col.level": {"id": "Tingkat", "en": "Level"},
    "impact.col.measure": {"id": "Ukuran", "en": "Measure"},
    "impact.col.estimate": {"id": "Estimasi", "en": "Estimate"},
    "impact.col.ci_low": {"id": "IK bawah", "en": "CI low"},
    "impact.col.ci_high": {"id": "IK atas", "en": "CI high"},
    "impact.col.n": {"id": "n", "en": "n"},
    "impact.col.method": {"id": "Metode", "en": "Method"},
    "impact.col.verdict": {"id": "Putusan", "en": "Verdict"},
    "impact.col.dz": {"id": "Besar efek", "en": "Effect size"},
    "impact.col.gain": {"id": "Kenaikan", "en": "Gain"},
    "impact.verdict.gain": {"id": "efektif (kenaikan jelas)", "en": "effective (clear gain)"},
    "impact.verdict.loss": {"id": "penurunan jelas", "en": "clear decline"},
    "impact.verdict.unclear": {"id": "belum jelas", "en": "unclear"},
    "impact.verdict.insufficient": {"id": "data kurang", "en": "too little data"},
    "impact.verdict.better": {"id": "membaik jelas", "en": "clearly better"},
    "impact.verdict.worse": {"id": "memburuk jelas", "en": "clearly worse"},
    # measures
    "impact.measure.materi": {"id": "Reaksi: materi (1–5)", "en": "Reaction: material (1–5)"},
    "impact.measure.pengajar": {"id": "Reaksi: pengajar (1–5)", "en": "Reaction: trainer (1–5)"},
    "impact.measure.manfaat": {"id": "Reaksi: manfaat (1–5)", "en": "Reaction: usefulness (1–5)"},
    "impact.measure.mean_gain": {"id": "Kenaikan nilai rata-rata (poin)", "en": "Mean score gain (points)"},
    "impact.measure.d_z": {"id": "Besar efek belajar", "en": "Learning effect size"},
    "impact.measure.hake_g": {
        "id": "Gain Hake (rata-rata individu)",
        "en": "Hake's gain (mean of individuals)",
    },
    "impact.measure.skp_did": {
        "id": "Skor SKP, selisih perubahan (poin)",
        "en": "SKP score, difference in change (points)",
    },
    "impact.measure.ikm": {"id": "IKM (poin, 25–100)", "en": "IKM (points, 25–100)"},
    "impact.measure.complaint_rate": {
        "id": "Pengaduan per 1.000 layanan",
        "en": "Complaints per 1,000 services",
    },
    "impact.measure.service_days_ratio": {
        "id": "Waktu penyelesaian (rasio)",
        "en": "Completion time (ratio)",
    },
    "impact.measure.pct_on_time": {
        "id": "Layanan tepat waktu (poin persen)",
        "en": "On-time services (percentage points)",
    },
    "impact.outcome.ikm": {"id": "IKM", "en": "The IKM"},
    "impact.outcome.complaint_rate": {"id": "Angka pengaduan", "en": "The complaint rate"},
    "impact.outcome.mean_days": {"id": "Waktu penyelesaian layanan", "en": "Service completion time"},
    "impact.outcome.pct_on_time": {"id": "Porsi layanan tepat waktu", "en": "The share of on-time services"},
    "impact.axis.ikm": {"id": "Selisih IKM (poin)", "en": "IKM difference (points)"},
    "impact.axis.complaint_rate": {
        "id": "Selisih pengaduan per 1.000 layanan",
        "en": "Difference in complaints per 1,000 services",
    },
    "impact.axis.mean_days": {
        "id": "Selisih log waktu penyelesaian",
        "en": "Difference in log completion time",
    },
    "impact.axis.pct_on_time": {
        "id": "Selisih tepat waktu (poin persen)",
        "en": "On-time difference (percentage points)",
    },
    "impact.unit.points": {"id": "{value} poin", "en": "{value} points"},
    "impact.unit.per_1000": {"id": "{value} per 1.000 layanan", "en": "{value} per 1,000 services"},
    "impact.unit.ratio": {"id": "×{value} ({pct})", "en": "×{value} ({pct})"},
    "impact.unit.pp": {"id": "{value} poin persen", "en": "{value} percentage points"},
    # sentences: reaction
    "impact.s.reaction": {
        "id": (
            "Peserta menilai manfaat pelatihan rata-rata {mean} dari 5 (IK 95% {low} sampai {high}; {n} peserta); "
            "{share} memberi nilai 4 atau 5. Ini kepuasan peserta, bukan bukti bahwa mereka belajar atau "
            "bekerja lebih baik."
        ),
        "en": (
            "Participants rated the training's usefulness {mean} out of 5 on average (95% CI {low} to {high}; "
            "{n} participants); {share} gave 4 or 5. This is satisfaction, not evidence that they learned or work better."
        ),
    },
    "impact.s.reaction_none": {
        "id": "Belum ada penilaian peserta untuk pilihan ini.",
        "en": "No participant ratings for this selection yet.",
    },
    # sentences: learning
    "impact.s.learning_gain": {
        "id": (
            "Nilai post-test rata-rata {gain} poin di atas pre-test (IK 95% {low} sampai {high}; {n} peserta "
            "dengan kedua tes).{unpaired} Ini yang "
            "dipelajari di kelas, belum tentu dipakai di tempat kerja."
        ),
        "en": (
            "Post-test scores were on average {gain} points above pre-test (95% CI {low} to {high}; {n} "
            "participants with both tests)."
            "{unpaired} This is what was learned in class, not yet proof that it is used at work."
        ),
    },
    "impact.s.learning_unclear": {
        "id": (
            "Tidak ada kenaikan nilai yang jelas: post-test rata-rata berbeda {gain} poin dari pre-test "
            "(IK 95% {low} sampai {high}; {n} peserta dengan kedua tes).{unpaired} Data ini "
            "tidak menunjukkan bahwa peserta belajar, jadi program ini belum bisa disebut efektif."
        ),
        "en": (
            "No clear score gain: post-test differed from pre-test by {gain} points on average (95% CI {low} "
            "to {high}; {n} participants with both tests).{unpaired} These data do not show "
            "that participants learned, so the programme cannot be called effective."
        ),
    },
    "impact.s.learning_loss": {
        "id": (
            "Nilai post-test rata-rata {gain} poin di bawah pre-test (IK 95% {low} sampai {high}; {n} peserta "
            "dengan kedua tes).{unpaired} Periksa soal tes dan pelaksanaannya sebelum menarik "
            "kesimpulan."
        ),
        "en": (
            "Post-test scores were on average {gain} points below pre-test (95% CI {low} to {high}; {n} "
            "participants with both tests).{unpaired} Check the tests and how they were run "
            "before drawing conclusions."
        ),
    },
    "impact.s.learning_insufficient": {
        "id": "Terlalu sedikit peserta dengan pre-test dan post-test ({n}) untuk menilai hasil belajar.{unpaired}",
        "en": "Too few participants with both a pre-test and a post-test ({n}) to assess learning.{unpaired}",
    },
    "impact.s.unpaired": {
        "id": " {k} dari {total} peserta tidak punya kedua tes dan tidak ikut dihitung; bila yang lemah lebih sering absen tes, kenaikan terlihat lebih besar dari sebenarnya.",
        "en": " {k} of {total} participants lack one or both tests and are not counted; if weaker participants skipped tests more often, the gain looks larger than it is.",
    },
    "impact.yardstick.above": {"id": "di atas", "en": "above"},
    "impact.yardstick.below": {"id": "di bawah", "en": "below"},
    "impact.yardstick.around": {"id": "tidak berbeda jelas dari", "en": "not clearly different from"},
    "impact.s.multiplicity": {
        "id": " Dengan {k} program dibandingkan, p yang disesuaikan Holm {p_adj}.",
        "en": " With {k} programmes compared, the Holm-adjusted p {p_adj}.",
    },
    # sentences: behaviour
    "impact.s.behaviour_up": {
        "id": (
            "Skor SKP pegawai yang dilatih naik {did} poin lebih banyak daripada rekan yang tidak dilatih pada "
            "kuartal yang sama (IK 95% {low} sampai {high}; {n_t} pegawai dilatih, {n_c} pembanding; {pre} "
            "kuartal sebelum vs {post} sesudah). Pegawai yang dikirim pelatihan bisa berbeda dari rekannya; "
            "perbandingan ini mengurangi risiko itu, tetapi bukan uji acak."
        ),
        "en": (
            "Trained employees' SKP score rose {did} points more than that of colleagues not trained in the "
            "same quarters (95% CI {low} to {high}; {n_t} trained, {n_c} comparisons; {pre} quarters before vs "
            "{post} after). Those sent to training may differ from their colleagues; the comparison reduces "
            "that risk but is not a randomised trial."
        ),
    },
    "impact.s.behaviour_down": {
        "id": (
            "Skor SKP pegawai yang dilatih berubah {did} poin dibanding rekan yang tidak dilatih pada kuartal "
            "yang sama (IK 95% {low} sampai {high}; {n_t} pegawai dilatih, {n_c} pembanding): lebih buruk "
            "secara jelas. Waktu kerja yang hilang saat pelatihan atau pemilihan peserta bisa menjelaskannya."
        ),
        "en": (
            "Trained employees' SKP score changed by {did} points relative to colleagues not trained in the "
            "same quarters (95% CI {low} to {high}; {n_t} trained, {n_c} comparisons): clearly worse. Time away "
            "from work or who was picked for training may explain it."
        ),
    },
    "impact.s.behaviour_unclear": {
        "id": (
            "Tidak terlihat perubahan kinerja yang jelas: selisih perubahan skor SKP {did} poin dibanding rekan "
            "yang tidak dilatih (IK 95% {low} sampai {high}; {n_t} pegawai dilatih, {n_c} pembanding). Ini tidak "
            "membuktikan pelatihan mengubah kinerja, tetapi juga tidak membuktikan sebaliknya."
        ),
        "en": (
            "No clear change in performance: the SKP score changed {did} points relative to untrained "
            "colleagues (95% CI {low} to {high}; {n_t} trained, {n_c} comparisons). This neither shows that "
            "training changed performance nor that it did not."
        ),
    },
    "impact.s.behaviour_none": {
        "id": "Kinerja sebelum dan sesudah pelatihan tidak dapat dibandingkan: terlalu sedikit pegawai dengan skor SKP triwulanan di kedua sisi ({n_t} dilatih).",
        "en": "Performance before and after training cannot be compared: too few employees with quarterly SKP scores on both sides ({n_t} trained).",
    },
    # sentences: results
    "impact.s.results": {
        "id": (
            "{outcome} unit yang stafnya dilatih berubah {effect} dibanding unit yang belum dilatih "
            "(IK 95% {low} sampai {high}; {n} unit dilatih dalam {k} gelombang, rata-rata kuartal ke-1 sampai "
            "ke-{emax} sesudah pelatihan)."
        ),
        "en": (
            "{outcome} of units whose staff were trained changed by {effect} compared with units not yet "
            "trained (95% CI {low} to {high}; {n} trained units in {k} cohorts, averaged over quarters 1 to "
            "{emax} after training)."
        ),
    },
    "impact.s.results_better": {"id": " Ini perbaikan yang jelas.", "en": " This is a clear improvement."},
    "impact.s.results_worse": {"id": " Ini memburuk secara jelas.", "en": " This is a clear deterioration."},
    "impact.s.results_unclear": {
        "id": " Perubahan ini belum bisa dibedakan dari nol.",
        "en": " This change cannot be told apart from zero.",
    },
    "impact.s.pretrend_ok": {
        "id": " Sebelum pelatihan kedua kelompok bergerak sejajar (uji tren awal p {p}).",
        "en": " Before training both groups moved in parallel (pre-trend test p {p}).",
    },
    "impact.s.pretrend_bad": {
        "id": " Sebelum pelatihan kedua kelompok sudah bergerak berbeda (uji tren awal p {p}); baca angka ini dengan hati-hati.",
        "en": " Before training the groups already moved differently (pre-trend test p {p}); read this figure with caution.",
    },
    "impact.s.pretrend_none": {
        "id": " Tren sebelum pelatihan tidak dapat diperiksa (terlalu sedikit kuartal sebelumnya).",
        "en": " Pre-training trends cannot be checked (too few earlier quarters).",
    },
    "impact.s.rtm": {
        "id": (
            " Unit yang dilatih memulai dari posisi lebih buruk ({gap}); unit terlemah cenderung membaik sedikit "
            "dengan sendirinya (regresi ke rata-rata). Pembanding dan tren awal yang sejajar mengurangi risiko "
            "ini, tetapi tidak menghapusnya."
        ),
        "en": (
            " The trained units started worse off ({gap}); the weakest units tend to improve a little by "
            "themselves (regression to the mean). The comparison units and parallel pre-trends reduce this "
            "risk but do not remove it."
        ),
    },
    "impact.s.observational": {
        "id": " Ini perbandingan pengamatan, bukan uji acak.",
        "en": " This is an observational comparison, not a randomised trial.",
    },
    "impact.s.results_none": {
        "id": ("Dampak pada layanan unit tidak dapat diestimasi: {reason}"),
        "en": "Results for unit services cannot be estimated: {reason}",
    },
    "impact.reason.no_units": {
        "id": "tidak ada unit yang porsi stafnya terlatih mencapai {threshold}.",
        "en": "no unit reached a trained-staff share of {threshold}.",
    },
    "impact.reason.no_data": {
        "id": "data {outcome} per kuartal tidak cukup sebelum dan sesudah pelatihan ({n} unit dilatih).",
        "en": "too little quarterly {outcome} data before and after training ({n} trained units).",
    },
    # CLI
    "impact.cli.help": {
        "id": "Dampak pelatihan per program dan tingkat Kirkpatrick (estimasi, IK 95%, n, metode)",
        "en": "Training impact per programme and Kirkpatrick level (estimate, 95% CI, n, method)",
    },
    "impact.cli.unknown_program": {
        "id": "Kode pelatihan {code} tidak ditemukan. Contoh kode yang ada: {examples}",
        "en": "Training code {code} not found. Existing codes include: {examples}",
    },
}
