"""Synthetic complaints for tests: plausible Indonesian texts per theme, units, services.

Used until (and beside) the demo city, so that the classifier, the rates and the
spike detector can be tested on data whose truth the test itself controls.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from lib.bulk import bulk_insert
from lib.models import Complaint, ServiceStat, Unit

THEME_PHRASES: dict[str, list[str]] = {
    "waktu": [
        "antrian panjang sekali dari pagi",
        "sudah menunggu 3 jam belum dipanggil",
        "pengurusan ktp lama bgt sudah 2 minggu",
        "akta kelahiran belum selesai padahal dijanjikan seminggu",
        "nunggu lama banget loket cuma satu",
        "prosesnya lambat sekali berbulan bulan",
        "nomor antrian habis jam 9 pagi",
        "surat pindah tdk kunjung selesai",
        "pelayanan lelet udh 3 kali datang",
        "antri dari subuh baru dilayani siang",
    ],
    "perilaku": [
        "petugas judes dan membentak warga",
        "pegawainya tidak ramah malah main hp",
        "petugas kasar waktu saya bertanya",
        "staf loket cuek tdk sopan",
        "ptgs marah marah ke orang tua",
        "petugas tidak menghargai warga yg datang",
        "pegawai merokok dan ngobrol saat melayani",
        "sikap petugas sombong dan tidak peduli",
        "dibentak satpam di pintu masuk",
        "petugas menyindir warga yg tidak paham",
    ],
    "biaya": [
        "diminta uang 50 ribu untuk kk padahal gratis",
        "ada pungli di loket pengambilan ktp",
        "disuruh bayar biar cepat selesai",
        "oknum minta uang rokok",
        "tarif tidak sesuai dengan yang tertera",
        "dimintai biaya tambahan tanpa kuitansi",
        "calo menawarkan jalur cepat bayar 200 ribu",
        "pungutan liar untuk surat keterangan usaha",
        "harus kasih uang terima kasih ke petugas",
        "biaya administrasi tidak jelas",
    ],
    "prosedur": [
        "persyaratan berubah ubah setiap datang",
        "berkas ditolak krn kurang fotokopi yg tdk disebutkan",
        "syarat tidak jelas harus bolak balik",
        "disuruh minta surat pengantar rt rw lagi",
        "alur pelayanan berbelit belit",
        "formulir berbeda tiap loket",
        "prosedur legalisir rumit sekali",
        "harus ke kecamatan dulu baru ke kelurahan",
        "dokumen sudah lengkap tapi tetap ditolak",
        "persyaratan tidak sesuai dengan yang diumumkan",
    ],
    "sarana": [
        "ruang tunggu panas ac mati",
        "toilet kotor dan bau",
        "kursi tunggu kurang banyak org berdiri",
        "parkiran sempit dan becek",
        "tidak ada akses untuk kursi roda",
        "atap bocor waktu hujan",
        "lampu ruang pelayanan mati",
        "tidak ada air di kamar mandi",
        "mesin antrian rusak",
        "kipas angin rusak ruangan pengap",
    ],
    "informasi": [
        "tidak ada informasi jadwal pelayanan",
        "papan pengumuman tidak diperbarui",
        "telepon kantor tidak pernah diangkat",
        "informasi di website berbeda dgn di kantor",
        "tidak dijelaskan kapan dokumen bisa diambil",
        "petugas info tidak tahu jawabannya",
        "jam buka tidak diumumkan",
        "tidak ada pemberitahuan kalau layanan tutup",
        "brosur persyaratan sudah kadaluarsa",
        "pertanyaan di media sosial tidak dijawab",
    ],
    "sistem": [
        "aplikasi antrian online error terus",
        "website tidak bisa dibuka",
        "sistem offline sejak pagi",
        "pendaftaran online gagal upload dokumen",
        "server down tdk bisa cetak",
        "aplikasi minta update tapi tetap crash",
        "kode otp tidak pernah masuk",
        "data saya hilang di sistem",
        "jaringan internet di kantor mati",
        "login aplikasi gagal terus",
    ],
    "lainnya": [
        "mohon ditambah layanan keliling",
        "saran agar buka hari sabtu",
        "terima kasih atas pelayanannya",
        "jalan depan kantor rusak",
        "mohon perhatian bapak lurah",
        "lampu jalan di gang mati",
        "banyak sampah di depan pasar",
        "minta bantuan sosial untuk warga",
        "drainase tersumbat di lingkungan kami",
        "mohon ditindaklanjuti laporan sebelumnya",
    ],
}

OPENERS = ["", "", "selamat siang,", "mohon maaf", "pak/bu,", "saya warga kelurahan ini.", "tolong"]
CLOSERS = [
    "",
    "",
    "tolong diperbaiki",
    "mohon ditindaklanjuti",
    "kecewa sekali",
    "hub saya 081234567890",
    "trims",
]


def complaint_text(rng: np.random.Generator, theme: str) -> str:
    """One complaint: an opener, one or two phrases of the theme, a closer."""
    phrases = THEME_PHRASES[theme]
    parts = [rng.choice(OPENERS), rng.choice(phrases)]
    if rng.random() < 0.4:
        parts.append(rng.choice(phrases))
    parts.append(rng.choice(CLOSERS))
    return " ".join(p for p in parts if p).strip()


def labelled_texts(
    n: int, *, seed: int = 0, noise: float = 0.1, weights: dict[str, float] | None = None
) -> pd.DataFrame:
    """``text``, ``true_theme``, ``label`` (the true theme, replaced at random with probability ``noise``)."""
    rng = np.random.default_rng(seed)
    themes = list(THEME_PHRASES)
    p = np.array([(weights or {}).get(t, 1.0) for t in themes])
    p = p / p.sum()
    true = rng.choice(themes, size=n, p=p)
    texts = [complaint_text(rng, t) for t in true]
    noisy = rng.random(n) < noise
    labels = np.where(noisy, rng.choice(themes, size=n), true)
    return pd.DataFrame({"text": texts, "true_theme": true, "label": labels})


def add_units(
    engine: Engine, codes: list[str], *, parent: str = "KEC-A", region: str = "Medan A"
) -> dict[str, int]:
    """A kecamatan ``parent`` with kelurahan ``codes`` below it; returns code → id."""
    u = Unit.__table__
    with engine.begin() as conn:
        parent_id = conn.execute(
            u.insert().values(
                code=parent, name=f"Kecamatan {parent}", kind="kecamatan", path=f"/{parent}/", region=region
            )
        ).inserted_primary_key[0]
        ids = {parent: parent_id}
        for code in codes:
            ids[code] = conn.execute(
                u.insert().values(
                    code=code,
                    name=f"Kelurahan {code}",
                    kind="kelurahan",
                    parent_id=parent_id,
                    path=f"/{parent}/{code}/",
                    region=region,
                )
            ).inserted_primary_key[0]
    return ids


def add_complaints(engine: Engine, rows: list[dict]) -> int:
    """Insert complaint dicts (number, complaint_date, unit_id, text, status, …)."""
    columns = [
        "number",
        "complaint_date",
        "unit_id",
        "channel",
        "category",
        "predicted_category",
        "predicted_confidence",
        "text",
        "status",
        "resolved_date",
    ]
    with engine.begin() as conn:
        return bulk_insert(conn, Complaint.__table__, columns, ([r.get(c) for c in columns] for r in rows))


def add_monthly_services(engine: Engine, unit_id: int, months: list[date], services: int) -> None:
    """One service_stat row per month for ``unit_id``."""
    rows = []
    for month in months:
        end = (pd.Timestamp(month) + pd.offsets.MonthEnd(0)).date()
        rows.append((unit_id, f"{month:%Y-%m}", month, end, services))
    with engine.begin() as conn:
        bulk_insert(
            conn, ServiceStat.__table__, ["unit_id", "period", "period_start", "period_end", "services"], rows
        )


def day(value: str) -> date:
    return date.fromisoformat(value)


def plus_days(value: date, days: int) -> date:
    return value + timedelta(days=days)
