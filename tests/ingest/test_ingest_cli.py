"""``python -m lib import`` and ``python -m lib imports``: exit codes, messages on stderr, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from lib.cli import main
from lib.models import SurveyResponse

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).parent / "corpus"
FORMS = (
    "Timestamp,Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?,"
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?,"
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?,"
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?,"
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan dengan hasil yang diberikan?,"
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?,"
    "Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?,"
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?,"
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?\n"
    "2025/03/14 10:22:33 AM GMT+7,Sangat sesuai,Mudah,Kurang cepat,Gratis,Sesuai,Kompeten,Sopan dan ramah,Baik,Tidak ada\n"
    "2025/03/14 10:40:01 AM GMT+7,Sesuai,Mudah,Cepat,Gratis,Sesuai,Kompeten,Sopan dan ramah,Cukup,Tidak ada\n"
)


@pytest.fixture
def database(engine: Engine, city: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    return engine


def _survey_rows(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(SurveyResponse.__table__)).scalar_one()


def test_google_forms_export_with_unit(
    database: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Survei Kepuasan (Jawaban).csv"
    path.write_text(FORMS, encoding="utf-8")
    assert main(["import", "survei", str(path), "--dry-run", "--unit", "PKM-BLW"]) == 0
    assert "Uji coba: 2 baris siap diimpor" in capsys.readouterr().out
    assert _survey_rows(database) == 0
    assert main(["import", "survei", str(path), "--unit", "PKM-BLW"]) == 0
    assert "Impor #1 selesai: 2 baris; 2 baru" in capsys.readouterr().out
    assert _survey_rows(database) == 2
    assert main(["import", "survei", str(path), "--unit", "PKM-BLW", "--lang", "en"]) == 0
    assert "already imported as import #1" in capsys.readouterr().out
    assert _survey_rows(database) == 2


def test_refused_file_exits_non_zero_with_problems_on_stderr(
    database: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    problems = tmp_path / "problems.csv"
    code = main(["import", "survei", str(CORPUS / "survey_bad_cells.csv"), "--problems", str(problems)])
    assert code == 1
    err = capsys.readouterr().err
    assert "Baris 2, kolom 'waktu', nilai '7': Jawaban di luar skala 1–4." in err
    assert "ditolak" in err
    assert _survey_rows(database) == 0
    listing = problems.read_text(encoding="utf-8-sig")
    assert listing.splitlines()[0] == "Baris,Kolom,Nilai,Masalah,Yang diharapkan,Tingkat"
    assert len(listing.splitlines()) == 9


def test_skip_invalid_imports_the_rest(
    database: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.csv"
    good = "2025-03-10,PKM-BLW,4,3,3,3,4,4,3,3,3,\n"
    path.write_text((CORPUS / "survey_bad_cells.csv").read_text(encoding="utf-8") + good, encoding="utf-8")
    assert main(["import", "survey", str(path), "--skip-invalid"]) == 0
    captured = capsys.readouterr()
    assert "1 baru" in captured.out and "8 baris tidak valid dilewati" in captured.out
    assert "Baris 2, kolom 'waktu'" in captured.err
    assert _survey_rows(database) == 1
    # a file whose every row is invalid is refused even with --skip-invalid
    assert main(["import", "survei", str(CORPUS / "survey_bad_cells.csv"), "--skip-invalid"]) == 1


def test_imports_list_and_undo(database: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "forms.csv"
    path.write_text(FORMS, encoding="utf-8")
    main(["import", "survei", str(path), "--unit", "PKM-BLW"])
    assert main(["imports", "list"]) == 0
    assert "#1" in capsys.readouterr().out
    assert main(["imports", "undo", "1"]) == 0
    assert "Impor #1 dibatalkan: 2 baris dihapus" in capsys.readouterr().out
    assert _survey_rows(database) == 0
    assert main(["imports", "undo", "1"]) == 2
    assert "berstatus 'undone'" in capsys.readouterr().err


def test_command_line_mistakes(database: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "gaji", str(tmp_path / "x.csv")]) == 2
    assert "unknown kind" in capsys.readouterr().err
    assert main(["import", "survei", str(tmp_path / "missing.csv")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_binary_file_in_a_real_process_prints_no_traceback(database: Engine) -> None:
    env = {**os.environ}
    done = subprocess.run(
        [sys.executable, "-m", "lib", "import", "survei", str(CORPUS / "random.bin")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "bukan teks atau lembar kerja" in done.stderr


def test_map_matches_headers_in_any_case_and_refuses_unknown_ones(
    database: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aduan.csv"
    path.write_text(
        "Kode,Tgl Masuk,Instansi,Keluhan Warga,Status\nA-1,2025-01-02,PKM-BLW,Antrian lama,belum\n",
        encoding="utf-8",
    )
    assert (
        main(
            [
                "import",
                "pengaduan",
                str(path),
                "--map",
                "nomor=kode",
                "--map",
                "tanggal=TGL MASUK",
                "--map",
                "isi=keluhan warga",
                "--dry-run",
            ]
        )  # fmt: skip
        == 0
    )
    assert "1 baris siap diimpor" in capsys.readouterr().out
    assert main(["import", "pengaduan", str(path), "--map", "isi=Keluhan", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "Salah satu judul kolom berkas: Kode, Tgl Masuk, Instansi, Keluhan Warga, Status." in err
    assert main(["import", "pengaduan", str(path), "--map", "keterangan=Keluhan Warga", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "One of the template columns: nomor, tanggal, kode_unit, kanal, kategori, isi, status" in err


def test_dry_run_prints_the_answer_scale_it_recognised(
    database: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(__file__).parent / "corpus" / "real" / "gforms_sesuai_single_scale.csv"
    assert main(["import", "survei", str(path), "--unit", "PKM-BLW", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "waktu (Bagaimana pendapat Saudara tentang kecepatan wakt…): " in out
    assert "Tidak Sesuai=1, Kurang Sesuai=2, Sesuai=3, Sangat Sesuai=4" in out
    assert "Uji coba: 29 baris siap diimpor" in out
