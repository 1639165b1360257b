"""A city complaint channel's export, written by hand: the test bed for theme quality.

The demo city's complaints are about service desks (queues, staff, fees). A real
city channel (a "lapor walikota" app, WhatsApp, LAPOR!) is different: about half
of it is requests about roads, drainage, rubbish, street lights and trees, in
short chat Indonesian with slang, and each complaint carries the channel's own
``topik``, which is coarse and sometimes wrong ("Infrastruktur" for a street
light, "Lainnya" for anything). A model trained on the demo is expected to do
badly here; this corpus measures *how* badly, and how much a model trained on
the city's own labels recovers.

Everything is invented: street names are generic, no person is named, and the
composer never adds a phone number or NIK. ``true_theme`` is the theme a careful
reader would give; ``topik`` is what the channel's operator picked.
"""

from __future__ import annotations

import random

import pandas as pd

#: Theme → phrases a resident writes (the core of the complaint).
CITY_PHRASES: dict[str, tuple[str, ...]] = {
    "jalan_drainase": (
        "jalan di depan gang berlubang besar, sudah ada yang jatuh dari kereta",
        "aspal jalan rusak parah, lubangnya dalam kalau hujan nggak kelihatan",
        "parit tersumbat jadi tiap hujan air naik ke rumah warga",
        "drainase mampet, air got meluap ke jalan",
        "jalan lingkungan belum diaspal padahal sudah diusulkan di musrenbang",
        "banjir setinggi lutut tiap hujan deras karena saluran air kecil",
        "gorong-gorong ambruk di simpang, bahaya buat pengendara",
        "tolong ditimbun lubang jalan, sudah 3 bulan dibiarkan",
        "galian kabel ditinggal begitu saja, jalannya jadi rusak",
        "paritnya penuh lumpur nggak pernah dikorek",
        "jalan amblas di dekat jembatan kecil",
        "air tergenang di badan jalan berhari-hari",
        "tutup parit hilang, anak-anak bisa terperosok",
        "jalan berlubang bikin macet dan kecelakaan",
        "mohon normalisasi parit sebelum musim hujan",
        "trotoar pecah-pecah dan dipakai parkir",
    ),
    "kebersihan_sampah": (
        "sampah di TPS sudah seminggu tidak diangkut, bau sekali",
        "truk sampah nggak lewat lagi di lingkungan kami",
        "orang buang sampah sembarangan di pinggir sungai",
        "tumpukan sampah di pinggir jalan dikerubungi lalat",
        "bak sampah penuh meluber sampai ke jalan",
        "sampah pasar menumpuk dan airnya bau busuk",
        "petugas kebersihan jarang nyapu di jalan ini",
        "ada yang bakar sampah tiap malam, asapnya masuk rumah",
        "sungai penuh sampah plastik",
        "tolong sediakan tong sampah di taman",
        "bau menyengat dari tumpukan sampah dekat sekolah",
        "sampah rumah tangga tidak diangkut padahal sudah bayar retribusi kebersihan",
    ),
    "penerangan": (
        "lampu jalan mati sudah sebulan, gelap gulita kalau malam",
        "PJU di simpang rusak, rawan begal",
        "lampu penerangan jalan kedip-kedip terus lalu padam",
        "tiang lampu miring hampir roboh",
        "minta dipasang lampu jalan di gang kami, gelap sekali",
        "lampu taman tidak pernah menyala",
        "lampu jalan menyala siang hari tapi malam mati",
        "kabel lampu jalan terjuntai ke bawah, bahaya",
        "jalan gelap karena lampu PJU dicuri",
        "banyak lampu jalan padam sepanjang jalan ini",
    ),
    "pohon_taman": (
        "pohon besar di pinggir jalan sudah miring, takut tumbang",
        "dahan pohon menimpa kabel listrik",
        "mohon pemangkasan pohon, rantingnya menutup lampu jalan",
        "pohon tumbang menutup jalan sejak kemarin belum dipotong",
        "akar pohon merusak trotoar dan parit",
        "taman kota tidak terawat, rumputnya tinggi",
        "pohon di depan sekolah lapuk, bahaya buat anak-anak",
        "ranting pohon patah nyangkut di atas jalan",
        "tolong dipangkas pohon yang daunnya masuk ke kabel",
        "taman bermain rusak, ayunannya patah",
    ),
    "bantuan_sosial": (
        "nama saya ada di DTKS tapi bansos tidak pernah cair",
        "bantuan sembako salah sasaran, yang mampu malah dapat",
        "BLT belum diterima padahal tetangga sudah",
        "kartu PKH saya diblokir tanpa alasan",
        "lansia di gang kami tidak terdata bantuan",
        "minta didata untuk bantuan rumah tidak layak huni",
        "bantuan beras dipotong oleh pengurus",
        "sudah mengajukan bansos dari tahun lalu tidak ada kabar",
        "data penerima bantuan tidak diperbarui",
    ),
    "adminduk": (
        "e-KTP belum dicetak karena blangko habis",
        "kartu keluarga salah nama dan belum diperbaiki",
        "akta kelahiran anak belum terbit",
        "NIK saya tidak terdaftar di dukcapil",
        "pindah domisili tapi datanya belum berubah",
        "urus KK baru disuruh bolak balik ke disdukcapil",
        "KIA untuk anak belum bisa diurus",
        "akta kematian orang tua belum selesai",
        "perekaman KTP di kecamatan selalu penuh",
    ),
    "kesehatan": (
        "di puskesmas obatnya sering kosong",
        "BPJS ditolak di rumah sakit padahal aktif",
        "ambulans lama datang waktu ada warga sakit",
        "fogging tidak pernah dilakukan padahal banyak kasus DBD",
        "posyandu di lingkungan kami tidak jalan lagi",
        "dokter puskesmas jarang ada",
        "warga kena demam berdarah, mohon fogging",
        "pasien BPJS disuruh beli obat sendiri",
        "imunisasi anak ditunda terus",
    ),
    "pendidikan": (
        "PPDB zonasi tidak adil, rumah dekat sekolah malah tidak diterima",
        "sekolah minta uang seragam mahal",
        "atap ruang kelas bocor, anak belajar kehujanan",
        "guru honorer belum digaji tiga bulan",
        "KIP anak saya belum cair",
        "sekolah menahan ijazah karena belum bayar",
        "bangku sekolah rusak dan kurang",
        "pungutan di sekolah negeri padahal katanya gratis",
    ),
    "waktu": (
        "urus izin sudah sebulan belum selesai",
        "antri di kantor camat dari pagi sampai siang",
        "laporan saya dari bulan lalu belum ditindaklanjuti",
        "pelayanannya lambat sekali",
        "janji 3 hari ternyata 3 minggu",
    ),
    "perilaku": (
        "petugasnya jutek waktu ditanya",
        "pegawai kelurahan main hp terus waktu melayani",
        "saya dibentak petugas",
        "petugas tidak ada di tempat saat jam kerja",
        "oknum petugas bicara kasar ke warga",
    ),
    "biaya": (
        "diminta uang rokok untuk urus surat",
        "katanya gratis tapi disuruh bayar",
        "ada pungli di parkir kantor",
        "dimintai uang pelicin biar cepat",
    ),
    "prosedur": (
        "persyaratannya berubah-ubah tiap datang",
        "disuruh lengkapi berkas yang tidak ada di aturan",
        "alurnya tidak jelas, dilempar dari meja ke meja",
        "syarat surat pengantar harus dari RT RW dan lurah sekaligus",
    ),
    "informasi": (
        "tidak ada informasi jadwal pelayanan",
        "nomor pengaduan di website tidak bisa dihubungi",
        "pengumuman hasil seleksi tidak jelas",
        "tidak ada papan informasi biaya di kantor",
    ),
    "sistem": (
        "aplikasi pengaduan error terus tidak bisa kirim foto",
        "website perizinan down dari kemarin",
        "antrian online selalu penuh padahal kantor sepi",
        "OTP tidak masuk waktu daftar di aplikasi",
    ),
    "sarana": (
        "toilet kantor camat kotor dan tidak ada air",
        "ruang tunggu puskesmas panas, kipas rusak",
        "parkiran kantor sempit dan becek",
        "kursi ruang tunggu kurang, warga berdiri",
    ),
    "lainnya": (
        "mohon perhatian bapak walikota",
        "tolong ditindaklanjuti segera",
        "warga resah dengan keadaan ini",
        "bagaimana kelanjutan laporan kemarin",
        "ada anjing liar berkeliaran di kompleks",
        "tetangga buka usaha bengkel sampai larut malam, bising",
        "parkir liar di depan ruko bikin macet",
    ),
}

