"""Messages of the upload and import area (lib.ingest, views/unggah.py, the import CLI)."""

from __future__ import annotations


def _m(id_text: str, en_text: str) -> dict[str, str]:
    return {"id": id_text, "en": en_text}


_PROBLEMS = {
    # ---------------------------------------------------------------- the file as a whole
    "empty_file": _m("Berkas kosong.", "The file is empty."),
    "xlsx_unreadable": _m(
        "Berkas XLSX rusak atau tidak dapat dibaca.", "The XLSX file is damaged or cannot be read."
    ),
    "zip_not_xlsx": _m(
        "Berkas ini arsip ZIP (mis. Word), bukan lembar kerja.",
        "This is a ZIP archive (e.g. Word), not a spreadsheet.",
    ),
    "old_xls": _m(
        "Format Excel lama (.xls) tidak didukung.", "The old Excel format (.xls) is not supported."
    ),
    "pdf_file": _m("Berkas ini PDF, bukan tabel data.", "This is a PDF file, not a data table."),
    "image_file": _m("Berkas ini gambar, bukan tabel data.", "This is an image, not a data table."),
    "binary_file": _m(
        "Berkas ini bukan teks atau lembar kerja (isi biner).",
        "This file is neither text nor a spreadsheet (binary content).",
    ),
    "html_file": _m(
        "Berkas ini halaman HTML/XML, bukan CSV atau XLSX.", "This file is an HTML/XML page, not CSV or XLSX."
    ),
    "not_tabular": _m(
        "Berkas tidak berbentuk tabel: tidak ada baris dengan dua kolom atau lebih.",
        "The file is not a table: no row has two or more columns.",
    ),
    "csv_malformed": _m(
        "CSV tidak rapi: jumlah sel satu baris tidak sama dengan judul kolom (baris: sel / judul = {detail}).",
        "Malformed CSV: a row has a different number of cells than the header (row: cells / header = {detail}).",
    ),
    "no_data_rows": _m(
        "Tidak ada baris data di bawah judul kolom.", "There are no data rows below the header."
    ),
    "too_large": _m("Berkas lebih besar dari {limit} MB.", "The file is larger than {limit} MB."),
    "legacy_14_unsur": _m(
        "Berkas memakai 14 unsur (metode lama KepmenPAN 25/2004; kolom {columns}); ditolak agar tidak dicampur dengan 9 unsur PermenPANRB 14/2017.",
        "The file uses 14 unsur (the old KepmenPAN 25/2004 method; columns {columns}); refused so it is not mixed with the 9 unsur of PermenPANRB 14/2017.",
    ),
    "unknown_option_unit": _m(
        "Unit yang dipilih untuk seluruh berkas tidak terdaftar.",
        "The unit chosen for the whole file is not registered.",
    ),
    "duplicate_column": _m(
        "Kolom ini juga dikenali sebagai '{field}', tetapi kolom '{other}' sudah dipakai; kolom ini diabaikan.",
        "This column was also recognised as '{field}', but column '{other}' is already used; this one is ignored.",
    ),
    "scale_1_5": _m(
        "Survei ini memakai skala 1–5 (nilai 5 di kolom {columns}). SKM PermenPANRB 14/2017 memakai skala 1–4; berkas ditolak seluruhnya agar nilainya tidak dirata-rata dengan skala lain.",
        "This survey uses a 1–5 scale (value 5 in columns {columns}). The SKM of PermenPANRB 14/2017 uses a 1–4 scale; the whole file is refused so its scores are not averaged with another scale.",
    ),
    "scale_5_levels": _m(
        "Kolom '{column}' memakai skala jawaban 5 tingkat (nilai yang ditemukan: {values}); kolom terdampak: {columns}. SKM PermenPANRB 14/2017 memakai 4 tingkat; berkas ditolak seluruhnya agar nilainya tidak dirata-rata dengan skala lain.",
        "Column '{column}' uses a 5-level answer scale (values found: {values}); columns affected: {columns}. The SKM of PermenPANRB 14/2017 has 4 levels; the whole file is refused so its scores are not averaged with another scale.",
    ),
    "scale_mixed": _m(
        "Kolom '{column}' mencampur beberapa skala jawaban (nilai yang ditemukan: {values}); kolom terdampak: {columns}. Skor 1–4 tidak dapat ditentukan dengan pasti.",
        "Column '{column}' mixes several answer scales (values found: {values}); columns affected: {columns}. Its 1–4 scores cannot be decided with certainty.",
    ),
    "missing_column": _m("Kolom wajib '{column}' tidak ada.", "Required column '{column}' is missing."),
    "map_unknown_field": _m(
        "Pemetaan menyebut kolom template yang tidak ada.",
        "The mapping names a template column that does not exist.",
    ),
    "map_unknown_header": _m(
        "Pemetaan menyebut judul kolom yang tidak ada di berkas.",
        "The mapping names a header that is not in the file.",
    ),
    "missing_status": _m(
        "Berkas tidak punya kolom status maupun tanggal ditanggapi/selesai, jadi status setiap pengaduan tidak diketahui.",
        "The file has neither a status column nor an answer/resolution date, so no complaint's status is known.",
    ),
    "wrong_kind": _m(
        "Kolom berkas tidak cocok dengan jenis data '{kind}'. Tampaknya ini data '{suggestion}'.",
        "The file's columns do not match the kind '{kind}'. It looks like '{suggestion}' data.",
    ),
    "no_known_columns": _m(
        "Tidak ada kolom wajib jenis data '{kind}' yang dikenali (judul kolom berkas: {headers}).",
        "None of the required columns of kind '{kind}' was recognised (the file's headers: {headers}).",
    ),
    "database_error": _m(
        "Basis data menolak penyimpanan; tidak ada yang tersimpan ({detail}).",
        "The database refused the write; nothing was stored ({detail}).",
    ),
    "too_many_problems": _m(
        "Terlalu banyak masalah ({count}); daftar dipotong.",
        "Too many problems ({count}); the list is cut short.",
    ),
    # ---------------------------------------------------------------- cells
    "required": _m("Sel wajib diisi, tetapi kosong.", "This cell is required but empty."),
    "too_long": _m("Teks terlalu panjang.", "The text is too long."),
    "code_slash": _m(
        "Kode unit tidak boleh berisi garis miring '/'.", "A unit code must not contain a slash '/'."
    ),
    "unknown_unit": _m("Kode unit tidak terdaftar.", "Unknown unit code."),
    "unknown_unit_close": _m(
        "Kode atau nama unit tidak terdaftar.", "The unit code or name is not registered."
    ),
    "unit_ambiguous": _m(
        "Nama unit ini dipakai oleh beberapa unit: {candidates}.",
        "This unit name belongs to several units: {candidates}.",
    ),
    "unit_conflict": _m(
        "Unit di baris ini berbeda dengan unit yang dipilih untuk seluruh berkas ({unit}).",
        "The unit in this row differs from the unit chosen for the whole file ({unit}).",
    ),
    "not_a_number": _m("Bukan angka.", "Not a number."),
    "not_whole": _m("Harus bilangan bulat.", "Must be a whole number."),
    "out_of_range": _m("Angka di luar rentang yang diizinkan.", "The number is outside the allowed range."),
    "not_a_date": _m("Bukan tanggal yang dikenali.", "Not a recognised date."),
    "impossible_date": _m("Tanggal ini tidak ada di kalender.", "This date does not exist."),
    "future_date": _m("Tanggal di masa depan.", "The date is in the future."),
    "too_old": _m("Tanggal terlalu lama (sebelum 1990).", "The date is too old (before 1990)."),
    "not_a_period": _m("Periode tidak dikenali.", "Period not recognised."),
    "future_period": _m("Periode belum dimulai.", "The period has not started yet."),
    "nip_as_number": _m(
        "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang.",
        "The NIP was stored as a number, so its last digits are lost.",
    ),
    "nip_format": _m("NIP harus 18 angka.", "A NIP must be 18 digits."),
    "nip_birth_date": _m(
        "Delapan digit pertama NIP bukan tanggal lahir yang mungkin.",
        "The first eight digits of the NIP are not a possible birth date.",
    ),
    "nip_start_date": _m(
        "Digit 9–14 NIP bukan bulan dan tahun pengangkatan yang mungkin.",
        "Digits 9–14 of the NIP are not a possible month and year of appointment.",
    ),
    "nip_gender": _m(
        "Digit ke-15 NIP harus 1 (pria) atau 2 (wanita).",
        "Digit 15 of the NIP must be 1 (male) or 2 (female).",
    ),
    "unknown_nip": _m("NIP tidak terdaftar sebagai pegawai.", "This NIP is not a registered employee."),
    "not_an_answer": _m("Jawaban tidak dikenali.", "Answer not recognised."),
    "answer_off_scale": _m("Jawaban di luar skala 1–4.", "The answer is outside the 1–4 scale."),
    "not_a_choice": _m(
        "Nilai tidak termasuk pilihan yang diizinkan.", "The value is not one of the allowed choices."
    ),
    "unknown_method": _m("Metode pelatihan tidak dikenali.", "Training method not recognised."),
    "unknown_choice_dropped": _m(
        "Nilai tidak dikenali; disimpan kosong.", "Value not recognised; stored as empty."
    ),
    "unknown_parent": _m(
        "Unit induk tidak terdaftar dan tidak ada di berkas ini.",
        "The parent unit is neither registered nor in this file.",
    ),
    "parent_self": _m("Unit tidak boleh menjadi induk dirinya sendiri.", "A unit cannot be its own parent."),
    "parent_cycle": _m(
        "Hubungan induk berputar (A induk B, B induk A).",
        "The parent links form a loop (A parent of B, B parent of A).",
    ),
    "end_before_start": _m(
        "Tanggal selesai sebelum tanggal mulai ('{other}').",
        "The end date is before the start date ('{other}').",
    ),
    "program_inconsistent": _m(
        "Data pelatihan berbeda dengan baris {first_row} untuk kode pelatihan yang sama.",
        "The programme details differ from row {first_row} for the same programme code.",
    ),
    "score_or_rating": _m(
        "Nilai dan predikat kosong; isi salah satu.", "Both score and rating are empty; fill in one."
    ),
    "duplicate_row": _m(
        "Baris ganda: sama dengan baris {first_row}.", "Duplicate row: same as row {first_row}."
    ),
    "no_answers": _m("Kesembilan jawaban unsur kosong.", "All nine unsur answers are empty."),
    "replace_not_found": _m(
        "Impor #{id} yang akan diganti tidak ada.", "Import #{id} to replace does not exist."
    ),
    "replace_demo": _m("Data demo (#{id}) tidak dapat diganti.", "The demo load (#{id}) cannot be replaced."),
    "replace_not_imported": _m(
        "Impor #{id} berstatus '{outcome}'; hanya impor yang berlaku yang dapat diganti.",
        "Import #{id} is '{outcome}'; only an import in force can be replaced.",
    ),
    "replace_changed_later": _m(
        "Impor #{id} tidak dapat diganti: sebagian datanya diubah lagi oleh impor {later}.",
        "Import #{id} cannot be replaced: some of its records were changed again by import {later}.",
    ),
    "replace_in_use": _m(
        "Impor #{id} tidak dapat diganti: datanya dipakai oleh data lain di tabel {table} (impor {later}).",
        "Import #{id} cannot be replaced: its records are used by other data in table {table} (import {later}).",
    ),
    "replace_other_kind": _m(
        "Impor #{id} berisi data '{kind}', bukan '{new_kind}'; tidak dapat diganti dengan berkas ini.",
        "Import #{id} holds '{kind}' data, not '{new_kind}'; this file cannot replace it.",
    ),
    "likely_duplicate": _m(
        "Kemungkinan kiriman ganda: sama dengan baris {first_row} (unit, hari dan isi yang sama).",
        "Likely double submission: same as row {first_row} (same unit, day and content).",
    ),
    "likely_duplicate_left_out": _m(
        "Kemungkinan kiriman ganda (sama dengan baris {first_row}); tidak diimpor sesuai pilihan Anda.",
        "Likely double submission (same as row {first_row}); left out as you chose.",
    ),
}

