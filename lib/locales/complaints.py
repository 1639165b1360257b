"""Messages of the complaints area: the Pengaduan page, its sentences, and the CLI."""

MESSAGES = {
    # themes (stored keys → display)
    "complaints.theme.waktu": {"id": "waktu/antrian", "en": "waiting time/queues"},
    "complaints.theme.perilaku": {"id": "perilaku petugas", "en": "staff behaviour"},
    "complaints.theme.biaya": {"id": "biaya/pungli", "en": "fees/illegal charges"},
    "complaints.theme.prosedur": {"id": "prosedur/persyaratan", "en": "procedures/requirements"},
    "complaints.theme.sarana": {"id": "sarana", "en": "facilities"},
    "complaints.theme.informasi": {"id": "informasi", "en": "information"},
    "complaints.theme.sistem": {"id": "sistem/aplikasi", "en": "systems/apps"},
    "complaints.theme.lainnya": {"id": "lainnya", "en": "other"},
    "complaints.theme.none": {"id": "tanpa tema", "en": "no theme"},
    "complaints.theme.jalan_drainase": {"id": "jalan & drainase", "en": "roads & drainage"},
    "complaints.theme.kebersihan_sampah": {"id": "kebersihan & sampah", "en": "cleanliness & rubbish"},
    "complaints.theme.penerangan": {"id": "penerangan jalan", "en": "street lighting"},
    "complaints.theme.pohon_taman": {"id": "pohon & taman", "en": "trees & parks"},
    "complaints.theme.bantuan_sosial": {"id": "bantuan sosial", "en": "social assistance"},
    "complaints.theme.adminduk": {"id": "administrasi kependudukan", "en": "civil registration"},
    "complaints.theme.kesehatan": {"id": "kesehatan", "en": "health"},
    "complaints.theme.pendidikan": {"id": "pendidikan", "en": "education"},
    "complaints.theme.belum_yakin": {"id": "belum yakin", "en": "not sure yet"},
    # statuses
    "complaints.status.belum": {"id": "belum ditangani", "en": "not yet handled"},
    "complaints.status.proses": {"id": "diproses", "en": "in progress"},
    "complaints.status.selesai": {"id": "selesai", "en": "resolved"},
    # sentences
    "complaints.window": {"id": "{start}–{end}", "en": "{start}–{end}"},
    "complaints.sentence.spike_total": {
        "id": "{unit}: jumlah pengaduan naik {ratio}× dari biasanya (IK 95% {low}–{high}); "
        "{observed} pengaduan pada {window}, biasanya sekitar {expected}.",
        "en": "{unit}: complaints rose {ratio}× above their usual level (95% CI {low}–{high}); "
        "{observed} complaints in {window}, usually about {expected}.",
    },
    "complaints.sentence.spike_theme": {
        "id": "{unit}: pengaduan tentang {theme} naik {ratio}× dari biasanya (IK 95% {low}–{high}); "
        "{observed} pengaduan pada {window}, biasanya sekitar {expected}.",
        "en": "{unit}: complaints about {theme} rose {ratio}× above their usual level (95% CI {low}–{high}); "
        "{observed} complaints in {window}, usually about {expected}.",
    },
    "complaints.sentence.no_spike": {
        "id": "Tidak ada unit yang pengaduannya naik melampaui pola biasanya pada {window}.",
        "en": "No unit's complaints rose beyond its usual pattern in {window}.",
    },
    "complaints.sentence.headline": {
        "id": "{complaints} pengaduan dari {units} unit antara {start} dan {end}.",
        "en": "{complaints} complaints about {units} units between {start} and {end}.",
    },
    "complaints.sentence.resolution_hours": {
        "id": "Median waktu penyelesaian {hours} jam (kurang dari sehari kerja); {late} pengaduan melewati standar "
        "5 hari kerja (IK 95% {low}–{high}; dari {n} pengaduan yang sudah dinilai).",
        "en": "Median time to resolution {hours} hours (under one working day); {late} of complaints exceeded the "
        "5-working-day standard (95% CI {low}–{high}; of {n} complaints judged).",
    },
    "complaints.sentence.resolution": {
        "id": "Median waktu penyelesaian {median} hari kerja; {late} pengaduan melewati standar 5 hari kerja "
        "(IK 95% {low}–{high}; dari {n} pengaduan yang sudah dinilai).",
        "en": "Median time to resolution {median} working days; {late} of complaints exceeded the 5-working-day "
        "standard (95% CI {low}–{high}; of {n} complaints judged).",
    },
    "complaints.sentence.backlog": {
        "id": "Per {as_of}: {backlog} pengaduan masih terbuka, {overdue} di antaranya sudah lewat 5 hari kerja.",
        "en": "As of {as_of}: {backlog} complaints still open, {overdue} of them older than 5 working days.",
    },
    # page
    "complaints.title": {"id": "Pengaduan", "en": "Complaints"},
    "complaints.caption": {
        "id": "Pengaduan masyarakat per unit: tren dan lonjakan, tema, waktu penyelesaian, dan tunggakan.",
        "en": "Public complaints per unit: trends and spikes, themes, resolution times and backlog.",
    },
    "complaints.empty": {
        "id": "Belum ada pengaduan untuk cakupan dan periode ini.",
        "en": "No complaints for this scope and period.",
    },
    "complaints.error": {
        "id": "Data pengaduan tidak dapat dibaca: {error}",
        "en": "Complaint data could not be read: {error}",
    },
    "complaints.period": {"id": "Tampilkan per", "en": "Show per"},
    "complaints.period.month": {"id": "bulan", "en": "month"},
    "complaints.period.quarter": {"id": "triwulan", "en": "quarter"},
    "complaints.metric.complaints": {"id": "Pengaduan", "en": "Complaints"},
    "complaints.metric.rate": {"id": "Per 1.000 layanan", "en": "Per 1,000 services"},
    "complaints.metric.rate_help": {
        "id": "Pengaduan pada bulan yang memiliki statistik layanan ÷ jumlah layanan × 1.000 (IK 95% {low}–{high}).",
        "en": "Complaints in months with service statistics ÷ services × 1,000 (95% CI {low}–{high}).",
    },
    "complaints.metric.median": {"id": "Median hari kerja selesai", "en": "Median working days"},
    "complaints.metric.median_help": {
        "id": "Median hari kerja dari pengaduan masuk sampai selesai ({n} pengaduan selesai).",
        "en": "Median working days from receipt to resolution (n = {n} resolved complaints).",
    },
    "complaints.metric.late": {"id": "Lewat standar", "en": "Past the standard"},
    "complaints.metric.backlog": {"id": "Masih terbuka", "en": "Still open"},
    "complaints.metric.backlog_help": {
        "id": "{overdue} lewat 5 hari kerja",
        "en": "{overdue} past 5 working days",
    },
    "complaints.backlog.reconcile": {
        "id": "Masih terbuka per {as_of}: {total} = {in_period} diterima dalam periode (status belum/diproses "
        "di tabel status) + {before} diterima sebelum periode dan belum selesai.",
        "en": "Still open as of {as_of}: {total} = {in_period} received in the period (status not yet handled/"
        "in progress in the status table) + {before} received before the period and not yet resolved.",
    },
    "complaints.season.last_year": {
        "id": "(Bulan yang sama tahun lalu: {last_year} pengaduan; kenaikannya juga nyata terhadap itu.)",
        "en": "(Same months last year: {last_year} complaints; the rise is significant against that too.)",
    },
    "complaints.season.model": {
        "id": "(Pola musiman kota sudah diperhitungkan; musim khusus unit ini belum dapat diuji.)",
        "en": "(The city's seasonal pattern is allowed for; this unit's own season cannot be tested yet.)",
    },
    "complaints.season.unknown": {
        "id": "(Riwayat kurang dari setahun sebelum periode ini: puncak musiman tidak dapat dikesampingkan.)",
        "en": "(Less than a year of history before this window: a seasonal peak cannot be excluded.)",
    },
    "complaints.spikes.header": {"id": "Lonjakan pengaduan", "en": "Complaint spikes"},
    "complaints.spikes.method": {
        "id": "Setiap unit dibandingkan dengan dirinya sendiri: {recent} bulan terakhir ({window}) terhadap "
        "{baseline} bulan sebelumnya{gap}. Uji Poisson bersyarat satu sisi{season}{dispersion}; "
        "koreksi Benjamini–Hochberg untuk {tests} uji (unit dan unit × tema), ditandai bila q ≤ {alpha}: "
        "rata-rata paling banyak {alpha_pct} tanda adalah alarm palsu. Pengaduan tanpa kategori memakai tema tebakan.",
        "en": "Each unit is compared with itself: the last {recent} months ({window}) against the {baseline} months "
        "before{gap}. One-sided conditional Poisson test{season}{dispersion}; Benjamini–Hochberg correction over "
        "{tests} tests (units and unit × theme), flagged when q ≤ {alpha}: on average at most {alpha_pct} of flags "
        "are false alarms. Uncategorised complaints count under their predicted theme.",
    },
    "complaints.spikes.method_none": {
        "id": "Setiap unit dibandingkan dengan dirinya sendiri: {recent} bulan terakhir ({window}) terhadap "
        "{baseline} bulan sebelumnya{gap}. Uji Poisson bersyarat satu sisi{season}{dispersion}; ditandai bila "
        "p ≤ {alpha} per uji ({tests} uji): tanpa perubahan nyata, sekitar {alpha_pct} uji tetap tertandai.",
        "en": "Each unit is compared with itself: the last {recent} months ({window}) against the {baseline} months "
        "before{gap}. One-sided conditional Poisson test{season}{dispersion}; flagged when p ≤ {alpha} per test "
        "({tests} tests): without any real change about {alpha_pct} of tests are still flagged.",
    },
    "complaints.spikes.gap": {
        "id": " (melewati {gap} bulan di antaranya)",
        "en": " (skipping {gap} months in between)",
    },
    "complaints.spikes.season": {
        "id": " dengan faktor musiman bulanan",
        "en": " with month-of-year factors",
    },
    "complaints.spikes.dispersion": {
        "id": ", variasi ekstra φ = {phi} diperhitungkan",
        "en": ", extra variation φ = {phi} allowed for",
    },
    "complaints.spikes.short": {
        "id": "Riwayat data terlalu pendek untuk menguji lonjakan (perlu minimal {months} bulan).",
        "en": "History too short to test for spikes (at least {months} months needed).",
    },
    "complaints.spikes.table": {"id": "Rincian uji", "en": "Test details"},
    "complaints.trend.header": {"id": "Tren per unit", "en": "Trend per unit"},
    "complaints.drill.open": {
        "id": "Lihat isi pengaduan (pilih unit, tema, bulan)",
        "en": "Show the texts (choose unit, theme, month)",
    },
    "complaints.trend.units": {"id": "Unit yang ditampilkan", "en": "Units shown"},
    "complaints.trend.help": {
        "id": "Bawaan: unit yang tertandai lonjakan, lalu unit dengan pengaduan terbanyak.",
        "en": "Default: units flagged with a spike, then the units with most complaints.",
    },
    "complaints.trend.x": {"id": "Periode", "en": "Period"},
    "complaints.trend.y": {"id": "Jumlah pengaduan", "en": "Number of complaints"},
    "complaints.trend.flag": {"id": "lonjakan", "en": "spike"},
    "complaints.trend.partial": {
        "id": "Periode di tepi rentang hanya tercakup sebagian, jadi jumlahnya tidak sebanding dengan "
        "periode penuh: {periods}.",
        "en": "Periods at the edges of the range are only partly covered, so their counts do not compare "
        "with whole periods: {periods}.",
    },
    "complaints.trend.partial_tip": {"id": "sebagian: {start}–{end}", "en": "partial: {start}–{end}"},
    "complaints.trend.usual": {
        "id": "tingkat biasa (unit dengan lonjakan)",
        "en": "usual level (units with a spike)",
    },
    "complaints.heatmap.header": {"id": "Unit × tema", "en": "Unit × theme"},
    "complaints.heatmap.measure": {"id": "Ukuran", "en": "Measure"},
    "complaints.heatmap.rate": {"id": "per 1.000 layanan", "en": "per 1,000 services"},
    "complaints.heatmap.count": {"id": "jumlah", "en": "count"},
    "complaints.heatmap.share": {"id": "% dari pengaduan unit", "en": "% of the unit's complaints"},
    "complaints.heatmap.numbers": {"id": "Angka di tiap sel", "en": "Numbers in the cells"},
    "complaints.heatmap.numbers_help": {
        "id": "Warna sel menunjukkan besarnya; arahkan kursor ke sel untuk angka dan jumlah pengaduannya.",
        "en": "A cell's colour shows its size; hover over a cell for its number and complaint count.",
    },
    "complaints.heatmap.x": {"id": "Tema", "en": "Theme"},
    "complaints.heatmap.y": {"id": "Unit", "en": "Unit"},
    "complaints.heatmap.top": {
        "id": "{shown} dari {total} unit dengan pengaduan terbanyak ditampilkan.",
        "en": "The {shown} of {total} units with most complaints are shown.",
    },
    "complaints.heatmap.no_rate": {
        "id": "Tidak ada statistik layanan untuk unit ini: tampilkan jumlah.",
        "en": "No service statistics for these units: showing counts.",
    },
    "complaints.themes.source": {
        "id": "Tema: {evaluator} dilabeli evaluator, {labelled} dari sumber (kategori/topik), {predicted} tebakan model, "
        "{abstained} belum yakin (keyakinan di bawah {threshold}), {untyped} tanpa tema.",
        "en": "Themes: {evaluator} labelled by an evaluator, {labelled} from the source (category/topic), "
        "{predicted} predicted, {abstained} not sure yet (confidence below {threshold}), {untyped} without a theme.",
    },
    "complaints.themes.labels_only": {
        "id": "Hanya tema berlabel (tanpa tebakan)",
        "en": "Labelled themes only (no predictions)",
    },
    "complaints.themes.labels_only_help": {
        "id": "Tebakan model dan yang belum yakin tidak dihitung di grafik tema.",
        "en": "Predicted and not-sure themes are left out of the theme chart.",
    },
    "complaints.handling.header": {"id": "Penanganan pengaduan", "en": "Complaint handling"},
    "complaints.handling.view": {"id": "Tampilkan", "en": "Show"},
    "complaints.resolution.header": {"id": "Waktu penyelesaian", "en": "Time to resolution"},
    "complaints.resolution.x": {"id": "Hari kerja sampai selesai", "en": "Working days to resolution"},
    "complaints.resolution.y": {"id": "Jumlah pengaduan", "en": "Number of complaints"},
    "complaints.resolution.standard": {"id": "standar 5 hari kerja", "en": "5-working-day standard"},
    "complaints.resolution.note": {
        "id": "Hari kerja = Senin–Jumat di luar libur nasional dan cuti bersama (daftar cuti bersama dapat ditambah "
        "admin di halaman Status Data). Dihitung dari tanggal pengaduan "
        "sampai tanggal selesai. Bagian yang lewat standar dihitung atas pengaduan selesai ditambah pengaduan "
        "terbuka yang sudah lewat 5 hari kerja. Hari di atas {cap} digabung di {cap}.",
        "en": "Working days = Monday–Friday less national holidays and cuti bersama (an admin can add cuti "
        "bersama on the Data status page). Counted from the complaint date to "
        "the resolution date. The share past the standard is over resolved complaints plus open complaints "
        "already older than 5 working days. Days above {cap} are pooled at {cap}.",
    },
    "complaints.backlog.header": {"id": "Tunggakan menurut umur", "en": "Backlog by age"},
    "complaints.backlog.x": {"id": "Pengaduan terbuka", "en": "Open complaints"},
    "complaints.backlog.bucket": {"id": "{bucket} hari kerja", "en": "{bucket} working days"},
    "complaints.backlog.none": {"id": "Tidak ada pengaduan terbuka.", "en": "No open complaints."},
    "complaints.table.header": {"id": "Ringkasan per unit", "en": "Summary per unit"},
    "complaints.col.unit": {"id": "Unit", "en": "Unit"},
    "complaints.col.code": {"id": "Kode", "en": "Code"},
    "complaints.col.complaints": {"id": "Pengaduan", "en": "Complaints"},
    "complaints.col.services": {"id": "Layanan", "en": "Services"},
    "complaints.col.rate": {"id": "Per 1.000 layanan", "en": "Per 1,000 services"},
    "complaints.col.rate_ci": {"id": "IK 95%", "en": "95% CI"},
    "complaints.metric.late_help": {
        "id": "IK 95% {low}–{high}; dari {n} pengaduan yang sudah dinilai",
        "en": "95% CI {low}–{high}; of {n} complaints judged",
    },
    "complaints.col.median": {"id": "Median hari kerja", "en": "Median working days"},
    "complaints.col.late": {"id": "Lewat standar", "en": "Past standard"},
    "complaints.col.backlog": {"id": "Terbuka", "en": "Open"},
    "complaints.col.overdue": {"id": "Terbuka > 5 hari kerja", "en": "Open > 5 working days"},
    "complaints.col.spike": {"id": "Lonjakan", "en": "Spike"},
    "complaints.col.theme": {"id": "Tema", "en": "Theme"},
    "complaints.col.observed": {"id": "Teramati", "en": "Observed"},
    "complaints.col.expected": {"id": "Diharapkan", "en": "Expected"},
    "complaints.col.ratio": {"id": "Rasio", "en": "Ratio"},
    "complaints.col.p": {"id": "p", "en": "p"},
    "complaints.col.q": {"id": "q (BH)", "en": "q (BH)"},
    "complaints.col.date": {"id": "Tanggal", "en": "Date"},
    "complaints.col.number": {"id": "Nomor", "en": "Number"},
    "complaints.col.channel": {"id": "Kanal", "en": "Channel"},
    "complaints.col.status": {"id": "Status", "en": "Status"},
    "complaints.col.days": {"id": "Hari kerja", "en": "Working days"},
    "complaints.col.text": {"id": "Isi pengaduan", "en": "Complaint text"},
    "complaints.col.confidence": {"id": "Keyakinan tebakan", "en": "Prediction confidence"},
    "complaints.all_total": {"id": "semua tema", "en": "all themes"},
    "complaints.drill.header": {"id": "Isi pengaduan", "en": "Complaint texts"},
    "complaints.drill.caption": {
        "id": "Pilih titik pada grafik atau baris pada tabel, atau pilih di bawah. Nomor telepon, NIK dan e-mail disamarkan.",
        "en": "Select a point on a chart or a row in a table, or choose below. Phone numbers, NIK and e-mail are masked.",
    },
    "complaints.drill.unit": {"id": "Unit", "en": "Unit"},
    "complaints.drill.theme": {"id": "Tema", "en": "Theme"},
    "complaints.drill.month": {"id": "Bulan", "en": "Month"},
    "complaints.drill.all": {"id": "Semua", "en": "All"},
    "complaints.drill.count": {
        "id": "{shown} pengaduan terbaru ditampilkan.",
        "en": "The {shown} most recent complaints are shown.",
    },
    "complaints.drill.period": {"id": "Periode: {start} – {end}.", "en": "Period: {start} – {end}."},
    "complaints.drill.none": {
        "id": "Tidak ada pengaduan untuk pilihan ini.",
        "en": "No complaints for this selection.",
    },
    "complaints.drill.predicted": {"id": "{theme} (tebakan)", "en": "{theme} (predicted)"},
    "complaints.channels.header": {"id": "Kanal dan status", "en": "Channels and status"},
    "complaints.channels.channel": {"id": "Kanal", "en": "Channel"},
    "complaints.channels.status": {"id": "Status", "en": "Status"},
    "complaints.channels.share": {"id": "Bagian", "en": "Share"},
    "complaints.channels.unknown": {"id": "tidak diketahui", "en": "unknown"},
    "complaints.classifier.header": {
        "id": "Tema otomatis: mutu dan pelabelan",
        "en": "Automatic themes: quality and labelling",
    },
    "complaints.classifier.not_measured": {
        "id": "Mutu tebakan tema belum diukur pada pengaduan kota ini. Lakukan putaran pelabelan (sekitar 200 pengaduan) "
        'di bagian "Tema otomatis" untuk mengukurnya.',
        "en": "The quality of predicted themes has not been measured on this city's complaints yet. Run a labelling "
        'round (about 200 complaints) under "Automatic themes" to measure it.',
    },
    "complaints.classifier.quality": {
        "id": "Mutu tebakan tema (model v{model}), diukur pada {n} pengaduan kota ini yang dilabeli evaluator: "
        "akurasi {acc} (IK 95% {acc_low}–{acc_high}), macro-F1 {f1} ({f1_low}–{f1_high}). "
        "Selalu menebak tema terbanyak akan benar {baseline}.",
        "en": "Quality of predicted themes (model v{model}), measured on {n} of this city's complaints labelled by "
        "an evaluator: accuracy {acc} (95% CI {acc_low}–{acc_high}), macro-F1 {f1} ({f1_low}–{f1_high}). "
        "Always answering the commonest theme would be right {baseline}.",
    },
    "complaints.classifier.newer_model": {
        "id": "Model v{model} sudah dilatih ulang dengan label ini; mutunya diukur pada putaran pelabelan berikutnya.",
        "en": "Model v{model} has since been retrained with these labels; its quality is measured in the next labelling round.",
    },
    "complaints.classifier.threshold": {
        "id": "Ambang keyakinan {threshold}, dipilih dari sampel: tebakan yang ditampilkan benar {acc} pada sampel; "
        '{share} tebakan ditampilkan sebagai "belum yakin".',
        "en": "Confidence threshold {threshold}, chosen from the sample: the predictions shown were right {acc} on "
        'the sample; {share} of predictions are shown as "not sure yet".',
    },
    "complaints.classifier.threshold_all": {
        "id": "Tidak ada ambang yang membuat tebakan benar minimal {target} pada sampel: semua tebakan ditampilkan "
        'sebagai "belum yakin". Label dari putaran ini melatih model berikutnya.',
        "en": "No threshold makes the predictions right at least {target} on the sample: every prediction is shown "
        'as "not sure yet". This round\'s labels train the next model.',
    },
    "complaints.classifier.threshold_default": {
        "id": "Ambang keyakinan bawaan {threshold} (belum dipilih dari sampel berlabel).",
        "en": "Default confidence threshold {threshold} (not yet chosen from a labelled sample).",
    },
    "complaints.classifier.model": {
        "id": "Model v{model} dilatih {date} di latar belakang pada {n} pengaduan berlabel ({evaluator} oleh evaluator, "
        "{source} dari sumber), {cpu} detik CPU.",
        "en": "Model v{model} trained {date} in the background on {n} labelled complaints ({evaluator} by an evaluator, "
        "{source} from the source), {cpu} s of CPU.",
    },
    "complaints.classifier.refreshing": {
        "id": "Label atau pengaduan berubah sejak itu: pekerja latar belakang sedang memperbaruinya.",
        "en": "Labels or complaints changed since: the background worker is updating it.",
    },
    "complaints.classifier.no_model": {
        "id": "Belum ada model tema. Pekerja latar belakang melatihnya setelah ada minimal {n} pengaduan berlabel; "
        "halaman ini tidak pernah menunggu pelatihan.",
        "en": "No theme model yet. The background worker trains one once at least {n} complaints are labelled; "
        "this page never waits for training.",
    },
    "complaints.classifier.too_few": {
        "id": "Terlalu sedikit pengaduan berlabel untuk melatih model tema (perlu minimal {n}).",
        "en": "Too few labelled complaints to train the theme model (at least {n} needed).",
    },
    "complaints.classifier.pending": {
        "id": "{n} pengaduan tanpa label belum diberi tema tebakan; pekerja latar belakang sedang mengerjakannya.",
        "en": "{n} unlabelled complaints have no predicted theme yet; the background worker is on it.",
    },
    "complaints.classifier.progress": {
        "id": "Tema pengaduan: {stage} {percent}",
        "en": "Complaint themes: {stage} {percent}",
    },
    "complaints.classifier.stage.read": {"id": "membaca label", "en": "reading labels"},
    "complaints.classifier.stage.train": {"id": "melatih model", "en": "training the model"},
    "complaints.classifier.stage.predict": {"id": "menebak tema", "en": "predicting themes"},
    "complaints.classifier.stage.done": {"id": "selesai", "en": "done"},
    "complaints.classifier.done": {
        "id": "{n} pengaduan diberi tema tebakan ({seconds} detik).",
        "en": "{n} complaints given a predicted theme ({seconds} s).",
    },
    "complaints.classifier.trained": {
        "id": "Model v{model} dilatih pada {n} pengaduan berlabel ({cpu} detik CPU).",
        "en": "Model v{model} trained on {n} labelled complaints ({cpu} s of CPU).",
    },
    "complaints.classifier.reused": {
        "id": "Label tidak berubah: model v{model} dipakai lagi.",
        "en": "Labels unchanged: model v{model} reused.",
    },
    "complaints.classifier.per_class": {
        "id": "Mutu per tema (sampel berlabel)",
        "en": "Quality per theme (labelled sample)",
    },
    "complaints.classifier.confusions": {
        "id": "Tema yang sering tertukar",
        "en": "Themes most often confused",
    },
    "complaints.col.label": {"id": "Label evaluator", "en": "Evaluator's label"},
    "complaints.col.predicted_theme": {"id": "Tebakan model", "en": "Predicted"},
    "complaints.col.share_of_predictions": {"id": "Bagian tebakan", "en": "Share of predictions"},
    "complaints.drill.abstained": {
        "id": "belum yakin (tebakan: {theme})",
        "en": "not sure yet (guess: {theme})",
    },
    "complaints.drill.evaluator": {"id": "{theme} (evaluator)", "en": "{theme} (evaluator)"},
    # labelling round
    "complaints.round.header": {"id": "Putaran pelabelan", "en": "Labelling round"},
    "complaints.round.explain": {
        "id": "Sampel acak pengaduan bertema tebakan, berstrata menurut tema tebakan. Pilih tema yang benar untuk "
        "setiap pengaduan; dari label ini dihitung mutu dan ambang keyakinan, dan label ini melatih model berikutnya.",
        "en": "A random sample of complaints with a predicted theme, stratified by predicted theme. Pick the right "
        "theme for each; quality and the confidence threshold are computed from these labels, and they train the next model.",
    },
    "complaints.round.start": {"id": "Mulai putaran ({n} pengaduan)", "en": "Start a round ({n} complaints)"},
    "complaints.round.nothing": {
        "id": "Belum ada pengaduan bertema tebakan untuk dilabeli.",
        "en": "No complaints with a predicted theme to label yet.",
    },
    "complaints.round.progress": {
        "id": "Pengaduan {done} dari {total} ({skipped} dilewati)",
        "en": "Complaint {done} of {total} ({skipped} skipped)",
    },
    "complaints.round.predicted": {
        "id": "Tebakan model: {theme} (keyakinan {confidence})",
        "en": "Model's guess: {theme} (confidence {confidence})",
    },
    "complaints.round.skip": {"id": "Lewati", "en": "Skip"},
    "complaints.round.finish": {"id": "Selesaikan putaran", "en": "Finish the round"},
    "complaints.round.all_done": {
        "id": "Semua pengaduan dalam sampel sudah dilihat. Selesaikan putaran untuk memilih ambang dan melatih ulang.",
        "en": "Every complaint in the sample has been seen. Finish the round to choose the threshold and retrain.",
    },
    "complaints.round.finished": {
        "id": "Putaran selesai: {n} label tersimpan. Model dilatih ulang di latar belakang.",
        "en": "Round finished: {n} labels saved. The model is retrained in the background.",
    },
    # theme list and topic mapping
    "complaints.themes.editor": {
        "id": "Daftar tema dan pemetaan topik sumber",
        "en": "Theme list and source-topic mapping",
    },
    "complaints.themes.editor_help": {
        "id": "Tema adalah data: ubah nama, urutan, tema pelatihan yang dituju, atau nonaktifkan. Kunci baru: huruf kecil dan garis bawah.",
        "en": "Themes are data: change names, order, the training theme they point to, or switch them off. New keys: lower case and underscores.",
    },
    "complaints.themes.col.key": {"id": "Kunci", "en": "Key"},
    "complaints.themes.col.name_id": {"id": "Nama (Indonesia)", "en": "Name (Indonesian)"},
    "complaints.themes.col.name_en": {"id": "Nama (Inggris)", "en": "Name (English)"},
    "complaints.themes.col.training": {"id": "Tema pelatihan", "en": "Training theme"},
    "complaints.themes.col.active": {"id": "Aktif", "en": "Active"},
    "complaints.themes.save": {"id": "Simpan daftar tema", "en": "Save the theme list"},
    "complaints.themes.saved": {"id": "Daftar tema tersimpan.", "en": "Theme list saved."},
    "complaints.themes.bad_key": {
        "id": 'Kunci tema "{key}" tidak sah: pakai huruf kecil, angka dan garis bawah (2–40 karakter).',
        "en": 'Theme key "{key}" is not valid: use lower-case letters, digits and underscores (2–40 characters).',
    },
    "complaints.themes.duplicate": {
        "id": 'Kunci tema "{key}" dipakai dua kali.',
        "en": 'Theme key "{key}" is used twice.',
    },
    "complaints.themes.no_name": {
        "id": 'Tema "{key}" perlu nama Indonesia dan Inggris.',
        "en": 'Theme "{key}" needs an Indonesian and an English name.',
    },
    "complaints.themes.bad_training": {
        "id": 'Tema pelatihan "{value}" untuk "{key}" tidak dikenal.',
        "en": 'Training theme "{value}" for "{key}" is not known.',
    },
    "complaints.themes.none_active": {
        "id": "Minimal satu tema harus aktif.",
        "en": "At least one theme must be active.",
    },
    "complaints.themes.removed": {
        "id": "Tema tidak dapat dihapus, hanya dinonaktifkan: {keys}.",
        "en": "Themes cannot be deleted, only switched off: {keys}.",
    },
    "complaints.themes.no_training": {"id": "(tidak ada)", "en": "(none)"},
    "complaints.mapping.header": {"id": "Topik sumber → tema", "en": "Source topic → theme"},
    "complaints.mapping.help": {
        "id": "Topik dari kanal pengaduan (mis. kolom topik/kategori) dipetakan sekali ke tema; pengaduan dengan topik "
        "terpetakan dihitung sebagai berlabel sumber, bukan tebakan.",
        "en": "Topics from the complaint channel (e.g. its topic/category column) are mapped once to a theme; "
        "complaints with a mapped topic count as labelled by the source, not predicted.",
    },
    "complaints.mapping.col.topic": {"id": "Topik sumber", "en": "Source topic"},
    "complaints.mapping.col.theme": {"id": "Tema", "en": "Theme"},
    "complaints.mapping.none": {
        "id": "Belum ada topik sumber pada pengaduan.",
        "en": "No source topics on complaints yet.",
    },
    "complaints.mapping.all_themes": {
        "id": "Setiap topik sumber pada pengaduan sudah berupa tema: tidak ada yang perlu dipetakan.",
        "en": "Every source topic on the complaints already is a theme: nothing to map.",
    },
    "complaints.mapping.save": {"id": "Simpan pemetaan", "en": "Save the mapping"},
    "complaints.mapping.saved": {"id": "{n} topik dipetakan ulang.", "en": "{n} topics remapped."},
    "complaints.mapping.unknown_theme": {
        "id": 'Tema "{theme}" untuk "{topic}" tidak ada dalam daftar tema.',
        "en": 'Theme "{theme}" for "{topic}" is not in the theme list.',
    },
    "complaints.col.precision": {"id": "Presisi", "en": "Precision"},
    "complaints.col.recall": {"id": "Recall", "en": "Recall"},
    "complaints.col.f1": {"id": "F1", "en": "F1"},
    "complaints.col.support": {"id": "n", "en": "n"},
    # CLI
    "complaints.cli.help": {
        "id": "Ringkasan pengaduan per unit: jumlah, tingkat per 1.000 layanan, waktu penyelesaian, tunggakan, lonjakan.",
        "en": "Complaint summary per unit: counts, rate per 1,000 services, resolution time, backlog, spikes.",
    },
    "complaints.cli.bad_settings": {
        "id": "--recent-months harus ≥ 1 dan --alpha antara 0 dan 1.",
        "en": "--recent-months must be ≥ 1 and --alpha between 0 and 1.",
    },
    "complaints.cli.bad_dates": {
        "id": "Tanggal awal ({start}) sesudah tanggal akhir ({end}).",
        "en": "Start date ({start}) is after end date ({end}).",
    },
}
