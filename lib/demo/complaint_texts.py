"""What citizens write when they complain: phrase banks and a composer.

Texts are in citizens' own voice (abbreviations, slang, missing punctuation),
built from a theme's phrases plus context, so that a TF-IDF classifier can
learn the themes but not perfectly: some texts mix two themes, some are vague,
and a share of the stored labels is wrong, as in any real complaint log. Some
texts carry a phone number, a NIK or an e-mail address so that masking can be
tested; all of them are fake (random digits; NIKs use the Medan prefix 1275).
"""

from __future__ import annotations

import random
import re

THEMES = ("waktu", "perilaku", "biaya", "prosedur", "sarana", "informasi", "sistem", "lainnya")

PHRASES: dict[str, tuple[str, ...]] = {
    "waktu": (
        "antri lama banget dari pagi",
        "sudah nunggu 3 jam belum juga dipanggil",
        "KTP saya sudah 2 bulan belum jadi",
        "katanya 3 hari ternyata sudah sebulan belum selesai",
        "nomor antrian sudah habis jam 9 pagi",
        "pelayanannya lambat sekali",
        "disuruh balik lagi minggu depan terus",
        "tidak ada kepastian kapan selesai",
        "loket baru buka jam 10 padahal jadwalnya jam 8",
        "petugas istirahat lama, warga disuruh nunggu",
        "antrean mengular sampai ke luar",
        "berkas saya sudah masuk dari bulan lalu masih diproses",
        "nunggu dokter sampai siang baru diperiksa",
        "prosesnya lama kali",
        "sudah tiga kali datang belum siap juga",
        "antrinya dari subuh",
        "lama kali pelayanannya",
        "sampai sore belum dilayani",
    ),
    "perilaku": (
        "petugasnya jutek",
        "saya dibentak sama petugas",
        "pegawainya main hp terus waktu melayani",
        "petugas tidak ramah sama sekali",
        "petugas ketus dan tidak sopan",
        "ngomongnya kasar ke orang tua",
        "dicuekin waktu nanya",
        "pegawai merokok di ruang pelayanan",
        "yang kenal didahulukan, pilih kasih",
        "pegawainya sering tidak ada di tempat",
        "petugas datang telat terus",
        "marah-marah sama warga",
        "cara ngomongnya merendahkan",
        "petugas sibuk ngobrol sendiri",
        "satpamnya galak",
        "perawatnya judes",
    ),
    "biaya": (
        "diminta uang pelicin",
        "dimintai 50 ribu biar cepat",
        "katanya gratis tapi disuruh bayar",
        "ada pungli di loket",
        "calo berkeliaran di depan kantor",
        "biayanya tidak sesuai aturan",
        "disuruh bayar uang administrasi tanpa kwitansi",
        "harus kasih uang rokok dulu baru diurus",
        "diminta uang 200 ribu untuk percepatan",
        "tarif parkir di kantor kemahalan",
        "ada biaya tambahan yang tidak jelas",
        "oknum minta uang terima kasih",
        "bayar 100 ribu baru bisa jadi hari itu juga",
    ),
    "prosedur": (
        "persyaratannya berbelit-belit",
        "syaratnya beda-beda tiap petugas",
        "disuruh fotokopi berkali-kali",
        "harus bolak balik ke kelurahan dan kecamatan",
        "berkas ditolak tanpa alasan jelas",
        "alurnya membingungkan",
        "surat pengantar RT/RW harus diulang",
        "diminta surat yang tidak ada di persyaratan",
        "disuruh lengkapi berkas lagi padahal sudah lengkap",
        "harus ke tiga meja berbeda untuk satu surat",
        "legalisir harus di tempat lain dulu",
        "syarat di website beda dengan syarat di loket",
        "disuruh bawa saksi dua orang padahal tidak perlu",
    ),
    "sarana": (
        "ruang tunggunya panas, kipas rusak",
        "kursinya kurang, banyak yang berdiri",
        "toiletnya kotor dan bau",
        "parkirannya sempit sekali",
        "AC nya mati",
        "tidak ada fasilitas untuk lansia dan disabilitas",
        "atapnya bocor kalau hujan",
        "mesin antriannya rusak",
        "tidak ada air minum",
        "lampunya mati di ruang tunggu",
        "tidak ada ruang laktasi",
        "printer rusak jadi tidak bisa cetak",
        "jalan masuk ke kantor becek dan berlubang",
    ),
    "informasi": (
        "informasi jadwal tidak jelas",
        "tidak ada papan informasi persyaratan",
        "telepon kantor tidak pernah diangkat",
        "info di website beda dengan di loket",
        "tidak ada pengumuman kalau layanan tutup",
        "nanya di WA tidak dibalas",
        "jam pelayanan tidak diumumkan",
        "tidak tahu harus ke bagian mana",
        "instagram kantornya tidak pernah update",
        "informasi dari petugas berbeda-beda",
        "tidak ada petugas informasi di depan",
    ),
    "sistem": (
        "aplikasinya error terus",
        "websitenya tidak bisa diakses",
        "servernya down terus",
        "katanya sistem offline dari pusat",
        "gagal upload berkas di aplikasi",
        "kode OTP tidak masuk-masuk",
        "antrian online selalu penuh padahal loket sepi",
        "data saya tidak sinkron di sistem",
        "aplikasi pendaftaran online sering gangguan",
        "tidak bisa login ke aplikasinya",
        "QR code nya tidak terbaca",
        "status permohonan di aplikasi tidak berubah-ubah",
    ),
    "lainnya": (
        "lampu jalan di depan kantor mati",
        "depan kantor banjir kalau hujan",
        "mohon info pencairan bansos",
        "banyak pedagang di trotoar depan kantor",
        "jalan menuju kantor rusak parah",
        "sampah menumpuk di samping kantor",
        "ada anjing liar di halaman kantor",
        "tolong pasang polisi tidur di depan kantor",
        "drainase tersumbat",
        "mau tanya program beasiswa",
        "mohon bantuan renovasi rumah",
    ),
}