_EXPECTED = {
    "empty_file": _m(
        "CSV atau XLSX dengan judul kolom dan minimal satu baris data.",
        "A CSV or XLSX with a header row and at least one data row.",
    ),
    "xlsx_unreadable": _m(
        "Buka di Excel lalu simpan ulang sebagai .xlsx, atau simpan sebagai CSV.",
        "Open it in Excel and save again as .xlsx, or save as CSV.",
    ),
    "zip_not_xlsx": _m("Berkas .xlsx atau .csv.", "An .xlsx or .csv file."),
    "old_xls": _m(
        "Buka di Excel lalu 'Simpan sebagai' Buku Kerja Excel (.xlsx) atau CSV.",
        "Open it in Excel and 'Save as' Excel Workbook (.xlsx) or CSV.",
    ),
    "pdf_file": _m(
        "Unduh data aslinya sebagai CSV atau XLSX, atau pakai template.",
        "Download the original data as CSV or XLSX, or use the template.",
    ),
    "image_file": _m("Berkas CSV atau XLSX.", "A CSV or XLSX file."),
    "binary_file": _m("Berkas CSV atau XLSX.", "A CSV or XLSX file."),
    "html_file": _m(
        "Buka di Excel lalu simpan sebagai .xlsx atau CSV.", "Open it in Excel and save as .xlsx or CSV."
    ),
    "not_tabular": _m(
        "Satu baris judul kolom, satu baris per data, dipisah koma atau titik koma.",
        "One header row, one row per record, separated by commas or semicolons.",
    ),
    "csv_malformed": _m(
        "Setiap baris punya sel sebanyak judul kolom; teks yang memuat pemisah diberi tanda kutip.",
        "Every row has as many cells as the header; text containing the separator is quoted.",
    ),
    "no_data_rows": _m("Minimal satu baris data.", "At least one data row."),
    "too_large": _m(
        "Pecah berkas menjadi beberapa bagian, atau impor lewat baris perintah.",
        "Split the file, or import it from the command line.",
    ),
    "legacy_14_unsur": _m("Survei 9 unsur dengan skala 1–4.", "A 9-unsur survey on the 1–4 scale."),
    "unknown_option_unit": _m(
        "Kode unit yang terdaftar (lihat menu Unit) atau impor data unit dahulu.",
        "A registered unit code (see Units), or import the units first.",
    ),
    "scale_1_5": _m(
        "Jawaban 1–4 atau label kuesioner (mis. 'Sangat sesuai').",
        "Answers 1–4 or the questionnaire labels (e.g. 'Sangat sesuai').",
    ),
    "scale_5_levels": _m(
        "Satu skala 4 tingkat per kolom, mis. Tidak/Kurang/–/Sangat Sesuai, atau angka 1–4. Bila kuesionernya memang 4 tingkat, tetapkan skornya pada pemetaan jawaban.",
        "One 4-level scale per column, e.g. Tidak/Kurang/–/Sangat Sesuai, or numbers 1–4. If the questionnaire really has 4 levels, set the scores in the answer mapping.",
    ),
    "scale_mixed": _m(
        "Satu skala per kolom (mis. Sangat Sesuai/Sesuai/Kurang Sesuai/Tidak Sesuai), atau tetapkan skor setiap nilai pada pemetaan jawaban.",
        "One scale per column (e.g. Sangat Sesuai/Sesuai/Kurang Sesuai/Tidak Sesuai), or set each value's score in the answer mapping.",
    ),
    "missing_status": _m(
        "Kolom 'status' (belum / proses / selesai; nama lain: {alternatives}) atau kolom tanggal ditanggapi/selesai; pilih kolomnya pada pemetaan bila namanya lain.",
        "A 'status' column (belum / proses / selesai; other names: {alternatives}) or an answer/resolution date column; choose it in the mapping if it has another name.",
    ),
    "map_unknown_field": _m("Salah satu kolom template: {valid}.", "One of the template columns: {valid}."),
    "map_unknown_header": _m(
        "Salah satu judul kolom berkas: {valid}.", "One of the file's headers: {valid}."
    ),
    "missing_column": _m(
        "Tambahkan kolom '{column}' (nama lain yang dikenali: {alternatives}), atau pilih kolomnya pada pemetaan.",
        "Add the column '{column}' (other names recognised: {alternatives}), or choose it in the mapping.",
    ),
    "wrong_kind": _m(
        "Pilih jenis data '{suggestion}', atau pakai template '{kind}' (kolom wajib: {expected}).",
        "Choose the kind '{suggestion}', or use the '{kind}' template (required columns: {expected}).",
    ),
    "no_known_columns": _m(
        "Kolom wajib: {expected}. Template tersedia di halaman Unggah Data, tab Template.",
        "Required columns: {expected}. Templates are on the Upload Data page, Templates tab.",
    ),
    "required": _m(
        "Isi sel ini, atau pakai 'lewati baris tidak valid'.",
        "Fill in this cell, or use 'skip invalid rows'.",
    ),
    "too_long": _m("Paling banyak {max_length} karakter.", "At most {max_length} characters."),
    "code_slash": _m("Kode tanpa '/', mis. PKM-BLW.", "A code without '/', e.g. PKM-BLW."),
    "unknown_unit": _m(
        "Kode unit yang terdaftar (atau nama unit persis); impor data unit dahulu bila unit baru.",
        "A registered unit code (or the exact unit name); import the units first if the unit is new.",
    ),
    "unit_conflict": _m("Kosongkan sel ini atau isi {unit}.", "Leave this cell empty or put {unit}."),
    "unknown_unit_close": _m(
        "Maksud Anda {candidates}? Tulis kodenya, atau impor data unit dahulu bila unit baru.",
        "Did you mean {candidates}? Write its code, or import the units first if the unit is new.",
    ),
    "unit_ambiguous": _m(
        "Kode unit yang dimaksud (salah satu di atas) agar tidak tertukar.",
        "The code of the unit meant (one of those above), so that they are not confused.",
    ),
    "not_a_number": _m(
        "Angka {range} (koma atau titik desimal).", "A number {range} (decimal comma or point)."
    ),
    "not_whole": _m("Bilangan bulat {range}.", "A whole number {range}."),
    "out_of_range": _m("Angka {range}.", "A number {range}."),
    "not_a_date": _m(
        "Tanggal YYYY-MM-DD atau DD/MM/YYYY (hari dahulu), mis. 2025-03-14 atau 14/03/2025.",
        "A date as YYYY-MM-DD or DD/MM/YYYY (day first), e.g. 2025-03-14 or 14/03/2025.",
    ),
    "impossible_date": _m(
        "Tanggal yang ada, YYYY-MM-DD atau DD/MM/YYYY (hari dahulu).",
        "A real date, YYYY-MM-DD or DD/MM/YYYY (day first).",
    ),
    "future_date": _m("Tanggal paling lambat {today}.", "A date no later than {today}."),
    "too_old": _m("Tanggal sejak 1990.", "A date from 1990 on."),
    "not_a_period": _m(
        "YYYY, YYYY-Qn (triwulan) atau YYYY-MM, mis. 2025, 2025-Q2, 2025-06.",
        "YYYY, YYYY-Qn (quarter) or YYYY-MM, e.g. 2025, 2025-Q2, 2025-06.",
    ),
    "future_period": _m(
        "Periode yang sudah dimulai (paling lambat {today}).",
        "A period that has started (no later than {today}).",
    ),
    "nip_as_number": _m(
        "Format kolom NIP sebagai Teks di Excel lalu ketik ulang 18 digitnya (atau awali dengan tanda petik ').",
        "Format the NIP column as Text in Excel and retype the 18 digits (or start them with an apostrophe ').",
    ),
    "nip_format": _m(
        "18 angka: tanggal lahir YYYYMMDD, TMT YYYYMM, jenis kelamin 1/2, nomor urut 3 digit.",
        "18 digits: birth date YYYYMMDD, appointment YYYYMM, gender 1/2, 3-digit serial.",
    ),
    "nip_birth_date": _m(
        "NIP yang diawali tanggal lahir YYYYMMDD yang benar.",
        "A NIP starting with a real birth date YYYYMMDD.",
    ),
    "nip_start_date": _m(
        "Digit 9–14: tahun dan bulan pengangkatan (YYYYMM).",
        "Digits 9–14: year and month of appointment (YYYYMM).",
    ),
    "nip_gender": _m("Digit ke-15: 1 atau 2.", "Digit 15: 1 or 2."),
    "unknown_nip": _m(
        "NIP pegawai yang terdaftar; impor data pegawai dahulu.",
        "A registered employee's NIP; import the employees first.",
    ),
    "not_an_answer": _m("1, 2, 3, 4 atau label: {labels}.", "1, 2, 3, 4 or a label: {labels}."),
    "answer_off_scale": _m("1, 2, 3 atau 4 (label: {labels}).", "1, 2, 3 or 4 (labels: {labels})."),
    "not_a_choice": _m("Salah satu dari: {allowed}.", "One of: {allowed}."),
    "unknown_method": _m(
        "klasikal/nonklasikal atau jenisnya: {allowed}", "klasikal/nonklasikal or its type: {allowed}"
    ),
    "unknown_choice_dropped": _m("Salah satu dari: {allowed}.", "One of: {allowed}."),
    "unknown_parent": _m(
        "Kode unit induk yang terdaftar atau ada di berkas ini; kosongkan untuk unit teratas.",
        "The code of a registered unit or one in this file; leave empty for a top-level unit.",
    ),
    "parent_self": _m("Kode unit lain, atau kosong.", "Another unit's code, or empty."),
    "parent_cycle": _m(
        "Hierarki tanpa putaran: setiap unit berujung ke unit teratas.",
        "A hierarchy without loops: every unit leads up to a top-level unit.",
    ),
    "end_before_start": _m("Tanggal yang sama atau sesudah '{other}'.", "A date on or after '{other}'."),
    "program_inconsistent": _m(
        "Nama, jenis, metode, tanggal dan JP yang sama di semua baris satu kode pelatihan.",
        "The same name, type, method, dates and JP on every row of one programme code.",
    ),
    "score_or_rating": _m("Nilai 0–100 atau predikat SKP.", "A score 0–100 or an SKP rating."),
    "duplicate_row": _m("Hapus salah satu baris.", "Delete one of the rows."),
    "replace_changed_later": _m(
        "Batalkan impor yang lebih baru itu dahulu, lalu ganti lagi.",
        "Undo that later import first, then replace again.",
    ),
    "replace_in_use": _m(
        "Batalkan impor yang lebih baru itu dahulu, lalu ganti lagi.",
        "Undo that later import first, then replace again.",
    ),
    "replace_other_kind": _m(
        "Pilih impor jenis '{new_kind}' untuk diganti.", "Choose an import of kind '{new_kind}' to replace."
    ),
    "likely_duplicate": _m(
        "Periksa; centang 'tinggalkan kiriman ganda' (atau --skip-duplicates) untuk tidak mengimpornya.",
        "Check it; tick 'leave out double submissions' (or --skip-duplicates) not to import it.",
    ),
    "no_answers": _m(
        "Minimal satu jawaban unsur; hapus baris kosong.", "At least one unsur answer; delete empty rows."
    ),
}