#: Share of a city channel's complaints per theme (infrastructure about half).
CITY_MIX: dict[str, float] = {
    "jalan_drainase": 0.22,
    "kebersihan_sampah": 0.12,
    "penerangan": 0.09,
    "pohon_taman": 0.06,
    "bantuan_sosial": 0.07,
    "adminduk": 0.07,
    "kesehatan": 0.05,
    "pendidikan": 0.04,
    "waktu": 0.05,
    "perilaku": 0.04,
    "biaya": 0.03,
    "prosedur": 0.03,
    "informasi": 0.02,
    "sistem": 0.03,
    "sarana": 0.02,
    "lainnya": 0.06,
}

#: What the channel's operator picks as ``topik`` for each true theme (with weights): coarse and noisy.
TOPIK_CHOICES: dict[str, tuple[tuple[str, float], ...]] = {
    "jalan_drainase": (
        ("Jalan Rusak", 0.45),
        ("Drainase/Banjir", 0.3),
        ("Infrastruktur", 0.2),
        ("Lainnya", 0.05),
    ),
    "kebersihan_sampah": (("Kebersihan", 0.7), ("Lingkungan Hidup", 0.25), ("Lainnya", 0.05)),
    "penerangan": (("Lampu Jalan", 0.6), ("Infrastruktur", 0.35), ("Lainnya", 0.05)),
    "pohon_taman": (
        ("Pohon/Taman", 0.55),
        ("Lingkungan Hidup", 0.3),
        ("Infrastruktur", 0.1),
        ("Lainnya", 0.05),
    ),
    "bantuan_sosial": (("Bansos", 0.8), ("Sosial", 0.15), ("Lainnya", 0.05)),
    "adminduk": (("KTP/KK", 0.85), ("Pelayanan Publik", 0.1), ("Lainnya", 0.05)),
    "kesehatan": (("Kesehatan", 0.9), ("Lainnya", 0.1)),
    "pendidikan": (("Pendidikan", 0.9), ("Lainnya", 0.1)),
    "waktu": (("Pelayanan Publik", 0.8), ("Lainnya", 0.2)),
    "perilaku": (("Pelayanan Publik", 0.6), ("Aparatur", 0.35), ("Lainnya", 0.05)),
    "biaya": (("Pungli", 0.6), ("Pelayanan Publik", 0.3), ("Lainnya", 0.1)),
    "prosedur": (("Pelayanan Publik", 0.8), ("Lainnya", 0.2)),
    "informasi": (("Pelayanan Publik", 0.6), ("Lainnya", 0.4)),
    "sistem": (("Aplikasi", 0.6), ("Pelayanan Publik", 0.3), ("Lainnya", 0.1)),
    "sarana": (("Pelayanan Publik", 0.5), ("Infrastruktur", 0.3), ("Lainnya", 0.2)),
    "lainnya": (("Lainnya", 0.8), ("Ketertiban", 0.2)),
}

