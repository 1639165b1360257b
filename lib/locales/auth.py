"""Messages of sign-in, the account box, the admin pages (users, audit log) and access errors."""

MESSAGES = {
    "auth.title": {"id": "Masuk ke Telaah", "en": "Sign in to Telaah"},
    "auth.intro": {
        "id": "Telaah memuat data pribadi ASN dan pengaduan masyarakat. Masuk dengan akun Anda.",
        "en": "Telaah holds civil servants' personal data and public complaints. Sign in with your account.",
    },
    "auth.username": {"id": "Nama pengguna", "en": "Username"},
    "auth.password": {"id": "Kata sandi", "en": "Password"},
    "auth.sign_in": {"id": "Masuk", "en": "Sign in"},
    "auth.failed": {
        "id": "Nama pengguna atau kata sandi salah, atau akun dikunci sementara karena terlalu banyak "
        "percobaan. Coba lagi nanti atau hubungi admin.",
        "en": "Wrong username or password, or the account is locked for a while after too many "
        "attempts. Try again later or contact an admin.",
    },
    "auth.oidc_intro": {
        "id": "Masuk dengan akun kantor Anda (single sign-on).",
        "en": "Sign in with your office account (single sign-on).",
    },
    "auth.oidc_button": {"id": "Masuk dengan akun kantor", "en": "Sign in with office account"},
    "auth.oidc_button_provider": {"id": "Masuk dengan {provider}", "en": "Sign in with {provider}"},
    "auth.oidc_no_account": {
        "id": "Akun kantor berikut belum terdaftar atau tidak aktif di Telaah. Minta admin menambahkan "
        "alamat e-mail ini ke akun Anda.",
        "en": "The office account below is not registered or not active in Telaah. Ask an admin to add "
        "this e-mail address to your account.",
    },
    "auth.session_ended": {
        "id": "Sesi Anda berakhir atau akun Anda diubah. Silakan masuk kembali.",
        "en": "Your session ended or your account was changed. Please sign in again.",
    },
    "auth.no_accounts": {
        "id": "Belum ada akun. Petugas TI membuat akun admin pertama di server dengan perintah berikut, "
        "lalu admin menambahkan pengguna lain di halaman Pengguna.",
        "en": "There are no accounts yet. The IT officer creates the first admin account on the server "
        "with the command below; the admin then adds other users on the Users page.",
    },
    "auth.sign_out": {"id": "Keluar", "en": "Sign out"},
    "auth.signed_in_as": {"id": "Masuk sebagai {name} · {role}", "en": "Signed in as {name} · {role}"},
    "auth.no_unit": {
        "id": "Akun pengelola unit ini tidak terhubung ke unit mana pun, jadi tidak ada data yang dapat "
        "ditampilkan. Minta admin memperbaiki akun Anda.",
        "en": "This unit manager's account is not linked to any unit, so no data can be shown. "
        "Ask an admin to fix your account.",
    },
    "auth.unit": {"id": "Unit: {unit}", "en": "Unit: {unit}"},
    "auth.demo_banner": {
        "id": "Mode demo — tanpa login. Jangan gunakan mode ini dengan data pribadi yang sebenarnya.",
        "en": "Demo mode — no sign-in. Do not use this mode with real personal data.",
    },
    "auth.demo_role": {"id": "Peran demo", "en": "Demo role"},
    "auth.demo_unit": {"id": "Unit demo (pengelola unit)", "en": "Demo unit (unit manager)"},
    "auth.denied": {
        "id": "Anda tidak memiliki akses ke halaman ini.",
        "en": "You do not have access to this page.",
    },
    "auth.scope_denied": {
        "id": "Unit yang diminta berada di luar cakupan akun Anda. Data tidak ditampilkan.",
        "en": "The requested unit is outside your account's scope. No data is shown.",
    },
    "auth.role.pimpinan": {"id": "Pimpinan", "en": "Leadership"},
    "auth.role.evaluator": {"id": "Evaluator", "en": "Evaluator"},
    "auth.role.manager": {"id": "Pengelola unit", "en": "Unit manager"},
    "auth.role.admin": {"id": "Admin", "en": "Admin"},
    # Users page
    "auth.users.title": {"id": "Pengguna", "en": "Users"},
    "auth.users.caption": {
        "id": "Akun yang dapat masuk ke Telaah, dengan peran dan unitnya. Kata sandi tidak pernah "
        "ditampilkan; akun tidak dihapus, hanya dinonaktifkan, agar log audit tetap utuh.",
        "en": "Accounts that can sign in to Telaah, with their role and unit. Passwords are never shown; "
        "accounts are disabled rather than deleted so that the audit log stays complete.",
    },
    "auth.users.col.username": {"id": "Nama pengguna", "en": "Username"},
    "auth.users.col.full_name": {"id": "Nama lengkap", "en": "Full name"},
    "auth.users.col.role": {"id": "Peran", "en": "Role"},
    "auth.users.col.unit": {"id": "Unit", "en": "Unit"},
    "auth.users.col.email": {"id": "E-mail (SSO)", "en": "E-mail (SSO)"},
    "auth.users.col.active": {"id": "Aktif", "en": "Active"},
    "auth.users.col.password": {"id": "Kata sandi lokal", "en": "Local password"},
    "auth.users.col.failed": {"id": "Gagal berturut", "en": "Consecutive failures"},
    "auth.users.col.locked_until": {"id": "Dikunci sampai", "en": "Locked until"},
    "auth.users.col.last_login": {"id": "Terakhir masuk", "en": "Last sign-in"},
    "auth.users.empty": {"id": "Belum ada akun.", "en": "No accounts yet."},
    "auth.users.add": {"id": "Tambah pengguna", "en": "Add a user"},
    "auth.users.unit_help": {
        "id": "Wajib untuk pengelola unit; peran lain melihat semua unit.",
        "en": "Required for unit managers; other roles see all units.",
    },
    "auth.users.no_unit": {"id": "— tanpa unit —", "en": "— no unit —"},
    "auth.users.password_help": {
        "id": "Minimal 10 karakter. Kosongkan untuk akun yang hanya masuk lewat SSO (isi e-mail).",
        "en": "At least 10 characters. Leave empty for an SSO-only account (fill in the e-mail).",
    },
    "auth.users.password_confirm": {"id": "Ulangi kata sandi", "en": "Repeat the password"},
    "auth.users.password_mismatch": {"id": "Kedua kata sandi tidak sama.", "en": "The two passwords differ."},
    "auth.users.save": {"id": "Simpan", "en": "Save"},
    "auth.users.added": {"id": "Pengguna {username} ditambahkan.", "en": "User {username} added."},
    "auth.users.manage": {"id": "Kelola akun", "en": "Manage an account"},
    "auth.users.pick": {"id": "Akun", "en": "Account"},
    "auth.users.disable": {"id": "Nonaktifkan", "en": "Disable"},
    "auth.users.enable": {"id": "Aktifkan kembali", "en": "Re-enable"},
    "auth.users.unlock": {"id": "Buka kunci", "en": "Unlock"},
    "auth.users.new_password": {"id": "Kata sandi baru", "en": "New password"},
    "auth.users.set_password": {"id": "Ganti kata sandi", "en": "Change password"},
    "auth.users.done": {"id": "Perubahan untuk {username} disimpan.", "en": "Change to {username} saved."},
    "auth.users.not_self": {
        "id": "Anda tidak dapat menonaktifkan akun Anda sendiri.",
        "en": "You cannot disable your own account.",
    },
    "auth.users.error": {"id": "Tidak dapat disimpan: {message}", "en": "Not saved: {message}"},
    # Audit page
    "auth.audit.title": {"id": "Log Audit", "en": "Audit log"},
    "auth.audit.caption": {
        "id": "Siapa masuk (dan gagal masuk), mengimpor, membatalkan impor, mengekspor data atau "
        "mengubah akun, dan kapan (UTC). Log hanya ditambah, tidak pernah diubah.",
        "en": "Who signed in (or failed to), imported, undid an import, exported data or changed "
        "accounts, and when (UTC). The log is only ever appended to.",
    },
    "auth.audit.actions": {"id": "Jenis kejadian", "en": "Event types"},
    "auth.audit.user": {"id": "Nama pengguna (persis)", "en": "Username (exact)"},
    "auth.audit.limit": {"id": "Jumlah baris terbaru", "en": "Newest rows"},
    "auth.audit.col.at": {"id": "Waktu (UTC)", "en": "Time (UTC)"},
    "auth.audit.col.username": {"id": "Pengguna", "en": "User"},
    "auth.audit.col.action": {"id": "Kejadian", "en": "Event"},
    "auth.audit.col.detail": {"id": "Rincian", "en": "Detail"},
    "auth.audit.empty": {"id": "Tidak ada kejadian yang cocok.", "en": "No matching events."},
    "auth.audit.count": {"id": "{n} kejadian ditampilkan.", "en": "{n} events shown."},
    "auth.action.sign_in": {"id": "Masuk", "en": "Sign-in"},
    "auth.action.sign_in_failed": {"id": "Gagal masuk", "en": "Failed sign-in"},
    "auth.action.sign_out": {"id": "Keluar", "en": "Sign-out"},
    "auth.action.access_denied": {"id": "Akses ditolak", "en": "Access denied"},
    "auth.action.import": {"id": "Impor", "en": "Import"},
    "auth.action.demo_load": {"id": "Kota contoh dimuat", "en": "Demo city loaded"},
    "auth.action.holiday_added": {"id": "Hari libur ditambahkan", "en": "Holiday added"},
    "auth.action.holiday_removed": {"id": "Hari libur dihapus", "en": "Holiday removed"},
    "auth.action.undo": {"id": "Batalkan impor", "en": "Undo import"},
    "auth.action.export": {"id": "Ekspor", "en": "Export"},
    "auth.action.user_added": {"id": "Pengguna ditambah", "en": "User added"},
    "auth.action.user_disabled": {"id": "Pengguna dinonaktifkan", "en": "User disabled"},
    "auth.action.user_enabled": {"id": "Pengguna diaktifkan", "en": "User re-enabled"},
    "auth.action.password_set": {"id": "Kata sandi diganti", "en": "Password changed"},
    "auth.action.user_unlocked": {"id": "Kunci dibuka", "en": "Account unlocked"},
}
