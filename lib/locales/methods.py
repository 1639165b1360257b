"""Messages of the Metode page: how each figure is computed, in plain words, with its sources.

Every figure in these texts is a placeholder filled from the code that computes it
(:mod:`lib.ui.methods`), so the explanation cannot drift from what the app does.
"""

MESSAGES = {
    "nav.metode": {"id": "Metode", "en": "Methods"},
    "methods.title": {"id": "Metode", "en": "Methods"},
    "methods.intro": {
        "id": "Cara Telaah menghitung setiap angka, dalam kata-kata sederhana, beserta sumbernya. "
        "Halaman lain memakai istilah yang sama seperti di sini.",
        "en": "How Telaah computes each figure, in plain words, with its sources. "
        "The other pages use the same terms as this page.",
    },
    "methods.contents": {"id": "Isi halaman", "en": "Contents"},
    "methods.sources": {"id": "Sumber", "en": "Sources"},
    # --- IKM
    "methods.ikm.title": {"id": "Indeks Kepuasan Masyarakat (IKM)", "en": "Public Satisfaction Index (IKM)"},
    "methods.ikm.what": {
        "id": "Survei Kepuasan Masyarakat (SKM) menanyakan sembilan unsur pelayanan: persyaratan; "
        "sistem, mekanisme dan prosedur; waktu penyelesaian; biaya/tarif; produk layanan; kompetensi "
        "pelaksana; perilaku pelaksana; penanganan pengaduan, saran dan masukan; serta sarana dan "
        "prasarana. Setiap jawaban bernilai 1 (terburuk) sampai 4 (terbaik).",
        "en": "The public satisfaction survey (SKM) asks about nine elements (unsur) of a service: "
        "requirements; system, mechanism and procedure; time to complete; fee; the service product; "
        "staff competence; staff behaviour; handling of complaints and suggestions; and facilities. "
        "Every answer is scored from 1 (worst) to 4 (best).",
    },
    "methods.ikm.nrr": {
        "id": "**Nilai rata-rata (NRR)** tiap unsur = jumlah nilai jawaban ÷ jumlah responden yang "
        "menjawab unsur itu. Jawaban kosong tidak dihitung, bukan dianggap 0.",
        "en": "**Average score (NRR)** of an element = the sum of its answers ÷ the number of respondents "
        "who answered it. A blank answer is left out, never counted as 0.",
    },
    "methods.ikm.index": {
        "id": "**IKM** = jumlah NRR kesembilan unsur × bobot × 25, sehingga berada pada skala 25–100. "
        "Peraturan mencetak bobot {weight} (1/9 yang dibulatkan); Telaah memakainya sebagai bawaan agar "
        "angkanya sama dengan laporan resmi, sehingga nilai sempurna menjadi {perfect}, bukan 100. Bobot "
        "pasti 1/9 dapat dipilih di halaman Kepuasan Masyarakat, dan bobot yang dipakai selalu disebutkan.",
        "en": "**IKM** = the sum of the nine NRR × weight × 25, which puts it on a 25–100 scale. The "
        "regulation prints the weight as {weight} (1/9 rounded); Telaah uses it by default so that its "
        "figures match official reports, which makes a perfect score {perfect}, not 100. The exact weight "
        "1/9 can be chosen on the Public satisfaction page, and the weight used is always stated.",
    },
    "methods.ikm.grades": {
        "id": "**Mutu pelayanan** dibaca dari IKM yang dibulatkan dua desimal: A (Sangat Baik) mulai "
        "{a}, B (Baik) mulai {b}, C (Kurang Baik) mulai {c}, di bawahnya D (Tidak Baik). NRR tiap unsur "
        "dinilai dengan batas yang sama pada skala 1–4: A mulai {a4}, B mulai {b4}, C mulai {c4}.",
        "en": "**Service grade** is read from the IKM rounded to two decimals: A (Very good) from {a}, "
        "B (Good) from {b}, C (Poor) from {c}, below that D (Very poor). Each element's NRR is graded "
        "with the same bands on the 1–4 scale: A from {a4}, B from {b4}, C from {c4}.",
    },
    "methods.ikm.example": {
        "id": "Contoh: {n} responden dengan jumlah nilai unsur 1–9 sebesar {totals} memberi NRR {nrr}; "
        "IKM {ikm} dengan bobot {weight} ({ikm_exact} dengan bobot 1/9), mutu {grade}.",
        "en": "Example: {n} respondents whose answers to elements 1–9 add up to {totals} give NRR {nrr}; "
        "IKM {ikm} with weight {weight} ({ikm_exact} with weight 1/9), grade {grade}.",
    },
    "methods.ikm.source.reg": {
        "id": "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan "
        "Masyarakat Unit Penyelenggara Pelayanan Publik",
        "en": "Regulation of the Minister for Administrative and Bureaucratic Reform (PermenPANRB) "
        "No. 14 of 2017 on guidelines for public satisfaction surveys of public service units",
    },
    # --- sample size
    "methods.sample.title": {"id": "Jumlah responden minimal", "en": "Minimum number of respondents"},
    "methods.sample.why": {
        "id": "IKM sebuah unit hanya dapat dipercaya bila respondennya cukup banyak dibanding jumlah orang "
        "yang dilayaninya. Pedoman SKM merujuk rumus Krejcie & Morgan: n = χ² · N · P(1 − P) ÷ "
        "(d² · (N − 1) + χ² · P(1 − P)), dengan N jumlah orang yang dilayani unit dalam setahun, "
        "χ² = {chi2}, P = {p} dan d = {d} (batas kesalahan 5%).",
        "en": "A unit's IKM can be trusted only when enough of the people it serves answered. The SKM "
        "guideline refers to Krejcie & Morgan's formula: n = χ² · N · P(1 − P) ÷ (d² · (N − 1) + "
        "χ² · P(1 − P)), where N is the number of people the unit serves in a year, χ² = {chi2}, "
        "P = {p} and d = {d} (a 5% margin of error).",
    },
    "methods.sample.examples": {
        "id": "Misalnya N = {n1} → minimal {s1} responden; N = {n2} → {s2}; N = {n3} → {s3}; "
        "untuk N yang sangat besar → {s4}.",
        "en": "For example N = {n1} → at least {s1} respondents; N = {n2} → {s2}; N = {n3} → {s3}; "
        "for a very large N → {s4}.",
    },
    "methods.sample.warning": {
        "id": "Unit yang respondennya di bawah minimum tetap ditampilkan IKM-nya, dengan tanda ⚠: "
        "angkanya kurang pasti, bukan salah. Bila jumlah orang yang dilayani tidak diketahui, minimum "
        "tidak dihitung dan tidak ada tanda.",
        "en": "A unit with fewer respondents than its minimum still gets its IKM, marked ⚠: the figure "
        "is less certain, not wrong. When the number of people served is unknown, no minimum is "
        "computed and no mark is shown.",
    },
    # --- Kirkpatrick
    "methods.kirkpatrick.title": {
        "id": "Empat tingkat evaluasi pelatihan (Kirkpatrick)",
        "en": "The four levels of training evaluation (Kirkpatrick)",
    },
    "methods.kirkpatrick.intro": {
        "id": "Pelatihan dinilai pada empat tingkat, dari yang paling mudah diukur sampai yang paling "
        "berarti bagi warga.",
        "en": "Training is judged at four levels, from the easiest to measure to the one that matters "
        "most to citizens.",
    },
    "methods.kirkpatrick.l1": {
        "id": "**1. Reaksi.** Peserta menilai materi, pengajar dan manfaat pelatihan bagi pekerjaannya "
        "(skala {smin}–{smax}). Ditampilkan rata-rata dengan IK 95% dan bagian peserta yang memberi "
        "nilai {fav} atau lebih. Puas belum tentu belajar.",
        "en": "**1. Reaction.** Participants rate the material, the trainer and the training's use in "
        "their work (scale {smin}–{smax}). Shown as means with a 95% CI and the share of ratings of "
        "{fav} or more. Being pleased is not the same as having learnt.",
    },
    "methods.kirkpatrick.l2": {
        "id": "**2. Pembelajaran.** Nilai pre-test dan post-test (0–100) dari orang yang sama "
        "dibandingkan berpasangan. Uji t berpasangan; bila pasangan kurang dari {wn} atau kenaikannya "
        "tidak menyebar normal, uji peringkat Wilcoxon menjadi uji utama. Besar efek d_z = rata-rata "
        "kenaikan ÷ simpangan baku kenaikan; sebagai tolok ukur, pelatihan pada umumnya mencapai sekitar "
        "d = {yardstick}. Gain Hake g = (post − pre) ÷ (100 − pre) menunjukkan bagian dari ruang "
        "perbaikan yang tercapai: rendah di bawah {low}, sedang {low}–{high}, tinggi di atas {high}. "
        "Peserta yang hanya mengikuti salah satu tes dihitung dan dilaporkan, tidak dibuang diam-diam.",
        "en": "**2. Learning.** The same person's pre-test and post-test (0–100) are compared in pairs. "
        "A paired t-test; with fewer than {wn} pairs, or gains that are not spread normally, the "
        "Wilcoxon signed-rank test is the main test. Effect size d_z = mean gain ÷ standard deviation of "
        "the gains; as a yardstick, training typically reaches about d = {yardstick}. Hake's gain "
        "g = (post − pre) ÷ (100 − pre) is the share of the room for improvement that was achieved: "
        "low below {low}, medium {low}–{high}, high above {high}. Participants who sat only one of the "
        "tests are counted and reported, never silently dropped.",
    },
    "methods.kirkpatrick.l3": {
        "id": "**3. Perilaku.** Nilai kinerja (SKP) peserta sebelum dan sesudah pelatihan, dibandingkan "
        "dengan perubahan rekan yang tidak mengikuti pelatihan pada periode yang sama (lihat bagian "
        "berikutnya).",
        "en": "**3. Behaviour.** Participants' performance ratings (SKP) before and after training, "
        "compared with the change among colleagues who took no training in the same period (see the "
        "next section).",
    },
    "methods.kirkpatrick.l4": {
        "id": "**4. Hasil.** IKM, angka pengaduan dan waktu layanan unit sebelum dan sesudah stafnya "
        "dilatih, dibandingkan dengan unit yang belum dilatih (lihat bagian berikutnya).",
        "en": "**4. Results.** A unit's IKM, complaint rate and service times before and after its staff "
        "were trained, compared with units not yet trained (see the next section).",
    },
    # --- difference-in-differences
    "methods.did.title": {
        "id": "Dampak pelatihan: sebelum–sesudah dengan pembanding",
        "en": "Training impact: before and after, against a comparison group",
    },
    "methods.did.idea": {
        "id": "Membandingkan sebelum dan sesudah saja menyesatkan, karena banyak hal berubah bersamaan "
        "(reformasi, musim, aplikasi baru). Maka perubahan pada kelompok yang dilatih dikurangi "
        "perubahan pada kelompok pembanding yang belum dilatih pada periode yang sama "
        "(*difference-in-differences*). Selisih yang tersisa adalah perkiraan dampak pelatihan.",
        "en": "Comparing before with after alone misleads, because many things change at the same time "
        "(reforms, seasons, a new application). So the change in the trained group is reduced by the "
        "change in a comparison group not yet trained over the same period (*difference-in-differences*). "
        "What remains is the estimated effect of the training.",
    },
    "methods.did.staggered": {
        "id": "Unit-unit dilatih pada waktu yang berbeda. Regresi lama (*two-way fixed effects*) lalu "
        "ikut membandingkan unit yang baru dilatih dengan unit yang sudah dilatih lebih dulu, dan bisa "
        "sangat bias. Telaah memakai penduga Callaway & Sant'Anna (2021): unit yang mulai dilatih pada "
        "triwulan yang sama dibandingkan hanya dengan unit yang belum (atau tidak pernah) dilatih, lalu "
        "hasilnya dirata-ratakan menurut jarak waktu sejak pelatihan (*event study*).",
        "en": "Units are trained at different times. The older regression (*two-way fixed effects*) then "
        "also compares newly trained units with units trained earlier, and can be badly biased. Telaah "
        "uses the estimator of Callaway & Sant'Anna (2021): units that started training in the same "
        "quarter are compared only with units not yet (or never) trained, and the results are averaged "
        "by the time since training (*event study*).",
    },
    "methods.did.pretrends": {
        "id": "Triwulan sebelum pelatihan juga ditampilkan dan diuji (*pre-trend*): bila unit yang dilatih "
        "sudah bergerak berbeda sebelum pelatihan, perbandingannya tidak adil. Waspadai regresi ke "
        "rata-rata: unit terburuk yang dikirim berlatih cenderung sedikit membaik dengan sendirinya.",
        "en": "The quarters before training are shown and tested too (*pre-trends*): if the trained units "
        "were already moving differently before training, the comparison is not fair. Beware of "
        "regression to the mean: the worst units, the ones sent to training, tend to improve a little "
        "by themselves.",
    },
    "methods.did.behaviour": {
        "id": "Untuk kinerja pegawai (tingkat 3) perbandingan yang sama dilakukan per orang: peserta "
        "dibandingkan dengan rekan yang tidak mengikuti pelatihan apa pun pada periode itu, per kelompok "
        "waktu pelatihan (*stacked difference-in-differences*).",
        "en": "For employees' performance (level 3) the same comparison is made per person: participants "
        "against colleagues who took no training at all in that period, per training-time cohort "
        "(*stacked difference-in-differences*).",
    },
    "methods.did.uncertainty": {
        "id": "Rentang ketidakpastian (IK 95%) memakai distribusi t, karena jumlah unit di satu kota sedikit.",
        "en": "The uncertainty ranges (95% CI) use the t distribution, because a city has few units.",
    },
    # --- complaint spikes
    "methods.spikes.title": {"id": "Deteksi lonjakan pengaduan", "en": "Detecting rises in complaints"},
    "methods.spikes.own": {
        "id": "Pertanyaan seorang camat adalah \u201capakah kelurahan ini memburuk?\u201d, bukan "
        "\u201capakah lebih besar dari yang lain?\u201d. Maka setiap unit (dan setiap tema pengaduannya) "
        "dibandingkan dengan dirinya sendiri: pengaduan {recent} bulan lengkap terakhir dibandingkan dengan "
        "{baseline} bulan sebelumnya. Unit dengan riwayat kurang dari {min_baseline} bulan tidak diuji.",
        "en": "A camat asks \u201cis this kelurahan getting worse?\u201d, not \u201cis it bigger than the "
        "others?\u201d. So every unit (and each of its complaint themes) is compared with itself: "
        "complaints in the last {recent} complete months against the {baseline} months before. A unit "
        "with less than {min_baseline} months of history is not tested.",
    },
    "methods.spikes.overdispersion": {
        "id": "Jumlah pengaduan naik-turun lebih liar daripada kebetulan murni (kampanye, unggahan viral). "
        "Keragaman berlebih ini (*overdispersion*) diukur dari data semua unit dan diperhitungkan, "
        "sehingga naik-turun yang biasa tidak dianggap tanda bahaya. Bila riwayatnya cukup panjang, pola "
        "musiman kota juga diperhitungkan.",
        "en": "Complaint counts swing more widely than pure chance would (campaigns, viral posts). This "
        "extra variation (*overdispersion*) is measured from all units' data and allowed for, so ordinary "
        "ups and downs are not taken as alarms. When the history is long enough, the city's seasonal "
        "pattern is allowed for too.",
    },
    "methods.spikes.fdr": {
        "id": "Karena banyak unit dan tema diuji sekaligus, sebagian akan tampak naik hanya karena "
        "kebetulan. Nilai p disesuaikan dengan prosedur Benjamini–Hochberg: dari lonjakan yang ditandai, "
        "rata-rata paling banyak {alpha} adalah alarm palsu. Hanya kenaikan yang ditandai, dan hanya bila "
        "ada paling sedikit {min_observed} pengaduan dalam periode terakhir.",
        "en": "Because many units and themes are tested at once, some would seem to rise by chance alone. "
        "The p-values are adjusted with the Benjamini–Hochberg procedure: of the rises flagged, on "
        "average at most {alpha} are false alarms. Only rises are flagged, and only with at least "
        "{min_observed} complaints in the recent period.",
    },
    # --- 20 JP
    "methods.jp.title": {"id": "Aturan {jp} JP", "en": "The {jp}-JP rule"},
    "methods.jp.rule": {
        "id": "Setiap ASN mendapat pengembangan kompetensi paling sedikit {jp} JP (jam pelajaran) "
        "setahun; 1 JP = {minutes} menit.",
        "en": "Every civil servant (ASN) is to receive at least {jp} JP (learning hours) of competency "
        "development a year; 1 JP = {minutes} minutes.",
    },
    "methods.jp.count": {
        "id": "Telaah menjumlahkan JP setiap program yang diikuti seorang pegawai (lulus maupun tidak "
        "lulus; yang tidak hadir tidak mendapat JP) pada tahun program itu berakhir, lalu menghitung per "
        "unit bagian pegawai yang mencapai {jp} JP.",
        "en": "Telaah adds up the JP of every programme an employee attended (passed or not; an absentee "
        "earns none) in the year the programme ended, then counts per unit the share of employees who "
        "reached {jp} JP.",
    },
    # --- priority
    "methods.priority.title": {"id": "Skor prioritas pelatihan", "en": "Training priority score"},
    "methods.priority.idea": {
        "id": "Skor prioritas membantu memilih unit yang paling perlu dilatih lebih dahulu. Skor ini "
        "mengukur seberapa jauh setiap unit dari standar yang berlaku (antara lain mutu pelayanan menurut "
        "IKM, penanganan pengaduan, dan {jp} JP per pegawai) dan menggabungkan jarak-jarak itu menjadi "
        "satu angka.",
        "en": "The priority score helps choose the units that most need training first. It measures how "
        "far each unit is from the standards that apply (among them the service grade by IKM, complaint "
        "handling, and {jp} JP per employee) and combines those distances into one figure.",
    },
    "methods.priority.transparent": {
        "id": "Halaman Prioritas Pelatihan menampilkan setiap bagian skor dan bobotnya beserta bukti yang "
        "menjadi alasannya, sehingga pembaca dapat memeriksa mengapa sebuah unit berada di urutan atas. "
        "Skor adalah alat bantu diskusi, bukan keputusan.",
        "en": "The Training priorities page shows each part of the score and its weight with the evidence "
        "behind it, so a reader can check why a unit ranks high. The score supports a discussion; it is "
        "not a decision.",
    },
    "methods.priority.themes": {
        "id": "Bukti menunjuk ke tema pelatihan: layanan lambat (unsur waktu, keluhan antrean) → proses "
        "dan layanan digital; perilaku petugas → etika pelayanan dan komunikasi; kompetensi → pelatihan "
        "teknis layanan itu; persyaratan dan prosedur → standar pelayanan dan administrasi; biaya "
        "(pungutan liar) → integritas; penanganan pengaduan → pengelolaan pengaduan; pegawai di bawah "
        "{jp} JP → kebutuhan tersendiri.",
        "en": "The evidence points to training themes: slow service (the time element, complaints about "
        "waiting) → process and digital-service skills; staff behaviour → service ethics and "
        "communication; competence → technical training for that service; requirements and procedures → "
        "service standards and administration; fees (illegal charges) → integrity; complaint handling → "
        "complaint management; staff below {jp} JP → a need in their own right.",
    },
    # --- terms
    "methods.terms.title": {"id": "Istilah", "en": "Terms"},
    "methods.terms.ci": {
        "id": "**IK 95% (interval kepercayaan 95%)**: rentang tempat nilai sebenarnya kemungkinan besar "
        "berada. Makin sempit, makin pasti. Bila rentang sebuah perubahan mencakup 0, data belum cukup "
        "untuk menyatakan ada perubahan.",
        "en": "**95% CI (confidence interval)**: the range in which the true value most likely lies. The "
        "narrower, the surer. When the range of a change includes 0, the data are not enough to say "
        "that anything changed.",
    },
    "methods.terms.n": {
        "id": "**n**: banyaknya data di balik sebuah angka (responden, peserta, pegawai atau unit).",
        "en": "**n**: how much data lies behind a figure (respondents, participants, employees or units).",
    },
    "methods.terms.p": {
        "id": "**Nilai p**: seberapa mungkin perbedaan sebesar itu muncul bila sebenarnya tidak ada "
        "perubahan; di bawah {alpha} disebut bermakna. **Nilai q** adalah nilai p yang sudah disesuaikan "
        "karena banyak hal diuji sekaligus.",
        "en": "**p-value**: how likely a difference this large would be if nothing had really changed; "
        "below {alpha} it is called significant. A **q-value** is a p-value adjusted because many things "
        "were tested at once.",
    },
}