#: The mapping an evaluator would enter once (topik → theme); coarse topics go to the commonest theme.
TOPIK_TO_THEME: dict[str, str] = {
    "Jalan Rusak": "jalan_drainase",
    "Drainase/Banjir": "jalan_drainase",
    "Infrastruktur": "jalan_drainase",
    "Kebersihan": "kebersihan_sampah",
    "Lingkungan Hidup": "kebersihan_sampah",
    "Lampu Jalan": "penerangan",
    "Pohon/Taman": "pohon_taman",
    "Bansos": "bantuan_sosial",
    "Sosial": "bantuan_sosial",
    "KTP/KK": "adminduk",
    "Kesehatan": "kesehatan",
    "Pendidikan": "pendidikan",
    "Pelayanan Publik": "waktu",
    "Aparatur": "perilaku",
    "Pungli": "biaya",
    "Aplikasi": "sistem",
    "Ketertiban": "lainnya",
    "Lainnya": "lainnya",
}

_PLACES = (
    "Jl. Mawar",
    "Jl. Kenanga Raya",
    "Gg. Melati",
    "Jl. Pelabuhan",
    "Lingkungan IV",
    "Kel. Sukamaju",
    "Jl. Pasar Baru",
    "komplek perumahan Griya Indah",
    "Jl. Veteran ujung",
    "Gg. Damai",
    "dekat masjid Al-Ikhlas",
    "Jl. Sisingamangaraja",
    "Lorong 7",
    "Jl. Sei Deli",
)
_OPENERS = (
    "",
    "Assalamualaikum pak,",
    "Selamat pagi,",
    "Lapor pak wali,",
    "Mohon maaf mengganggu,",
    "Tolong pak,",
    "Permisi admin,",
    "Pak, bu,",
    "Min,",
)
_LOCATORS = ("di {place}", "lokasi {place}", "tepatnya di {place}", "daerah {place}", "{place}")
_CLOSERS = (
    "",
    "Mohon segera ditindaklanjuti.",
    "Terima kasih.",
    "tolong cepat ya pak",
    "sudah lapor ke kelurahan tapi tidak ada respon",
    "warga sudah resah",
    "mksh",
    "Mohon dicek ke lapangan.",
    "sudah berkali-kali lapor",
    "semoga cepat diperbaiki",
)
_DURATIONS = ("", "sudah 2 minggu", "dari bulan lalu", "sejak lebaran", "udah lama bgt", "hampir setahun")
_SLANG = {
    "tidak": ("tdk", "gak", "ga", "nggak"),
    "sudah": ("udh", "sdh", "udah"),
    "yang": ("yg",),
    "dengan": ("dgn",),
    "karena": ("krn", "karna"),
    "belum": ("blm",),
    "tolong": ("tlg",),
    "bapak": ("bpk",),
    "jalan": ("jln", "jl"),
    "untuk": ("utk",),
}


