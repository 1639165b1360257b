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
    # statuses
    "complaints.status.belum": {"id": "belum ditangani", "en": "not yet handled"},
    "complaints.status.proses": {"id": "diproses", "en": "in progress"},
    "complaints.status.selesai": {"id": "selesai", "en": "resolved"},
    # sentences
    "complaints.window": {"id": "{start}–{end}", "en": "{start}–{end}"},
    "complaints.sentence.spike_total": {
        "id": "{unit}: jumlah pengaduan naik {ratio}× dari biasanya (95% CI {low}–{high}); "
        "{observed} pengaduan pada {window}, biasanya sekitar {expected}.",
        "en": "{unit}: complaints rose {ratio}× above their usual level (95% CI {low}–{high}); "
        "{observed} complaints in {window}, usually about {expected}.",
    },
    "complaints.sentence.spike_theme": {
        "id": "{unit}: pengaduan tentang {theme} naik {ratio}× dari biasanya (95% CI {low}–{high}); "
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
        "5 hari kerja (95% CI {low}–{high}; n = {n}).",
        "en": "Median time to resolution {hours} hours (under one working day); {late} of complaints exceeded the "
        "5-working-day standard (95% CI {low}–{high}; n = {n}).",
    },
    "complaints.sentence.resolution": {
        "id": "Median waktu penyelesaian {median} hari kerja; {late} pengaduan melewati standar 5 hari kerja "
        "(95% CI {low}–{high}; n = {n}).",
        "en": "Median time to resolution {median} working days; {late} of complaints exceeded the 5-working-day "
        "standard (95% CI {low}–{high}; n = {n}).",
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
        "id": "Pengaduan pada bulan yang memiliki statistik layanan ÷ jumlah layanan × 1.000 (95% CI {low}–{high}).",
        "en": "Complaints in months with service statistics ÷ services × 1,000 (95% CI {low}–{high}).",
    },
    "complaints.metric.median": {"id": "Median hari kerja selesai", "en": "Median working days"},
    "complaints.metric.median_help": {
        "id": "Median hari kerja dari pengaduan masuk sampai selesai (n = {n} pengaduan selesai).",
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
    "complaints.trend.units": {"id": "Unit yang ditampilkan", "en": "Units shown"},
    "complaints.trend.help": {
        "id": "Bawaan: unit yang tertandai lonjakan, lalu unit dengan pengaduan terbanyak.",
        "en": "Default: units flagged with a spike, then the units with most complaints.",
    },
    "complaints.trend.x": {"id": "Periode", "en": "Period"},
    "complaints.trend.y": {"id": "Jumlah pengaduan", "en": "Number of complaints"},
    "complaints.trend.expected": {"id": "{unit}: biasanya", "en": "{unit}: usual level"},
    "complaints.trend.flag": {"id": "lonjakan", "en": "spike"},
    "complaints.heatmap.header": {"id": "Unit × tema", "en": "Unit × theme"},
    "complaints.heatmap.measure": {"id": "Ukuran", "en": "Measure"},
    "complaints.heatmap.rate": {"id": "per 1.000 layanan", "en": "per 1,000 services"},
    "complaints.heatmap.count": {"id": "jumlah", "en": "count"},
    "complaints.heatmap.share": {"id": "% dari pengaduan unit", "en": "% of the unit's complaints"},
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
        "id": "Tema: {labelled} dari kategori pelapor, {predicted} tebakan pengklasifikasi, {untyped} tanpa tema.",
        "en": "Themes: {labelled} from the reporter's category, {predicted} predicted by the classifier, {untyped} without a theme.",
    },
    "complaints.resolution.header": {"id": "Waktu penyelesaian", "en": "Time to resolution"},
    "complaints.resolution.x": {"id": "Hari kerja sampai selesai", "en": "Working days to resolution"},
    "complaints.resolution.y": {"id": "Jumlah pengaduan", "en": "Number of complaints"},
    "complaints.resolution.standard": {"id": "standar 5 hari kerja", "en": "5-working-day standard"},
    "complaints.resolution.note": {
        "id": "Hari kerja = Senin–Jumat di luar libur nasional dan cuti bersama (daftar cuti bersama dapat ditambah "
        "admin: python -m lib holidays add). Dihitung dari tanggal pengaduan "
        "sampai tanggal selesai. Bagian yang lewat standar dihitung atas pengaduan selesai ditambah pengaduan "
        "terbuka yang sudah lewat 5 hari kerja. Hari di atas {cap} digabung di {cap}.",
        "en": "Working days = Monday–Friday less national holidays and cuti bersama (an admin can add cuti "
        "bersama: python -m lib holidays add). Counted from the complaint date to "
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
    "complaints.col.rate_ci": {"id": "95% CI", "en": "95% CI"},
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
    "complaints.classifier.header": {"id": "Tema otomatis", "en": "Automatic themes"},
    "complaints.classifier.quality": {
        "id": "Pengklasifikasi teks (TF-IDF kata dan karakter + regresi logistik) dilatih pada {n} pengaduan "
        "berkategori. Mutu diukur dengan validasi silang {folds} lipatan: macro-F1 {mean} ± {sd} (SD antarlipatan).",
        "en": "Text classifier (word and character TF-IDF + logistic regression) trained on {n} categorised "
        "complaints. Quality by {folds}-fold cross-validation: macro-F1 {mean} ± {sd} (SD across folds).",
    },
    "complaints.classifier.too_few": {
        "id": "Terlalu sedikit pengaduan berkategori untuk melatih pengklasifikasi (perlu minimal {n}).",
        "en": "Too few categorised complaints to train the classifier (at least {n} needed).",
    },
    "complaints.classifier.pending": {
        "id": "{n} pengaduan tanpa kategori belum diberi tema tebakan.",
        "en": "{n} uncategorised complaints have no predicted theme yet.",
    },
    "complaints.classifier.measure": {
        "id": "Ukur mutu pengklasifikasi (beberapa detik)",
        "en": "Measure the classifier's quality (a few seconds)",
    },
    "complaints.classifier.measuring": {
        "id": "Melatih dan menguji pengklasifikasi…",
        "en": "Training and testing the classifier…",
    },
    "complaints.classifier.run": {"id": "Tebak tema sekarang", "en": "Predict themes now"},
    "complaints.classifier.done": {
        "id": "{n} pengaduan diberi tema tebakan ({seconds} detik).",
        "en": "{n} complaints given a predicted theme ({seconds} s).",
    },
    "complaints.classifier.per_class": {"id": "Mutu per tema", "en": "Quality per theme"},
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
