"""Messages of the demo-city command."""

MESSAGES = {
    "demo.help": {
        "id": "Isi basis data dengan kota demo (Kota Medan) yang realistis dan dapat diulang",
        "en": "Fill the database with a realistic, reproducible demo city (Kota Medan)",
    },
    "demo.arg_scale": {
        "id": "ukuran: small (±110 unit, 2.000 pegawai) atau city (±470 unit, 20.000 pegawai, ±4 juta responden)",
        "en": "size: small (~110 units, 2,000 employees) or city (~470 units, 20,000 employees, ~4 million respondents)",
    },
    "demo.arg_seed": {
        "id": "bilangan acak awal; seed yang sama menghasilkan data yang sama",
        "en": "random seed; the same seed gives the same data",
    },
    "demo.arg_replace": {
        "id": "hapus semua data yang ada lalu muat kota demo",
        "en": "delete all existing data, then load the demo city",
    },
    "demo.arg_if_empty": {
        "id": "muat hanya jika basis data masih kosong (tidak berbuat apa-apa jika sudah berisi)",
        "en": "load only if the database is empty (do nothing if it holds data)",
    },
    "demo.building": {
        "id": "Membangun kota demo (skala {scale}, seed {seed}) …",
        "en": "Building the demo city (scale {scale}, seed {seed}) …",
    },
    "demo.skipped": {
        "id": "Basis data sudah berisi data; kota demo tidak dimuat.",
        "en": "The database already holds data; the demo city was not loaded.",
    },
    "demo.not_empty": {
        "id": "Basis data sudah berisi data. Tambahkan --replace untuk menggantinya dengan kota demo "
        "(semua data yang ada akan dihapus), atau --if-empty untuk melewati.",
        "en": "The database already holds data. Add --replace to replace it with the demo city "
        "(all existing data will be deleted), or --if-empty to skip.",
    },
    "demo.replace_blocked": {
        "id": "Data tidak dapat diganti: ada {detail}. Kaitkan akun tersebut ke unit lain dulu.",
        "en": "Cannot replace the data: there are {detail}. Tie those accounts to another unit first.",
    },
    "demo.db_error": {
        "id": "Tidak dapat memakai basis data: {detail}",
        "en": "Cannot use the database: {detail}",
    },
    "demo.done": {
        "id": 'Selesai dalam {seconds} detik (batch impor "{batch}").',
        "en": 'Done in {seconds} seconds (import batch "{batch}").',
    },
}
