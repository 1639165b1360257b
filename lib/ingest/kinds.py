"""What each kind of upload holds: its template columns, their types and the names users give them.

One table per kind drives everything else: the column recogniser, the
validation schema, the templates and their explanation sheet. Column names are
the template names of DOMAIN.md ("The data users bring"); synonyms are stored
in their normalised form (see :func:`lib.ingest.columns.normalise_header`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lib.ingest.values import normalise_token
from lib.models import UNSUR

#: Field types understood by the validation schema.
TEXT, CODE, UNIT_REF, INT, FLOAT, DATE, PERIOD, NIP, ANSWER, CHOICE, GENDER = (
    "text",
    "code",
    "unit_ref",
    "int",
    "float",
    "date",
    "period",
    "nip",
    "answer",
    "choice",
    "gender",
)


@dataclass(frozen=True)
class Field:
    """One template column."""

    name: str
    type: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    synonyms: tuple[str, ...] = ()
    #: for CHOICE: normalised spelling -> stored value
    choices: dict[str, str] = field(default_factory=dict)
    #: the values a user may type, for messages and templates
    allowed: tuple[str, ...] = ()
    example: str = ""
    #: CHOICE columns whose unknown values are a warning (stored empty), not an error
    lenient: bool = False


@dataclass(frozen=True)
class KindSpec:
    name: str
    fields: tuple[Field, ...]
    #: fields that identify a record within the file (duplicates are refused)
    key: tuple[str, ...] = ()

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]


def _choices(mapping: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """stored value -> spellings, flattened to normalised spelling -> stored value."""
    out: dict[str, str] = {}
    for stored, spellings in mapping.items():
        for spelling in (stored, *spellings):
            out[normalise_token(spelling)] = stored
    return out


UNIT_KINDS = ("dinas", "badan", "kecamatan", "kelurahan", "puskesmas", "upt", "sekretariat", "bagian", "rsud")

POSITION_TYPES = _choices(
    {
        "struktural": ("structural", "jabatan struktural", "pimpinan tinggi", "administrator", "pengawas"),
        "fungsional": ("functional", "jabatan fungsional", "jft"),
        "pelaksana": ("executor", "staff", "staf", "jabatan pelaksana", "jfu", "fungsional umum"),
    }
)

COMPETENCY_TYPES = _choices(
    {
        "teknis": ("technical", "kompetensi teknis"),
        "manajerial": ("managerial", "kompetensi manajerial", "manajemen"),
        "sosial_kultural": ("sosial kultural", "sosiokultural", "socio cultural", "sociocultural", "sosial"),
    }
)

#: training methods (DOMAIN.md: jalur klasikal / nonklasikal) -> track
KLASIKAL_METHODS = (
    "klasikal", "classical", "diklat", "pelatihan", "pelatihan klasikal", "pelatihan struktural",
    "pelatihan kepemimpinan", "pelatihan manajerial", "pelatihan teknis", "pelatihan fungsional",
    "pelatihan sosial kultural", "training", "workshop", "lokakarya", "bimtek", "bimbingan teknis",
    "seminar", "konferensi", "sarasehan", "webinar", "kursus", "course", "penataran", "sosialisasi",
    "magang", "praktik kerja", "internship", "in house training", "inhouse training", "tugas belajar",
)  # fmt: skip
NONKLASIKAL_METHODS = (
    "nonklasikal", "non klasikal", "non classical", "coaching", "mentoring", "e learning", "elearning",
    "pembelajaran elektronik", "pelatihan jarak jauh", "distance learning", "detasering", "datasering",
    "secondment", "pembelajaran alam terbuka", "outbound", "outbond", "patok banding", "benchmarking",
    "pertukaran pegawai", "pertukaran pns", "belajar mandiri", "self development", "self learning",
    "komunitas belajar", "community of practice", "community of practices", "bimbingan di tempat kerja",
    "on the job training", "ojt", "on job training", "microlearning", "micro learning",
)  # fmt: skip
METHOD_TRACK = {normalise_token(m): "klasikal" for m in KLASIKAL_METHODS} | {
    normalise_token(m): "nonklasikal" for m in NONKLASIKAL_METHODS
}

PARTICIPATION_STATUS = _choices(
    {
        "lulus": ("passed", "pass", "selesai", "completed", "kompeten"),
        "tidak_lulus": ("tidak lulus", "failed", "fail", "gagal", "belum lulus", "belum kompeten"),
        "tidak_hadir": ("tidak hadir", "absent", "mangkir", "no show"),
    }
)

RATINGS = _choices(
    {
        "Sangat Baik": ("very good", "outstanding", "excellent"),
        "Baik": ("good",),
        "Butuh Perbaikan": ("needs improvement", "perlu perbaikan", "butuh perbaikan"),
        "Kurang": ("kurang misconduct", "misconduct", "poor"),
        "Sangat Kurang": ("very poor",),
    }
)

COMPLAINT_STATUS = _choices(
    {
        "belum": (
            "belum diproses",
            "belum ditindaklanjuti",
            "belum terverifikasi",
            "baru",
            "new",
            "open",
            "pending",
            "belum ditanggapi",
            "belum direspon",
            "belum terdisposisi",
            "menunggu",
            "menunggu verifikasi",
        ),
        "proses": (
            "diproses",
            "sedang diproses",
            "dalam proses",
            "ditindaklanjuti",
            "in progress",
            "processing",
            "terverifikasi",
            "terdisposisi",
            "didisposisikan",
            "dalam penanganan",
        ),
        "selesai": (
            "sudah selesai",
            "tuntas",
            "ditutup",
            "ditanggapi",
            "sudah ditanggapi",
            "terjawab",
            "dijawab",
            "done",
            "closed",
            "resolved",
            "completed",
            "finished",
            "answered",
        ),
    }
)

COMPLAINT_CHANNELS = _choices(
    {
        "LAPOR!": ("lapor", "sp4n lapor", "sp4n", "lapor go id"),
        "WhatsApp": ("wa", "whatsapp", "whats app"),
        "langsung": ("datang langsung", "tatap muka", "walk in", "in person", "loket"),
        "email": ("e mail", "surel", "surat elektronik"),
        "media sosial": ("medsos", "social media", "instagram", "facebook", "twitter", "x"),
        "telepon": ("telpon", "telp", "phone", "call center", "hotline"),
    }
)

#: complaint themes (stored keys) and the labels LAPOR! and local forms use
COMPLAINT_CATEGORIES = _choices(
    {
        "waktu": ("waktu antrian", "antrian", "waktu", "lama", "lambat", "waiting", "waiting time"),
        "perilaku": ("perilaku petugas", "perilaku", "sikap petugas", "staff behaviour", "staff behavior"),
        "biaya": ("biaya pungli", "pungli", "pungutan liar", "biaya", "fees", "cost"),
        "prosedur": ("prosedur persyaratan", "persyaratan", "prosedur", "procedure", "requirements"),
        "sarana": ("sarana prasarana", "fasilitas", "facilities"),
        "informasi": ("information",),
        "sistem": ("sistem aplikasi", "aplikasi", "system", "application", "app"),
        "lainnya": ("lain lain", "other", "others"),
    }
)

GENDERS = _choices(
    {
        "L": ("laki laki", "laki", "lelaki", "pria", "male", "m", "man"),
        "P": ("perempuan", "wanita", "female", "f", "woman", "w"),
    }
)

# ------------------------------------------------------------------ kinds

_UNIT_REF = Field(
    "kode_unit",
    UNIT_REF,
    required=True,
    synonyms=("kode_unit", "unit_code", "kode_unit_kerja", "kode_opd", "kode_satker", "unit", "unit_kerja"),
    example="PKM-BLW",
)
_NIP = Field("nip", NIP, required=True, synonyms=("nip", "nip_baru", "employee_id", "employee_number"))

UNIT = KindSpec(
    "unit",
    (
        Field("kode_unit", CODE, required=True, max_length=40, synonyms=("kode_unit", "kode", "unit_code", "code"), example="PKM-BLW"),
        Field("nama_unit", TEXT, required=True, max_length=200, synonyms=("nama_unit", "nama", "unit_name", "name", "nama_unit_kerja"), example="Puskesmas Belawan"),
        Field("jenis_unit", TEXT, required=True, max_length=40, synonyms=("jenis_unit", "jenis", "unit_type", "type", "kind"), allowed=UNIT_KINDS, example="puskesmas"),
        Field("induk", CODE, max_length=40, synonyms=("induk", "kode_induk", "parent", "parent_code", "kode_unit_induk", "unit_induk"), example="DINKES"),
        Field("wilayah", TEXT, max_length=120, synonyms=("wilayah", "region", "area", "kecamatan", "district"), example="Medan Belawan"),
        Field("populasi_layanan", INT, minimum=0, synonyms=("populasi_layanan", "service_population", "populasi", "population", "jumlah_penduduk_dilayani"), example="25000"),
    ),
    key=("kode_unit",),
)  # fmt: skip

PEGAWAI = KindSpec(
    "pegawai",
    (
        Field(_NIP.name, NIP, required=True, synonyms=_NIP.synonyms, example="198503122010011003"),
        Field("nama", TEXT, required=True, max_length=200, synonyms=("nama", "nama_pegawai", "nama_lengkap", "name", "full_name", "employee_name"), example="Siti Rahmawati"),
        _UNIT_REF,
        Field("jabatan", TEXT, max_length=200, synonyms=("jabatan", "nama_jabatan", "position", "job_title"), example="Perawat Ahli Pertama"),
        Field("jenis_jabatan", CHOICE, synonyms=("jenis_jabatan", "position_type", "tipe_jabatan"), choices=POSITION_TYPES, allowed=("struktural", "fungsional", "pelaksana"), example="fungsional"),
        Field("golongan", TEXT, max_length=10, synonyms=("golongan", "gol", "pangkat_golongan", "golongan_ruang", "grade", "rank"), example="III/a"),
    ),
    key=("nip",),
)  # fmt: skip

PELATIHAN = KindSpec(
    "pelatihan",
    (
        Field("kode_pelatihan", CODE, required=True, max_length=40, synonyms=("kode_pelatihan", "kode_diklat", "program_code", "training_code", "kode_program"), example="DIG-2025-01"),
        Field("nama_pelatihan", TEXT, required=True, max_length=200, synonyms=("nama_pelatihan", "nama_diklat", "judul_pelatihan", "program_name", "training_name", "training"), example="Pelayanan Publik Digital"),
        Field("jenis_kompetensi", CHOICE, required=True, synonyms=("jenis_kompetensi", "kompetensi", "competency_type", "competency"), choices=COMPETENCY_TYPES, allowed=("teknis", "manajerial", "sosial_kultural"), example="teknis"),
        Field("metode", CHOICE, required=True, synonyms=("metode", "jalur", "bentuk", "jenis_pelatihan", "method", "delivery", "format"), choices={k: k for k in METHOD_TRACK}, allowed=("klasikal", "nonklasikal", "bimtek", "workshop", "seminar", "kursus", "magang", "coaching", "mentoring", "e-learning", "…"), example="bimtek"),
        Field("penyelenggara", TEXT, max_length=200, synonyms=("penyelenggara", "provider", "organizer", "organiser", "lembaga"), example="BPSDM Provinsi Sumatera Utara"),
        Field("tanggal_mulai", DATE, required=True, synonyms=("tanggal_mulai", "tgl_mulai", "mulai", "start_date", "start"), example="2025-03-10"),
        Field("tanggal_selesai", DATE, required=True, synonyms=("tanggal_selesai", "tgl_selesai", "selesai", "end_date", "end"), example="2025-03-12"),
        Field("jp", INT, required=True, minimum=1, maximum=2000, synonyms=("jp", "jam_pelajaran", "jumlah_jp", "learning_hours", "hours"), example="24"),
        Field(_NIP.name, NIP, required=True, synonyms=(*_NIP.synonyms, "nip_peserta"), example="198503122010011003"),
        Field("nilai_pre", FLOAT, minimum=0, maximum=100, synonyms=("nilai_pre", "pre_test", "pretest", "nilai_pretest", "nilai_pre_test", "pre_score", "pre"), example="62"),
        Field("nilai_post", FLOAT, minimum=0, maximum=100, synonyms=("nilai_post", "post_test", "posttest", "nilai_posttest", "nilai_post_test", "post_score", "post"), example="81,5"),
        Field("reaksi_materi", FLOAT, minimum=1, maximum=5, synonyms=("reaksi_materi", "reaction_material", "penilaian_materi", "materi"), example="4"),
        Field("reaksi_pengajar", FLOAT, minimum=1, maximum=5, synonyms=("reaksi_pengajar", "reaction_trainer", "penilaian_pengajar", "reaksi_fasilitator", "reaksi_widyaiswara", "pengajar"), example="5"),
        Field("reaksi_manfaat", FLOAT, minimum=1, maximum=5, synonyms=("reaksi_manfaat", "reaction_usefulness", "penilaian_manfaat", "manfaat", "usefulness"), example="4"),
        Field("status", CHOICE, synonyms=("status", "status_kelulusan", "hasil", "keterangan", "result"), choices=PARTICIPATION_STATUS, allowed=("lulus", "tidak_lulus", "tidak_hadir"), example="lulus"),
    ),
    key=("kode_pelatihan", "nip"),
)  # fmt: skip

KINERJA = KindSpec(
    "kinerja",
    (
        Field(_NIP.name, NIP, required=True, synonyms=_NIP.synonyms, example="198503122010011003"),
        Field("periode", PERIOD, required=True, synonyms=("periode", "period", "tahun", "year", "periode_penilaian"), example="2025-Q2"),
        Field("nilai", FLOAT, minimum=0, maximum=100, synonyms=("nilai", "nilai_skp", "score", "skp_score", "nilai_kinerja"), example="84,5"),
        Field("predikat", CHOICE, synonyms=("predikat", "predikat_kinerja", "rating", "predikat_skp"), choices=RATINGS, allowed=tuple(dict.fromkeys(RATINGS.values())), example="Baik"),
    ),
    key=("nip", "periode"),
)  # fmt: skip

LAYANAN = KindSpec(
    "layanan",
    (
        _UNIT_REF,
        Field("periode", PERIOD, required=True, synonyms=("periode", "period", "bulan", "month"), example="2025-06"),
        Field("jumlah_layanan", INT, required=True, minimum=0, synonyms=("jumlah_layanan", "jumlah", "services", "service_count", "volume", "jumlah_pelayanan"), example="1240"),
        Field("rata_waktu_hari", FLOAT, minimum=0, maximum=365, synonyms=("rata_waktu_hari", "rata_rata_waktu", "rata_rata_waktu_hari", "waktu_rata_rata", "mean_days", "average_days"), example="2,5"),
        Field("persen_tepat_waktu", FLOAT, minimum=0, maximum=100, synonyms=("persen_tepat_waktu", "tepat_waktu", "persentase_tepat_waktu", "pct_on_time", "on_time", "on_time_pct", "percent_on_time"), example="87,5"),
    ),
    key=("kode_unit", "periode"),
)  # fmt: skip

#: English names of the unsur columns (and the usual Indonesian longer forms)
UNSUR_SYNONYMS: dict[str, tuple[str, ...]] = {
    "persyaratan": ("persyaratan", "requirements", "requirement", "syarat"),
    "prosedur": ("prosedur", "procedure", "procedures", "sistem_mekanisme_dan_prosedur", "mekanisme"),
    "waktu": ("waktu", "waktu_penyelesaian", "time", "service_time", "speed", "timeliness"),
    "biaya": ("biaya", "biaya_tarif", "tarif", "cost", "fee", "fees", "tariff"),
    "produk": ("produk", "produk_spesifikasi_jenis_pelayanan", "product", "products"),
    "kompetensi": ("kompetensi", "kompetensi_pelaksana", "competence", "competency"),
    "perilaku": ("perilaku", "perilaku_pelaksana", "behaviour", "behavior", "conduct", "attitude"),
    "pengaduan": (
        "pengaduan",
        "penanganan_pengaduan",
        "penanganan_pengaduan_saran_dan_masukan",
        "complaints",
        "complaint_handling",
        "complaint",
    ),
    "sarana": (
        "sarana",
        "sarana_dan_prasarana",
        "sarana_prasarana",
        "facilities",
        "facility",
        "infrastructure",
    ),
}

SURVEI = KindSpec(
    "survei",
    (
        Field("tanggal", DATE, required=True, synonyms=("tanggal", "tgl", "date", "timestamp", "stempel_waktu", "cap_waktu", "tanggal_survei", "tanggal_pengisian", "waktu_pengisian", "submitted_at", "tanggal_layanan"), example="2025-06-14"),
        _UNIT_REF,
        Field("jenis_layanan", TEXT, max_length=200, synonyms=("jenis_layanan", "layanan", "jenis_pelayanan", "service_type", "service", "layanan_yang_diterima"), example="Pemeriksaan umum"),
        Field("jenis_kelamin", GENDER, synonyms=("jenis_kelamin", "jk", "kelamin", "gender", "sex"), choices=GENDERS, allowed=("L", "P"), example="P"),
        Field("usia", INT, minimum=10, maximum=110, synonyms=("usia", "umur", "age", "usia_tahun"), example="34"),
        Field("pendidikan", TEXT, max_length=40, synonyms=("pendidikan", "pendidikan_terakhir", "education"), example="SMA"),
        Field("pekerjaan", TEXT, max_length=60, synonyms=("pekerjaan", "pekerjaan_utama", "occupation", "job"), example="Wiraswasta"),
        *(Field(u, ANSWER, required=True, synonyms=UNSUR_SYNONYMS[u], example="4") for u in UNSUR),
        Field("saran", TEXT, synonyms=("saran", "saran_dan_masukan", "kritik_dan_saran", "kritik_saran", "masukan", "suggestion", "suggestions", "comment", "comments", "feedback"), example="Antrian sudah lebih tertib."),
    ),
)  # fmt: skip

#: Complaint exports of the channels Indonesian governments use, by header: SP4N-LAPOR! ("Tracking ID",
#: "Judul Laporan", "Isi Laporan", "Instansi Terdisposisi", "Tanggal Laporan", "Kategori") and city
#: "aduan"/"media center" exports ("id, keluhan, alamat, tanggal_keluhan, tanggal_ditanggapi, instansi, topik").
PENGADUAN = KindSpec(
    "pengaduan",
    (
        Field("nomor", CODE, required=True, max_length=60, synonyms=("nomor", "no", "nomor_pengaduan", "nomor_laporan", "no_laporan", "nomor_tiket", "no_tiket", "id_laporan", "tracking_id", "id_tracking", "kode_laporan", "id_pengaduan", "id_keluhan", "id_aduan", "nomor_aduan", "id", "number", "complaint_number", "ticket", "ticket_id"), example="LAPOR-2025-000123"),
        Field("tanggal", DATE, required=True, synonyms=("tanggal", "tgl", "tanggal_laporan", "tanggal_pengaduan", "tanggal_masuk", "tanggal_keluhan", "tanggal_aduan", "tgl_keluhan", "tgl_laporan", "waktu_laporan", "waktu_lapor", "tanggal_lapor", "waktu_keluhan", "tanggal_dibuat", "waktu_masuk", "date", "created_at", "reported_at", "submitted_at"), example="2025-06-02 09:15"),
        replace(_UNIT_REF, synonyms=(*_UNIT_REF.synonyms, "instansi", "instansi_tujuan", "instansi_terdisposisi", "nama_instansi", "opd", "opd_tujuan", "unit_tujuan", "dinas", "skpd", "perangkat_daerah", "disposisi")),
        Field("kanal", CHOICE, synonyms=("kanal", "sumber", "media", "saluran", "channel", "source", "sumber_laporan", "sumber_aduan", "media_pengaduan"), choices=COMPLAINT_CHANNELS, allowed=tuple(dict.fromkeys(COMPLAINT_CHANNELS.values())), example="LAPOR!", lenient=True),
        Field("kategori", CHOICE, synonyms=("kategori", "tema", "kategori_pengaduan", "category", "theme"), choices=COMPLAINT_CATEGORIES, allowed=tuple(dict.fromkeys(COMPLAINT_CATEGORIES.values())), example="waktu", lenient=True),
        Field("isi", TEXT, required=True, synonyms=("isi", "isi_laporan", "isi_pengaduan", "uraian", "pengaduan", "laporan", "keluhan", "isi_keluhan", "isi_aduan", "aduan", "uraian_laporan", "deskripsi", "text", "description", "complaint", "content", "message"), example="Antrian di loket sangat lama, lebih dari 3 jam."),
        Field("status", CHOICE, synonyms=("status", "status_laporan", "status_pengaduan", "status_keluhan", "status_aduan", "state"), choices=COMPLAINT_STATUS, allowed=("belum", "proses", "selesai"), example="selesai"),
        Field("tanggal_selesai", DATE, synonyms=("tanggal_selesai", "tgl_selesai", "tanggal_tindak_lanjut", "tanggal_ditanggapi", "tanggal_tanggapan", "tgl_tanggapan", "waktu_tanggapan", "waktu_ditanggapi", "tanggal_respon", "waktu_respon", "tanggal_jawab", "waktu_selesai", "resolved_date", "closed_date", "resolved_at", "closed_at", "answered_at", "responded_at"), example="2025-06-05 14:30"),
        Field("kategori_sumber", TEXT, max_length=200, synonyms=("kategori_sumber", "topik", "topik_keluhan", "topik_aduan", "sub_kategori", "subkategori", "kategori_laporan", "kategori_lapor", "topic", "source_category", "subject"), example="Pelayanan Kesehatan"),
    ),
    key=("nomor",),
)  # fmt: skip

KINDS: dict[str, KindSpec] = {
    k.name: k for k in (UNIT, PEGAWAI, PELATIHAN, KINERJA, LAYANAN, SURVEI, PENGADUAN)
}

#: English names of the kinds, accepted on the command line as well
KIND_ALIASES = {
    "units": "unit",
    "employees": "pegawai",
    "employee": "pegawai",
    "training": "pelatihan",
    "performance": "kinerja",
    "skp": "kinerja",
    "services": "layanan",
    "service": "layanan",
    "survey": "survei",
    "skm": "survei",
    "complaints": "pengaduan",
    "complaint": "pengaduan",
}


def kind_spec(name: str) -> KindSpec:
    """The spec for a kind name (Indonesian or English); KeyError when unknown."""
    key = name.strip().lower()
    return KINDS[KIND_ALIASES.get(key, key)]