VAGUE = (
    "pelayanannya buruk sekali",
    "kecewa dengan pelayanan di sini",
    "tolong diperbaiki pelayanannya",
    "sangat tidak memuaskan",
    "pelayanan publik kok begini",
    "mohon perhatian bapak walikota",
)

OPENERS = (
    "",
    "",
    "",
    "Selamat siang pak/bu,",
    "Mohon ditindaklanjuti.",
    "Saya mau komplain.",
    "Tolong diperhatikan,",
    "Kepada Yth. Bapak Walikota Medan,",
    "Min,",
    "Assalamualaikum,",
    "Pak, bu,",
    "Lapor,",
    "Sekedar info,",
)
CLOSERS = (
    "",
    "",
    "",
    "Mohon perbaikannya.",
    "Terima kasih.",
    "Tolong ditindak tegas!",
    "Kecewa sekali.",
    "Gimana ini pak?",
    "Mohon segera ditindaklanjuti.",
    "Harap diperbaiki.",
    "Masa begini terus.",
    "Tolong dievaluasi petugasnya.",
    "Semoga ada perbaikan.",
)
ERRANDS: dict[str, tuple[str, ...]] = {
    "kelurahan": (
        "urus surat domisili",
        "minta surat pengantar KTP",
        "urus SKTM",
        "urus surat ahli waris",
        "urus surat keterangan usaha",
    ),
    "kecamatan": ("urus KTP", "rekam KTP-el", "urus KK", "legalisir dokumen", "urus surat ahli waris"),
    "dukcapil": (
        "urus KTP",
        "cetak KTP-el",
        "urus KK",
        "bikin akta lahir anak",
        "urus akta kematian",
        "urus surat pindah",
        "bikin KIA anak",
    ),
    "puskesmas": (
        "berobat",
        "bawa anak imunisasi",
        "periksa kehamilan",
        "cabut gigi",
        "cek lab",
        "minta surat sehat",
    ),
    "rumah_sakit": (
        "berobat jalan",
        "bawa ibu ke IGD",
        "ambil obat di farmasi",
        "kontrol ke poli",
        "rawat inap",
    ),
    "perizinan": ("urus izin usaha", "urus PBG", "urus izin praktik", "urus NIB"),
    "perhubungan": ("uji KIR", "urus izin trayek", "urus parkir"),
    "uji_kendaraan": ("uji KIR", "perpanjang buku uji"),
    "sosial": ("daftar DTKS", "urus bansos", "urus PBI BPJS"),
    "trantib": ("lapor gangguan ketertiban", "lapor PKL liar"),
    "kepegawaian": ("urus kenaikan pangkat", "urus pensiun", "urus cuti"),
    "pajak": ("bayar PBB", "urus BPHTB", "urus keberatan pajak"),
    "pendidikan": ("legalisir ijazah", "urus pindah sekolah anak"),
    "sekolah": ("daftar sekolah anak", "legalisir ijazah", "urus pindah sekolah"),
    "lingkungan": ("urus angkutan sampah", "urus izin lingkungan"),
    "laboratorium": ("periksa lab", "uji air sumur"),
    "ketenagakerjaan": ("urus kartu kuning", "daftar pelatihan kerja"),
    "tata_ruang": ("urus KRK", "urus PBG"),
    "perpustakaan": ("pinjam buku", "bikin kartu anggota"),
}
CONTEXTS = (
    "Saya {errand} di {place},",
    "Tadi {errand} ke {place},",
    "Waktu {errand} di {place}",
    "Di {place},",
    "Kemarin saya ke {place} mau {errand},",
    "{place}:",
    "Mau {errand} di {place} tapi",
    "Anak saya {errand} di {place},",
)