def _slangify(rnd: random.Random, text: str) -> str:
    intensity = rnd.random()
    if intensity < 0.35:
        return text
    words = text.split(" ")
    for i, word in enumerate(words):
        choices = _SLANG.get(word.lower())
        if choices and rnd.random() < intensity:
            words[i] = rnd.choice(choices)
    text = " ".join(words)
    if intensity > 0.7:
        text = text.lower().replace(",", "").replace(".", "")
    return text


def compose_city_complaint(rnd: random.Random, theme: str) -> str:
    """One complaint about ``theme`` in a resident's words (sometimes with a second, minor issue)."""
    parts = [rnd.choice(_OPENERS), rnd.choice(CITY_PHRASES[theme])]
    parts.append(rnd.choice(_LOCATORS).format(place=rnd.choice(_PLACES)))
    parts.append(rnd.choice(_DURATIONS))
    if rnd.random() < 0.3:
        parts.append(rnd.choice(("dan", "juga", "apalagi")) + " " + rnd.choice(CITY_PHRASES[theme]))
    if rnd.random() < 0.12:
        other = rnd.choice([t for t in CITY_PHRASES if t != theme])
        parts.append("Selain itu " + rnd.choice(CITY_PHRASES[other]))
    parts.append(rnd.choice(_CLOSERS))
    text = " ".join(p for p in parts if p).strip()
    return _slangify(rnd, text)


def city_channel_complaints(n: int, *, seed: int = 14, target_chars: int | None = None) -> pd.DataFrame:
    """``n`` invented city-channel complaints: ``isi``, ``topik``, ``true_theme``.

    ``target_chars`` pads each text with more of the same complaint's context
    until it is about that long (real exports average ~300 characters), for the
    training-time benchmark.
    """
    rnd = random.Random(seed)
    themes = list(CITY_MIX)
    weights = [CITY_MIX[t] for t in themes]
    rows = []
    for _ in range(n):
        theme = rnd.choices(themes, weights)[0]
        text = compose_city_complaint(rnd, theme)
        while target_chars is not None and len(text) < target_chars:
            text += " " + compose_city_complaint(rnd, theme)
        topics, topic_weights = zip(*TOPIK_CHOICES[theme], strict=True)
        rows.append((text, rnd.choices(topics, topic_weights)[0], theme))
    return pd.DataFrame(rows, columns=["isi", "topik", "true_theme"])


def demo_desk_complaints(n: int, *, seed: int = 14) -> pd.DataFrame:
    """``n`` complaints in the demo city's style (service desks, eight themes): ``isi``, ``true_theme``.

    What a model "trained on the demo" learns from, for comparing it on a city channel.
    """
    from lib.demo.complaint_texts import ERRANDS, THEMES, compose

    rnd = random.Random(seed)
    errands = list(ERRANDS)
    rows = []
    for _ in range(n):
        theme = rnd.choice(THEMES)
        text = compose(rnd, theme, errand_key=rnd.choice(errands), place=rnd.choice(_PLACES))
        rows.append((text, theme))
    return pd.DataFrame(rows, columns=["isi", "true_theme"])
