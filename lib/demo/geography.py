"""The real administrative geography of Kota Medan that the demo city is built on.

All 21 kecamatan with their 151 kelurahan, the puskesmas run by the Dinas
Kesehatan (with the kecamatan each sits in) and the city's perangkat daerah.
Names follow the spelling of the city's own publications; codes are the
demo's own (``KEC-MBLW``, ``KEL-BLW1``) because official BPS codes would only
look authoritative without adding anything a user needs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kecamatan:
    name: str
    #: three letters used to build the kecamatan and kelurahan codes
    short: str
    kelurahan: tuple[str, ...]
    #: rough resident population in thousands (order of magnitude of the 2020s figures)
    population_k: int


KECAMATAN: tuple[Kecamatan, ...] = (
    Kecamatan(
        "Medan Tuntungan",
        "TTG",
        (
            "Baru Ladang Bambu",
            "Kemenangan Tani",
            "Lau Cih",
            "Mangga",
            "Namo Gajah",
            "Sidomulyo",
            "Simalingkar B",
            "Simpang Selayang",
            "Tanjung Selamat",
        ),
        95,
    ),
    Kecamatan(
        "Medan Johor",
        "JHR",
        ("Gedung Johor", "Kedai Durian", "Kwala Bekala", "Pangkalan Masyhur", "Suka Maju", "Titi Kuning"),
        150,
    ),
    Kecamatan(
        "Medan Amplas",
        "AMP",
        (
            "Amplas",
            "Bangun Mulia",
            "Harjosari I",
            "Harjosari II",
            "Sitirejo II",
            "Sitirejo III",
            "Timbang Deli",
        ),
        130,
    ),
    Kecamatan(
        "Medan Denai",
        "DNI",
        (
            "Binjai",
            "Denai",
            "Medan Tenggara",
            "Tegal Sari Mandala I",
            "Tegal Sari Mandala II",
            "Tegal Sari Mandala III",
        ),
        170,
    ),
    Kecamatan(
        "Medan Area",
        "ARE",
        (
            "Kota Matsum I",
            "Kota Matsum II",
            "Kota Matsum IV",
            "Pandau Hulu II",
            "Pasar Merah Timur",
            "Sei Rengas II",
            "Sei Rengas Permata",
            "Sukaramai I",
            "Sukaramai II",
            "Tegal Sari I",
            "Tegal Sari II",
            "Tegal Sari III",
        ),
        120,
    ),
    Kecamatan(
        "Medan Kota",
        "KTA",
        (
            "Kota Matsum III",
            "Mesjid",
            "Pandau Hulu I",
            "Pasar Baru",
            "Pasar Merah Barat",
            "Pusat Pasar",
            "Sei Rengas I",
            "Sitirejo I",
            "Sudirejo I",
            "Sudirejo II",
            "Teladan Barat",
            "Teladan Timur",
        ),
        80,
    ),
    Kecamatan("Medan Maimun", "MMN", ("Aur", "Hamdan", "Jati", "Kampung Baru", "Sei Mati", "Sukaraja"), 45),
    Kecamatan("Medan Polonia", "PLN", ("Anggrung", "Madras Hulu", "Polonia", "Sari Rejo", "Suka Damai"), 60),
    Kecamatan(
        "Medan Baru", "BRU", ("Babura", "Darat", "Merdeka", "Padang Bulan", "Petisah Hulu", "Titi Rantai"), 40
    ),
    Kecamatan(
        "Medan Selayang",
        "SLY",
        (
            "Asam Kumbang",
            "Beringin",
            "Padang Bulan Selayang I",
            "Padang Bulan Selayang II",
            "Sempakata",
            "Tanjung Sari",
        ),
        110,
    ),
    Kecamatan(
        "Medan Sunggal",
        "SGL",
        ("Babura Sunggal", "Lalang", "Sei Sikambing B", "Simpang Tanjung", "Sunggal", "Tanjung Rejo"),
        120,
    ),
    Kecamatan(
        "Medan Helvetia",
        "HLV",
        (
            "Cinta Damai",
            "Dwi Kora",
            "Helvetia",
            "Helvetia Tengah",
            "Helvetia Timur",
            "Sei Sikambing C II",
            "Tanjung Gusta",
        ),
        155,
    ),
    Kecamatan(
        "Medan Petisah",
        "PTS",
        (
            "Petisah Tengah",
            "Sei Putih Barat",
            "Sei Putih Tengah",
            "Sei Putih Timur I",
            "Sei Putih Timur II",
            "Sei Sikambing D",
            "Sekip",
        ),
        65,
    ),
    Kecamatan(
        "Medan Barat",
        "BRT",
        ("Glugur Kota", "Karang Berombak", "Kesawan", "Pulo Brayan Kota", "Sei Agul", "Silalas"),
        75,
    ),
    Kecamatan(
        "Medan Timur",
        "TMR",
        (
            "Durian",
            "Gaharu",
            "Gang Buntu",
            "Glugur Darat I",
            "Glugur Darat II",
            "Perintis",
            "Pulo Brayan Bengkel",
            "Pulo Brayan Bengkel Baru",
            "Pulo Brayan Darat I",
            "Pulo Brayan Darat II",
            "Sidodadi",
        ),
        115,
    ),
    Kecamatan(
        "Medan Perjuangan",
        "PJG",
        (
            "Pahlawan",
            "Pandau Hilir",
            "Sei Kera Hilir I",
            "Sei Kera Hilir II",
            "Sei Kera Hulu",
            "Sidorame Barat I",
            "Sidorame Barat II",
            "Sidorame Timur",
            "Tegal Rejo",
        ),
        100,
    ),
    Kecamatan(
        "Medan Tembung",
        "TMB",
        ("Bandar Selamat", "Bantan", "Bantan Timur", "Indra Kasih", "Sidorejo", "Sidorejo Hilir", "Tembung"),
        145,
    ),
    Kecamatan(
        "Medan Deli",
        "DLI",
        ("Kota Bangun", "Mabar", "Mabar Hilir", "Tanjung Mulia", "Tanjung Mulia Hilir", "Titi Papan"),
        190,
    ),
    Kecamatan(
        "Medan Labuhan",
        "LBH",
        ("Besar", "Martubung", "Nelayan Indah", "Pekan Labuhan", "Sei Mati", "Tangkahan"),
        125,
    ),
    Kecamatan(
        "Medan Marelan",
        "MRL",
        ("Labuhan Deli", "Paya Pasir", "Rengas Pulau", "Tanah Enam Ratus", "Terjun"),
        180,
    ),
    Kecamatan(
        "Medan Belawan",
        "BLW",
        ("Belawan I", "Belawan II", "Belawan Bahari", "Belawan Bahagia", "Belawan Sicanang", "Bagan Deli"),
        100,
    ),
)

#: Puskesmas of the Dinas Kesehatan: (code suffix, name, kecamatan). The first
#: twelve are the ones the small demo keeps (spread over the city, Belawan first).
PUSKESMAS: tuple[tuple[str, str, str], ...] = (
    ("BLW", "Puskesmas Belawan", "Medan Belawan"),
    ("MTB", "Puskesmas Martubung", "Medan Labuhan"),
    ("TRJ", "Puskesmas Terjun", "Medan Marelan"),
    ("TTP", "Puskesmas Titi Papan", "Medan Deli"),
    ("GLD", "Puskesmas Glugur Darat", "Medan Timur"),
    ("PDB", "Puskesmas Padang Bulan", "Medan Baru"),
    ("HLV", "Puskesmas Helvetia", "Medan Helvetia"),
    ("SGL", "Puskesmas Sunggal", "Medan Sunggal"),
    ("TTG", "Puskesmas Tuntungan", "Medan Tuntungan"),
    ("AMP", "Puskesmas Amplas", "Medan Amplas"),
    ("TLD", "Puskesmas Teladan", "Medan Kota"),
    ("MDL", "Puskesmas Mandala", "Medan Tembung"),
    ("MLB", "Puskesmas Medan Labuhan", "Medan Labuhan"),
    ("PKL", "Puskesmas Pekan Labuhan", "Medan Labuhan"),
    ("MDI", "Puskesmas Medan Deli", "Medan Deli"),
    ("SNB", "Puskesmas Sentosa Baru", "Medan Perjuangan"),
    ("PBR", "Puskesmas Pulo Brayan", "Medan Barat"),
    ("GLK", "Puskesmas Glugur Kota", "Medan Barat"),
    ("SAG", "Puskesmas Sei Agul", "Medan Barat"),
    ("RTG", "Puskesmas Rantang", "Medan Petisah"),
    ("DRS", "Puskesmas Darussalam", "Medan Petisah"),
    ("PTS", "Puskesmas Petisah", "Medan Petisah"),
    ("DLL", "Puskesmas Desa Lalang", "Medan Sunggal"),
    ("PBS", "Puskesmas PB Selayang", "Medan Selayang"),
    ("PS2", "Puskesmas Padang Bulan Selayang II", "Medan Selayang"),
    ("SML", "Puskesmas Simalingkar", "Medan Tuntungan"),
    ("MJH", "Puskesmas Medan Johor", "Medan Johor"),
    ("KDD", "Puskesmas Kedai Durian", "Medan Johor"),
    ("BRM", "Puskesmas Bromo", "Medan Denai"),
    ("MDN", "Puskesmas Medan Denai", "Medan Denai"),
    ("TGS", "Puskesmas Tegal Sari", "Medan Denai"),
    ("MAS", "Puskesmas Medan Area Selatan", "Medan Area"),
    ("KTM", "Puskesmas Kota Matsum", "Medan Area"),
    ("SKR", "Puskesmas Sukaramai", "Medan Area"),
    ("PSM", "Puskesmas Pasar Merah", "Medan Kota"),
    ("SPL", "Puskesmas Simpang Limun", "Medan Kota"),
    ("KPB", "Puskesmas Kampung Baru", "Medan Maimun"),
    ("PLN", "Puskesmas Polonia", "Medan Polonia"),
    ("SRG", "Puskesmas Sering", "Medan Tembung"),
)


@dataclass(frozen=True)
class Opd:
    code: str
    name: str
    kind: str
    #: key into the service catalogue when the OPD serves citizens directly (None: internal)
    service: str | None
    #: kept in the small demo
    small: bool
    #: relative head count (the RSUD and the schools' office are large)
    staff_weight: float
    #: bidang / UPT under it at city scale: (code suffix, name, kind, service)
    subunits: tuple[tuple[str, str, str, str | None], ...] = ()


_SEKRETARIAT = ("SEKRE", "Sekretariat", "sekretariat", None)

OPDS: tuple[Opd, ...] = (
    Opd(
        "SETDA",
        "Sekretariat Daerah Kota Medan",
        "sekretariat",
        None,
        True,
        6.0,
        (
            ("PEM", "Bagian Pemerintahan", "bagian", None),
            ("ORG", "Bagian Organisasi", "bagian", None),
            ("HKM", "Bagian Hukum", "bagian", None),
            ("PBJ", "Bagian Pengadaan Barang dan Jasa", "bagian", None),
        ),
    ),
    Opd(
        "SETWAN",
        "Sekretariat DPRD Kota Medan",
        "sekretariat",
        None,
        False,
        2.0,
        (
            ("UMUM", "Bagian Umum", "bagian", None),
            ("PERSID", "Bagian Persidangan dan Perundang-undangan", "bagian", None),
        ),
    ),
    Opd(
        "INSPEKTORAT",
        "Inspektorat Kota Medan",
        "inspektorat",
        None,
        False,
        2.0,
        (
            ("IRBAN1", "Inspektur Pembantu Wilayah I", "bidang", None),
            ("IRBAN2", "Inspektur Pembantu Wilayah II", "bidang", None),
        ),
    ),
    Opd(
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "badan",
        None,
        False,
        2.0,
        (
            _SEKRETARIAT,
            ("PEREKO", "Bidang Perencanaan Perekonomian dan Sumber Daya Alam", "bidang", None),
            ("PEMPEM", "Bidang Pemerintahan dan Pembangunan Manusia", "bidang", None),
        ),
    ),
    Opd(
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "badan",
        "kepegawaian",
        True,
        2.0,
        (
            _SEKRETARIAT,
            ("MUTASI", "Bidang Mutasi dan Promosi", "bidang", None),
            ("PKA", "Bidang Pengembangan Kompetensi Aparatur", "bidang", None),
            ("PENILAIAN", "Bidang Penilaian Kinerja Aparatur dan Penghargaan", "bidang", None),
        ),
    ),
    Opd(
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "badan",
        None,
        False,
        3.0,
        (
            _SEKRETARIAT,
            ("ANGGARAN", "Bidang Anggaran", "bidang", None),
            ("ASET", "Bidang Aset", "bidang", None),
        ),
    ),
    Opd(
        "BAPENDA",
        "Badan Pendapatan Daerah",
        "badan",
        "pajak",
        True,
        3.0,
        (
            _SEKRETARIAT,
            ("PBB", "Bidang Pajak Bumi dan Bangunan", "bidang", None),
            ("PDL", "Bidang Pajak Daerah Lainnya", "bidang", None),
        ),
    ),
    Opd(
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "badan",
        None,
        False,
        1.5,
        (_SEKRETARIAT, ("DARURAT", "Bidang Kedaruratan dan Logistik", "bidang", None)),
    ),
    Opd("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "badan", None, False, 1.0, (_SEKRETARIAT,)),
    Opd(
        "DINKES",
        "Dinas Kesehatan",
        "dinas",
        None,
        True,
        3.0,
        (
            _SEKRETARIAT,
            ("YANKES", "Bidang Pelayanan Kesehatan", "bidang", None),
            ("P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "bidang", None),
            ("KESMAS", "Bidang Kesehatan Masyarakat", "bidang", None),
            ("LABKESDA", "UPT Laboratorium Kesehatan Daerah", "upt", "laboratorium"),
            ("IFK", "UPT Instalasi Farmasi", "upt", None),
        ),
    ),
    Opd("RSUD-PIRNGADI", "RSUD dr. Pirngadi", "rsud", "rumah_sakit", True, 30.0),
    Opd(
        "DISDIK",
        "Dinas Pendidikan",
        "dinas",
        "pendidikan",
        True,
        3.0,
        (
            _SEKRETARIAT,
            ("SD", "Bidang Pembinaan Sekolah Dasar", "bidang", None),
            ("SMP", "Bidang Pembinaan Sekolah Menengah Pertama", "bidang", None),
            ("GTK", "Bidang Guru dan Tenaga Kependidikan", "bidang", None),
        ),
    ),
    Opd(
        "DISDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "dinas",
        "dukcapil",
        True,
        5.0,
        (
            _SEKRETARIAT,
            ("DAFDUK", "Bidang Pelayanan Pendaftaran Penduduk", "bidang", None),
            ("CAPIL", "Bidang Pelayanan Pencatatan Sipil", "bidang", None),
            ("PIAK", "Bidang Pengelolaan Informasi Administrasi Kependudukan", "bidang", None),
            ("INOVASI", "Bidang Pemanfaatan Data dan Inovasi Pelayanan", "bidang", None),
        ),
    ),
    Opd(
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "dinas",
        "perizinan",
        True,
        3.0,
        (
            _SEKRETARIAT,
            ("PELAYANAN", "Bidang Pelayanan Perizinan dan Nonperizinan", "bidang", None),
            ("PENGADUAN", "Bidang Pengaduan, Kebijakan dan Pelaporan Layanan", "bidang", None),
            ("PM", "Bidang Penanaman Modal", "bidang", None),
        ),
    ),
    Opd(
        "DISHUB",
        "Dinas Perhubungan",
        "dinas",
        "perhubungan",
        True,
        5.0,
        (
            _SEKRETARIAT,
            ("LLAJ", "Bidang Lalu Lintas dan Angkutan Jalan", "bidang", None),
            ("PARKIR", "Bidang Perparkiran", "bidang", None),
            ("PKB", "UPT Pengujian Kendaraan Bermotor", "upt", "uji_kendaraan"),
        ),
    ),
    Opd(
        "DINSOS",
        "Dinas Sosial",
        "dinas",
        "sosial",
        True,
        2.0,
        (
            _SEKRETARIAT,
            ("LINJAMSOS", "Bidang Perlindungan dan Jaminan Sosial", "bidang", None),
            ("REHSOS", "Bidang Rehabilitasi Sosial", "bidang", None),
            ("DAYASOS", "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "bidang", None),
        ),
    ),
    Opd(
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "satuan",
        "trantib",
        True,
        6.0,
        (
            _SEKRETARIAT,
            ("GAKDA", "Bidang Penegakan Peraturan Daerah", "bidang", None),
            ("TIBUM", "Bidang Ketertiban Umum dan Ketenteraman Masyarakat", "bidang", None),
        ),
    ),
    Opd(
        "DISNAKER",
        "Dinas Ketenagakerjaan",
        "dinas",
        "ketenagakerjaan",
        False,
        1.5,
        (
            _SEKRETARIAT,
            ("PENTA", "Bidang Penempatan dan Perluasan Kesempatan Kerja", "bidang", None),
            ("HI", "Bidang Hubungan Industrial dan Jaminan Sosial", "bidang", None),
        ),
    ),
    Opd(
        "DLH",
        "Dinas Lingkungan Hidup",
        "dinas",
        "lingkungan",
        True,
        6.0,
        (
            _SEKRETARIAT,
            ("PERSAMPAHAN", "Bidang Pengelolaan Sampah", "bidang", None),
            ("PPKL", "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan", "bidang", None),
            ("RTH", "Bidang Pertamanan dan Ruang Terbuka Hijau", "bidang", None),
        ),
    ),
    Opd(
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "dinas",
        None,
        True,
        1.5,
        (
            _SEKRETARIAT,
            ("APTIKA", "Bidang Aplikasi Informatika", "bidang", None),
            ("IKP", "Bidang Informasi dan Komunikasi Publik", "bidang", None),
            ("PERSANDIAN", "Bidang Persandian dan Statistik", "bidang", None),
        ),
    ),
    Opd(
        "DPKPPR",
        "Dinas Perumahan, Kawasan Permukiman dan Penataan Ruang",
        "dinas",
        "tata_ruang",
        False,
        2.5,
        (
            _SEKRETARIAT,
            ("PERKIM", "Bidang Perumahan dan Kawasan Permukiman", "bidang", None),
            ("TARU", "Bidang Penataan Ruang", "bidang", None),
        ),
    ),
    Opd(
        "DSDABMBK",
        "Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi",
        "dinas",
        None,
        False,
        3.0,
        (
            _SEKRETARIAT,
            ("BM", "Bidang Bina Marga", "bidang", None),
            ("SDA", "Bidang Sumber Daya Air", "bidang", None),
        ),
    ),
    Opd(
        "DISKOPUKM",
        "Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan",
        "dinas",
        None,
        False,
        2.0,
        (
            _SEKRETARIAT,
            ("KOPERASI", "Bidang Koperasi", "bidang", None),
            ("PERDAG", "Bidang Perdagangan", "bidang", None),
        ),
    ),
    Opd("DISPORA", "Dinas Pemuda dan Olahraga", "dinas", None, False, 1.0, (_SEKRETARIAT,)),
    Opd("DISBUDPAR", "Dinas Kebudayaan dan Pariwisata", "dinas", None, False, 1.0, (_SEKRETARIAT,)),
    Opd(
        "DP3A",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "dinas",
        None,
        False,
        1.0,
        (_SEKRETARIAT, ("PA", "Bidang Perlindungan Anak", "bidang", None)),
    ),
    Opd(
        "DISPERPUSIP",
        "Dinas Perpustakaan dan Kearsipan",
        "dinas",
        "perpustakaan",
        False,
        1.0,
        (
            _SEKRETARIAT,
            ("PERPUS", "Bidang Layanan Perpustakaan", "bidang", None),
            ("ARSIP", "Bidang Kearsipan", "bidang", None),
        ),
    ),
    Opd(
        "DKPP",
        "Dinas Ketahanan Pangan, Pertanian dan Perikanan",
        "dinas",
        None,
        False,
        1.5,
        (_SEKRETARIAT, ("PERIKANAN", "Bidang Perikanan", "bidang", None)),
    ),
    Opd(
        "DAMKAR",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "dinas",
        None,
        False,
        3.0,
        (_SEKRETARIAT, ("OPS", "Bidang Operasi Pemadaman dan Penyelamatan", "bidang", None)),
    ),
)

#: The five sections of every kecamatan office (city scale only).
KECAMATAN_SECTIONS: tuple[tuple[str, str], ...] = (
    ("PEM", "Seksi Pemerintahan"),
    ("TRANTIB", "Seksi Ketenteraman dan Ketertiban Umum"),
    ("PMD", "Seksi Pemberdayaan Masyarakat"),
    ("KESSOS", "Seksi Kesejahteraan Sosial"),
    ("YANUM", "Seksi Pelayanan Umum"),
)

#: SMP Negeri under the Dinas Pendidikan at city scale (numbered, as the city names them).
SMP_NEGERI_COUNT = 40