#: Formal word -> what people type.
SLANG: dict[str, tuple[str, ...]] = {
    "yang": ("yg",),
    "tidak": ("tdk", "gak", "ga", "nggak", "gk"),
    "sudah": ("udh", "udah", "sdh"),
    "banget": ("bgt", "kali"),
    "sama": ("sm",),
    "dengan": ("dgn",),
    "karena": ("krn", "karna"),
    "untuk": ("utk",),
    "saja": ("aja",),
    "tolong": ("tlg",),
    "terus": ("mulu", "trs"),
    "belum": ("blm",),
    "bapak": ("bpk",),
    "juga": ("jg",),
    "sekali": ("kali", "bgt"),
    "lagi": ("lg",),
    "kalau": ("kalo", "klo"),
    "saya": ("sy", "aku"),
    "minggu": ("mgg",),
    "gimana": ("gmn",),
    "petugas": ("ptgs",),
    "padahal": ("pdhl",),
    "terima kasih": ("makasih", "trims", "tq"),
    "error": ("eror",),
    "jam": ("jm",),
}
_SLANG_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, SLANG), key=len, reverse=True)) + r")\b", re.IGNORECASE
)

_FIRST_NAMES = (
    "budi",
    "sitiaisyah",
    "rahmat",
    "dewi",
    "hotman",
    "rina",
    "andi",
    "nurul",
    "joko",
    "lasma",
    "fitri",
)
_DOMAINS = ("gmail.com", "gmail.com", "yahoo.com", "yahoo.co.id", "outlook.com")


def fake_phone(rnd: random.Random) -> str:
    prefix = rnd.choice(("0812", "0813", "0821", "0822", "0852", "0853", "0877", "0896"))
    digits = "".join(rnd.choice("0123456789") for _ in range(rnd.choice((7, 8))))
    style = rnd.random()
    if style < 0.5:
        return prefix + digits
    if style < 0.8:
        return f"{prefix}-{digits[:4]}-{digits[4:]}"
    return f"+62 {prefix[1:]} {digits[:4]} {digits[4:]}"


def fake_nik(rnd: random.Random) -> str:
    """16 digits in NIK layout: 1275 (Kota Medan), district, birth date (+40 for women), serial."""
    day = rnd.randint(1, 28) + (40 if rnd.random() < 0.5 else 0)
    return f"1275{rnd.randint(1, 21):02d}{day:02d}{rnd.randint(1, 12):02d}{rnd.randint(60, 99):02d}{rnd.randint(1, 9999):04d}"


def fake_email(rnd: random.Random) -> str:
    return f"{rnd.choice(_FIRST_NAMES)}{rnd.randint(1, 999)}@{rnd.choice(_DOMAINS)}"


def _personal_data(rnd: random.Random) -> str:
    kind = rnd.random()
    if kind < 0.55:
        return rnd.choice(("Hubungi saya di {}", "WA saya {}", "No HP {}", "bisa telp ke {}")).format(
            fake_phone(rnd)
        )
    if kind < 0.8:
        return rnd.choice(("NIK saya {}", "atas nama NIK {}", "NIK: {}")).format(fake_nik(rnd))
    return rnd.choice(("email saya {}", "balas ke {}", "Email: {}")).format(fake_email(rnd))


def _slangify(rnd: random.Random, text: str, intensity: float) -> str:
    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        if rnd.random() >= intensity:
            return word
        return rnd.choice(SLANG[word.lower()])

    text = _SLANG_RE.sub(replace, text)
    if intensity > 0.6:
        text = text.lower()
        if rnd.random() < 0.5:
            text = text.replace(",", "").replace(".", "")
    if intensity > 0.5 and rnd.random() < 0.3:
        text = re.sub(r"(a|i|u)\b", lambda m: m.group(1) * rnd.randint(2, 4), text, count=1)
    return text


def compose(
    rnd: random.Random,
    theme: str,
    *,
    errand_key: str,
    place: str,
    mixed_with: str | None = None,
    vague: bool = False,
    personal_data: bool = False,
) -> str:
    """One complaint text about ``theme`` (or vague), optionally mixing in a second theme."""
    parts = [rnd.choice(OPENERS)]
    if rnd.random() < 0.7:
        errand = rnd.choice(ERRANDS.get(errand_key, ("urus surat",)))
        parts.append(rnd.choice(CONTEXTS).format(errand=errand, place=place))
    if vague:
        parts.append(rnd.choice(VAGUE))
    else:
        phrases = PHRASES[theme]
        parts.append(rnd.choice(phrases))
        if rnd.random() < 0.35:
            parts.append(
                rnd.choice(("dan", "terus", "apalagi", "sudah itu", "ditambah")) + " " + rnd.choice(phrases)
            )
    if mixed_with:
        parts.append(
            rnd.choice(("Selain itu", "Lagipula", "Terus", "Belum lagi"))
            + " "
            + rnd.choice(PHRASES[mixed_with])
        )
    if rnd.random() < 0.25:
        parts.append(rnd.choice(VAGUE))
    parts.append(rnd.choice(CLOSERS))
    if personal_data:
        parts.append(_personal_data(rnd))
    text = " ".join(p for p in parts if p).strip()
    text = text[0].upper() + text[1:] if text else text
    return _slangify(rnd, text, rnd.random())