_TEMPLATE = {
    "ingest.tpl.sheet": _m("Petunjuk", "Instructions"),
    "ingest.tpl.col.column": _m("Kolom", "Column"),
    "ingest.tpl.col.required": _m("Wajib", "Required"),
    "ingest.tpl.col.content": _m("Isi", "Content"),
    "ingest.tpl.col.example": _m("Contoh", "Example"),
    "ingest.tpl.col.also": _m("Nama kolom lain yang dikenali", "Other column names recognised"),
    "ingest.tpl.note.example": _m(
        "Baris 2 lembar Data adalah contoh: timpa atau hapus sebelum mengunggah.",
        "Row 2 of the Data sheet is an example: overwrite or delete it before uploading.",
    ),
    "ingest.tpl.note.formats": _m(
        "CSV atau XLSX; pemisah koma, titik koma, tab atau '|' (dikenali otomatis); koma atau titik desimal; tanggal YYYY-MM-DD atau DD/MM/YYYY. Judul kolom boleh huruf besar/kecil dan berspasi.",
        "CSV or XLSX; comma, semicolon, tab or '|' separated (detected automatically); decimal comma or point; dates YYYY-MM-DD or DD/MM/YYYY. Headers may use any case and spaces.",
    ),
    "ingest.tpl.note.required": _m(
        "Kolom wajib harus ada dan terisi. Baris bermasalah membuat berkas ditolak seluruhnya, kecuali dipilih 'lewati baris tidak valid'.",
        "Required columns must be present and filled. A row with a problem refuses the whole file unless 'skip invalid rows' is chosen.",
    ),
    "ingest.tpl.type.text": _m(
        "Teks (paling banyak {max_length} karakter).", "Text (at most {max_length} characters)."
    ),
    "ingest.tpl.type.text_free": _m("Teks bebas; baris baru boleh.", "Free text; line breaks are kept."),
    "ingest.tpl.type.code": _m(
        "Kode teks tanpa spasi di awal/akhir (paling banyak {max_length} karakter).",
        "A text code (at most {max_length} characters).",
    ),
    "ingest.tpl.type.unit_ref": _m(
        "Kode unit yang terdaftar (atau nama unit persis).",
        "A registered unit code (or the exact unit name).",
    ),
    "ingest.tpl.type.int": _m("Bilangan bulat {range}.", "A whole number {range}."),
    "ingest.tpl.type.float": _m(
        "Angka {range}; koma atau titik desimal.", "A number {range}; decimal comma or point."
    ),
    "ingest.tpl.type.date": _m(
        "Tanggal YYYY-MM-DD atau DD/MM/YYYY; bukan di masa depan.",
        "A date YYYY-MM-DD or DD/MM/YYYY; not in the future.",
    ),
    "ingest.tpl.type.period": _m(
        "YYYY, YYYY-Qn (triwulan) atau YYYY-MM.", "YYYY, YYYY-Qn (quarter) or YYYY-MM."
    ),
    "ingest.tpl.type.nip": _m(
        "NIP 18 digit, sebagai teks (bukan angka) agar Excel tidak memotongnya.",
        "18-digit NIP, as text (not a number) so that Excel does not cut it.",
    ),
    "ingest.tpl.type.answer": _m(
        "1–4 atau label: {labels}. Boleh kosong bila responden tidak menjawab.",
        "1–4 or a label: {labels}. May be empty if the respondent did not answer.",
    ),
    "ingest.tpl.type.choice": _m("Salah satu: {allowed}.", "One of: {allowed}."),
    "ingest.tpl.type.gender": _m(
        "L atau P (Laki-laki/Perempuan juga dikenali).", "L or P (Laki-laki/Perempuan also recognised)."
    ),
    "ingest.tpl.unit.kode_unit": _m("Kode unik unit.", "The unit's unique code."),
    "ingest.tpl.unit.jenis_unit": _m(
        "Jenis unit, mis. dinas, badan, kecamatan, kelurahan, puskesmas, upt.",
        "Kind of unit, e.g. dinas, badan, kecamatan, kelurahan, puskesmas, upt.",
    ),
    "ingest.tpl.unit.induk": _m(
        "Kode unit induk (boleh ada di berkas yang sama); kosong untuk unit teratas.",
        "The parent's unit code (may be in the same file); empty for a top-level unit.",
    ),
    "ingest.tpl.unit.wilayah": _m(
        "Nama kecamatan, atau 'Kota Medan' untuk OPD tingkat kota.",
        "The kecamatan's name, or 'Kota Medan' for city-wide OPD.",
    ),
    "ingest.tpl.unit.populasi_layanan": _m(
        "Jumlah orang dilayani per tahun (untuk ukuran sampel SKM).",
        "People served per year (for the SKM sample size).",
    ),
    "ingest.tpl.pegawai.jenis_jabatan": _m("Jenis jabatan.", "Position type."),
    "ingest.tpl.pegawai.golongan": _m("Golongan ruang, mis. III/a.", "Civil-service grade, e.g. III/a."),
    "ingest.tpl.pelatihan.kode_pelatihan": _m(
        "Satu kode per penyelenggaraan; satu baris per peserta.",
        "One code per programme run; one row per participant.",
    ),
    "ingest.tpl.pelatihan.metode": _m(
        "Jalur klasikal atau nonklasikal, atau jenisnya (bimtek, workshop, coaching, e-learning …).",
        "Klasikal or nonklasikal, or the type (bimtek, workshop, coaching, e-learning …).",
    ),
    "ingest.tpl.pelatihan.jp": _m("Jam pelajaran (45 menit).", "Learning hours (45 minutes each)."),
    "ingest.tpl.pelatihan.nilai_pre": _m("Nilai pre-test.", "Pre-test score."),
    "ingest.tpl.pelatihan.nilai_post": _m("Nilai post-test.", "Post-test score."),
    "ingest.tpl.pelatihan.status": _m("Kosong berarti lulus.", "Empty means passed."),
    "ingest.tpl.kinerja.nilai": _m(
        "Nilai SKP; isi nilai atau predikat (atau keduanya).", "SKP score; fill in score or rating (or both)."
    ),
    "ingest.tpl.layanan.periode": _m("Biasanya bulanan (YYYY-MM).", "Usually monthly (YYYY-MM)."),
    "ingest.tpl.layanan.rata_waktu_hari": _m("Rata-rata hari penyelesaian.", "Mean days to complete."),
    "ingest.tpl.layanan.persen_tepat_waktu": _m(
        "Persen layanan selesai tepat waktu.", "Percent of services completed on time."
    ),
    "ingest.tpl.survei.tanggal": _m(
        "Tanggal pengisian (kolom Timestamp Google Forms juga dikenali).",
        "Date answered (Google Forms' Timestamp column is recognised too).",
    ),
    "ingest.tpl.survei.kode_unit": _m(
        "Boleh tidak ada bila seluruh berkas untuk satu unit (pilih unitnya saat mengunggah).",
        "May be absent when the whole file is for one unit (choose it when uploading).",
    ),
    "ingest.tpl.survei.saran": _m(
        "Saran responden; disimpan sebagai teks.", "The respondent's suggestion; stored as text."
    ),
    "ingest.tpl.pengaduan.nomor": _m(
        "Nomor laporan (mis. nomor LAPOR!); nomor yang sudah ada diperbarui.",
        "Report number (e.g. the LAPOR! number); an existing number is updated.",
    ),
    "ingest.tpl.pengaduan.kategori": _m(
        "Tema; nilai lain disimpan kosong (diisi pengklasifikasi).",
        "Theme; other values are stored empty (the classifier fills them).",
    ),
    "ingest.tpl.pengaduan.status": _m(
        "Boleh tidak ada bila ada tanggal_selesai: terisi berarti selesai, kosong berarti belum.",
        "May be absent when tanggal_selesai is given: filled means selesai, empty means belum.",
    ),
    "ingest.tpl.pengaduan.tanggal": _m(
        "Tanggal, boleh dengan jam (YYYY-MM-DD HH:MM); jam dipakai untuk waktu tanggapan di bawah sehari.",
        "Date, optionally with time (YYYY-MM-DD HH:MM); the time is used for response times under a day.",
    ),
    "ingest.tpl.pengaduan.kategori_sumber": _m(
        "Topik/kategori asli dari kanal pengaduan (mis. 'topik' ekspor aduan kota, 'Kategori' LAPOR!), disimpan apa adanya.",
        "The channel's own topic (e.g. a city export's 'topik', LAPOR!'s 'Kategori'), stored as written.",
    ),
    "ingest.tpl.pengaduan.isi": _m(
        "Isi pengaduan; disimpan sebagai teks.", "The complaint text; stored as text."
    ),
}

