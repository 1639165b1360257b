"""Which pages each role may open: the navigation app.py builds, as plain data that tests can check.

Every page also checks the role itself (a page must never rely on the menu).
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.auth.roles import Principal, Role, can_import, can_manage_users, can_read_audit, sees_whole_city


@dataclass(frozen=True)
class PageEntry:
    file: str
    title_key: str
    icon: str
    url_path: str
    default: bool = False
    #: whether the page uses the shared period/wilayah/unit filters (the sidebar shows them only then)
    filters: bool = True


def pages_for(principal: Principal, empty: bool) -> dict[str, list[PageEntry]]:
    """Section message key → the pages of that section this principal may open (empty sections dropped)."""
    upload = (
        [PageEntry("unggah.py", "nav.unggah", ":material/upload_file:", "unggah", filters=False)]
        if can_import(principal)
        else []
    )
    admin = []
    if can_manage_users(principal):
        admin.append(PageEntry("pengguna.py", "nav.pengguna", ":material/group:", "pengguna", filters=False))
    if can_read_audit(principal):
        admin.append(PageEntry("audit.py", "nav.audit", ":material/policy:", "audit", filters=False))
    status = PageEntry("status_data.py", "nav.status", ":material/database:", "status", filters=False)
    if empty:
        sections = {
            "nav.section.overview": [
                PageEntry("mulai.py", "empty.title", ":material/rocket_launch:", "mulai", True)
            ],
            "nav.section.data": upload,
            "nav.section.admin": admin,
        }
    elif principal.role is Role.ADMIN:
        sections = {
            "nav.section.data": [
                PageEntry(status.file, status.title_key, status.icon, status.url_path, True, filters=False)
            ],
            "nav.section.admin": admin,
        }
    else:
        sections = {
            "nav.section.overview": [
                PageEntry("ringkasan.py", "nav.ringkasan", ":material/dashboard:", "ringkasan", True),
                PageEntry("kepuasan.py", "nav.kepuasan", ":material/sentiment_satisfied:", "kepuasan"),
                PageEntry("pengaduan.py", "nav.pengaduan", ":material/campaign:", "pengaduan"),
            ],
            "nav.section.analysis": [
                PageEntry("dampak_pelatihan.py", "nav.dampak", ":material/school:", "dampak"),
                PageEntry("prioritas.py", "nav.prioritas", ":material/priority_high:", "prioritas"),
                PageEntry("metode.py", "nav.metode", ":material/menu_book:", "metode", filters=False),
            ],
            "nav.section.data": [*upload, *([status] if sees_whole_city(principal) else [])],
            "nav.section.admin": admin,
        }
    return {name: entries for name, entries in sections.items() if entries}