_PAGE = {
    "ingest.page.title": _m("Unggah Data", "Upload Data"),
    "ingest.page.caption": _m(
        "Unggah CSV atau XLSX (hingga 200 MB): periksa pratinjau, pemetaan kolom dan daftar masalah sebelum ada yang disimpan.",
        "Upload a CSV or XLSX (up to 200 MB): check the preview, the column mapping and the problem list before anything is stored.",
    ),
    "ingest.page.tab_upload": _m("Unggah", "Upload"),
    "ingest.page.tab_templates": _m("Template", "Templates"),
    "ingest.page.tab_history": _m("Riwayat impor", "Import history"),
    "ingest.page.kind": _m("Jenis data", "Kind of data"),
    "ingest.page.unit": _m("Satu unit untuk seluruh berkas", "One unit for the whole file"),
    "ingest.page.unit_help": _m(
        "Untuk berkas tanpa kolom unit (mis. ekspor Google Forms satu puskesmas).",
        "For a file without a unit column (e.g. a Google Forms export of one puskesmas).",
    ),
    "ingest.page.swapped": _m("U8 = Sarana, U9 = Pengaduan", "U8 = Sarana, U9 = Pengaduan"),
    "ingest.page.swapped_help": _m(
        "Centang bila kolom U8/U9 berkas ini bertukar dari urutan PermenPANRB 14/2017 (U8 Pengaduan, U9 Sarana). Kolom yang menyebut nama unsurnya selalu dikenali dari namanya.",
        "Tick if this file's U8/U9 columns are swapped from the PermenPANRB 14/2017 order (U8 Pengaduan, U9 Sarana). Columns that name their unsur are always matched by the name.",
    ),
    "ingest.page.file": _m("Berkas CSV atau XLSX", "CSV or XLSX file"),
    "ingest.page.file_help": _m(
        "Pemisah koma, titik koma, tab atau '|'; UTF-8 atau Windows-1252; judul di atas tabel dan baris kosong boleh.",
        "Comma, semicolon, tab or '|' separated; UTF-8 or Windows-1252; a title above the table and blank rows are fine.",
    ),
    "ingest.page.start": _m(
        "Pilih jenis data lalu letakkan berkasnya di sini. Belum punya format? Unduh template di tab Template.",
        "Choose the kind of data, then drop the file here. No format yet? Download a template in the Templates tab.",
    ),
    "ingest.page.reading": _m("Membaca dan memeriksa berkas…", "Reading and checking the file…"),
    "ingest.page.rows": _m("Baris data", "Data rows"),
    "ingest.page.valid": _m("Baris valid", "Valid rows"),
    "ingest.page.problems": _m("Masalah", "Problems"),
    "ingest.page.read_as": _m(
        "Dibaca sebagai {type} ({source}); judul kolom di baris {header_row}.",
        "Read as {type} ({source}); header in row {header_row}.",
    ),
    "ingest.page.preview": _m("Pratinjau", "Preview"),
    "ingest.page.mapping": _m("Pemetaan kolom", "Column mapping"),
    "ingest.page.mapping_adjust": _m("Sesuaikan pemetaan kolom", "Adjust the column mapping"),
    "ingest.page.mapping_guessed": _m(
        "Dikenali dari teks pertanyaan, periksa: {fields}",
        "Recognised from the question text, please check: {fields}",
    ),
    "ingest.page.unused": _m("Kolom yang tidak dipakai: {columns}", "Columns not used: {columns}"),
    "ingest.page.problem_list": _m("Daftar masalah", "Problem list"),
    "ingest.page.row_errors": _m(
        "{count} masalah di {rows} baris. Perbaiki berkas, atau centang 'lewati baris tidak valid'.",
        "{count} problems in {rows} rows. Fix the file, or tick 'skip invalid rows'.",
    ),
    "ingest.page.download_problems": _m("Unduh daftar masalah (CSV)", "Download the problem list (CSV)"),
    "ingest.page.all_valid": _m("Semua baris valid.", "All rows are valid."),
    "ingest.page.scales": _m("Pemetaan jawaban", "Answer mapping"),
    "ingest.page.scales_help": _m(
        "Setiap nilai jawaban dan skor 1–4 yang dikenali per kolom. Ubah skor bila salah; kolom yang ditolak dapat diimpor dengan mengisi skor semua nilainya.",
        "Each answer value and the 1–4 score recognised per column. Change a score if it is wrong; a refused column can be imported by giving all its values a score.",
    ),
    "ingest.page.skip_duplicates": _m("Tinggalkan kiriman ganda", "Leave out double submissions"),
    "ingest.page.skip_dups_help": _m(
        "Baris yang ditandai 'kemungkinan kiriman ganda' tidak diimpor.",
        "Rows marked 'likely double submission' are not imported.",
    ),
    "ingest.page.replaces": _m("Ganti impor sebelumnya", "Replace an earlier import"),
    "ingest.page.replaces_none": _m("— tidak, tambahkan —", "— no, add —"),
    "ingest.page.replaces_help": _m(
        "Berkas yang diperbaiki: impor lama dibatalkan dan berkas ini diimpor dalam satu langkah. Ditolak bila impor yang lebih baru bergantung padanya.",
        "A corrected file: the earlier import is undone and this file imported in one step. Refused when a later import depends on it.",
    ),
    "ingest.page.skip_invalid": _m("Lewati baris tidak valid", "Skip invalid rows"),
    "ingest.page.skip_help": _m(
        "Impor baris yang valid saja; baris lain dilaporkan dan tidak disimpan.",
        "Import only the valid rows; the others are reported and not stored.",
    ),
    "ingest.page.import": _m("Impor {rows} baris", "Import {rows} rows"),
    "ingest.page.importing": _m("Menyimpan…", "Storing…"),
    "ingest.page.done": _m("Selesai", "Done"),
    "ingest.page.failed": _m(
        "Impor gagal dan dibatalkan seluruhnya; tidak ada yang disimpan ({detail}).",
        "The import failed and was rolled back; nothing was stored ({detail}).",
    ),
    "ingest.page.templates_intro": _m(
        "Setiap template berisi satu baris contoh; versi XLSX punya lembar Petunjuk yang menjelaskan setiap kolom.",
        "Each template has one example row; the XLSX version has an Instructions sheet explaining every column.",
    ),
    "ingest.page.no_history": _m("Belum ada impor.", "No imports yet."),
    "ingest.page.undo_choose": _m("Pilih impor yang akan dibatalkan", "Import to undo"),
    "ingest.page.undo": _m("Batalkan impor", "Undo import"),
    "ingest.page.h.when": _m("Waktu", "When"),
    "ingest.page.h.user": _m("Pengguna", "User"),
    "ingest.page.h.kind": _m("Jenis", "Kind"),
    "ingest.page.h.file": _m("Berkas", "File"),
    "ingest.page.h.rows": _m("Baris", "Rows"),
    "ingest.page.h.inserted": _m("Baru", "New"),
    "ingest.page.h.updated": _m("Diperbarui", "Updated"),
    "ingest.page.h.rejected": _m("Ditolak", "Rejected"),
    "ingest.page.h.outcome": _m("Hasil", "Outcome"),
    "ingest.page.h.message": _m("Keterangan", "Message"),
    "ingest.outcome.imported": _m("diimpor", "imported"),
    "ingest.outcome.refused": _m("ditolak", "refused"),
    "ingest.outcome.undone": _m("dibatalkan", "undone"),
    "ingest.kind.demo": _m("Data demo", "Demo data"),
}

MESSAGES: dict[str, dict[str, str]] = {
    **_PAGE,
    **_TEMPLATE,
    **{f"ingest.problem.{k}": v for k, v in _PROBLEMS.items()},
    **{f"ingest.expected.{k}": v for k, v in _EXPECTED.items()},
    "ingest.where.row": _m("Baris {row}", "Row {row}"),
    "ingest.where.column": _m("kolom '{column}'", "column '{column}'"),
    "ingest.where.value": _m("nilai '{value}'", "value '{value}'"),
    "ingest.where.expected": _m("Yang diharapkan: {expected}", "Expected: {expected}"),
    "ingest.severity.error": _m("galat", "error"),
    "ingest.severity.warning": _m("peringatan", "warning"),
    "ingest.more_problems": _m(
        "… dan {count} masalah lain (unduh daftar lengkapnya).",
        "… and {count} more problems (download the full list).",
    ),
    "ingest.col.row": _m("Baris", "Row"),
    "ingest.col.column": _m("Kolom", "Column"),
    "ingest.col.value": _m("Nilai", "Value"),
    "ingest.col.problem": _m("Masalah", "Problem"),
    "ingest.col.expected": _m("Yang diharapkan", "Expected"),
    "ingest.col.level": _m("Tingkat", "Level"),
    "ingest.col.field": _m("Kolom template", "Template column"),
    "ingest.col.source": _m("Kolom di berkas", "Column in the file"),
    "ingest.col.how": _m("Dikenali dari", "Recognised by"),
    "ingest.col.required": _m("Wajib", "Required"),
    "ingest.col.score": _m("Skor", "Score"),
    "ingest.scale.official": _m("label kuesioner resmi", "official questionnaire labels"),
    "ingest.scale.family": _m("skala 4 tingkat yang dikenali", "a recognised 4-level scale"),
    "ingest.scale.numbered": _m("nomor di depan jawaban", "the number before the answer"),
    "ingest.scale.single": _m("satu jawaban saja di kolom ini", "a single answer in this column"),
    "ingest.scale.assumed": _m(
        "dugaan (Tidak/Kurang/–/Sangat), periksa", "assumed (Tidak/Kurang/–/Sangat), please check"
    ),
    "ingest.scale.user": _m("pilihan Anda", "your choice"),
    "ingest.scale.five_levels": _m("skala 5 tingkat: ditolak", "5-level scale: refused"),
    "ingest.scale.mixed": _m("skala campuran: ditolak", "mixed scales: refused"),
    "ingest.how.name": _m("nama template", "template name"),
    "ingest.how.synonym": _m("nama lain yang dikenal", "a known alternative name"),
    "ingest.how.number": _m("nomor unsur (U1–U9)", "unsur number (U1–U9)"),
    "ingest.how.question": _m(
        "teks pertanyaan / nama unsur (tebakan, periksa)", "question text / unsur name (a guess, check it)"
    ),
    "ingest.how.user": _m("pilihan Anda", "your choice"),
    "ingest.how.option": _m("opsi impor", "import option"),
    "ingest.how.missing": _m("tidak ditemukan", "not found"),
    "ingest.yes": _m("ya", "yes"),
    "ingest.no": _m("tidak", "no"),
    # results
    "ingest.result.imported": _m(
        "Impor #{id} selesai: {total} baris; {inserted} baru, {updated} diperbarui, {unchanged} sudah sama.",
        "Import #{id} done: {total} rows; {inserted} new, {updated} updated, {unchanged} already the same.",
    ),
    "ingest.result.dry_run": _m(
        "Uji coba: {inserted} baris siap diimpor dari {total}; belum ada yang disimpan.",
        "Dry run: {inserted} of {total} rows ready to import; nothing has been stored.",
    ),
    "ingest.result.refused": _m(
        "Berkas {file} ditolak ({errors} masalah); tidak ada data yang disimpan.",
        "File {file} refused ({errors} problems); no data was stored.",
    ),
    "ingest.result.duplicate": _m(
        "Berkas ini sudah diimpor sebagai impor #{duplicate_of}; tidak diimpor lagi.",
        "This file was already imported as import #{duplicate_of}; it was not imported again.",
    ),
    "ingest.result.rejected": _m(
        "{rejected} baris tidak valid dilewati (lihat daftar masalah).",
        "{rejected} invalid rows were skipped (see the problem list).",
    ),
    "ingest.result.replaced": _m(
        "Impor #{old} diganti: {removed} baris lamanya dihapus, {restored} dipulihkan ke nilai sebelum impor itu.",
        "Import #{old} replaced: {removed} of its rows removed, {restored} restored to their values before it.",
    ),
    "ingest.result.replaced_by": _m("Diganti oleh impor #{id}.", "Replaced by import #{id}."),
    "ingest.outcome.replaced": _m("diganti", "replaced"),
    "ingest.result.left_out": _m(
        "{left_out} kemungkinan kiriman ganda tidak diimpor.",
        "{left_out} likely double submissions were left out.",
    ),
    "ingest.result.programs": _m(
        "Program pelatihan: {programs_inserted} baru, {programs_updated} diperbarui.",
        "Training programmes: {programs_inserted} new, {programs_updated} updated.",
    ),
    # undo
    "ingest.undo.done": _m(
        "Impor #{id} dibatalkan: {removed} baris dihapus, {restored} dipulihkan.",
        "Import #{id} undone: {removed} rows removed, {restored} restored.",
    ),
    "ingest.undo.confirm": _m(
        "Batalkan impor #{id} ({kind}, berkas {file}, diimpor {when})? {inserted} baris yang ditambahkannya "
        "akan dihapus dan {updated} baris yang diubahnya dikembalikan ke nilai sebelumnya. "
        "Tindakan ini dicatat di log audit.",
        "Undo import #{id} ({kind}, file {file}, imported {when})? The {inserted} rows it added will be "
        "deleted and the {updated} rows it changed restored to their earlier values. "
        "This is recorded in the audit log.",
    ),
    "ingest.undo.confirm_yes": _m("Ya, batalkan impor #{id}", "Yes, undo import #{id}"),
    "ingest.undo.confirm_no": _m("Tidak jadi", "Keep it"),
    "ingest.undo.not_found": _m("Impor #{id} tidak ada.", "Import #{id} does not exist."),
    "ingest.undo.demo": _m(
        "Data demo (#{id}) tidak dibatalkan dari sini; muat ulang demo dengan perintah demo.",
        "The demo load (#{id}) is not undone here; reload the demo with the demo command.",
    ),
    "ingest.undo.not_imported": _m(
        "Impor #{id} berstatus '{outcome}'; hanya impor yang berlaku yang dapat dibatalkan.",
        "Import #{id} is '{outcome}'; only an import in force can be undone.",
    ),
    "ingest.undo.changed_later": _m(
        "Impor #{id} tidak dapat dibatalkan: sebagian datanya diubah lagi oleh impor {later}. Batalkan impor itu dahulu.",
        "Import #{id} cannot be undone: some of its records were changed again by import {later}. Undo that import first.",
    ),
    "ingest.undo.in_use": _m(
        "Impor #{id} tidak dapat dibatalkan: datanya dipakai oleh data lain di tabel {table} (impor {later}). Batalkan impor itu dahulu.",
        "Import #{id} cannot be undone: its records are used by other data in table {table} (import {later}). Undo that import first.",
    ),
    # kinds
    "ingest.kind.unit": _m("Unit kerja", "Units"),
    "ingest.kind.pegawai": _m("Pegawai (ASN)", "Employees (ASN)"),
    "ingest.kind.pelatihan": _m("Pelatihan & peserta", "Training & participants"),
    "ingest.kind.kinerja": _m("Kinerja (SKP)", "Performance (SKP)"),
    "ingest.kind.layanan": _m("Statistik layanan", "Service statistics"),
    "ingest.kind.survei": _m("Survei Kepuasan Masyarakat (SKM)", "Public satisfaction survey (SKM)"),
    "ingest.kind.pengaduan": _m("Pengaduan", "Complaints"),
}
