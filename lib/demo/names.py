"""Indonesian personal names in the mix typical of Medan's civil service.

Batak (Toba, Mandailing, Karo, Simalungun) marga, Malay and Javanese names
(the Pujakesuma community is large in Medan), a few Minang and
Chinese-Indonesian names, and the academic titles ASN write with their names.
"""

from __future__ import annotations

import random

TOBA_MARGA = (
    "Simanjuntak",
    "Sitompul",
    "Hutagalung",
    "Panjaitan",
    "Pardede",
    "Sinaga",
    "Situmorang",
    "Simatupang",
    "Manurung",
    "Sihombing",
    "Tambunan",
    "Hutapea",
    "Napitupulu",
    "Silalahi",
    "Sianturi",
    "Simanungkalit",
    "Pakpahan",
    "Marpaung",
    "Gultom",
    "Siahaan",
    "Nainggolan",
    "Tampubolon",
    "Hutabarat",
    "Lumbantobing",
    "Aritonang",
    "Sitorus",
    "Situmeang",
    "Sagala",
    "Siregar",
    "Hutauruk",
)
MANDAILING_MARGA = (
    "Nasution",
    "Lubis",
    "Harahap",
    "Hasibuan",
    "Pohan",
    "Daulay",
    "Rangkuti",
    "Siregar",
    "Batubara",
    "Dalimunthe",
    "Ritonga",
    "Pulungan",
    "Parinduri",
    "Hutasuhut",
    "Rambe",
    "Matondang",
    "Tanjung",
)
KARO_MARGA = (
    "Ginting",
    "Sembiring",
    "Tarigan",
    "Sitepu",
    "Barus",
    "Perangin-angin",
    "Surbakti",
    "Bangun",
    "Sinulingga",
    "Meliala",
    "Pelawi",
    "Brahmana",
    "Kaban",
    "Karo-Karo",
)
SIMALUNGUN_MARGA = ("Purba", "Damanik", "Saragih", "Girsang", "Sipayung", "Sinaga")

CHRISTIAN_MALE = (
    "Hotman",
    "Maruli",
    "Roy",
    "Ronald",
    "Hendrik",
    "Jansen",
    "Poltak",
    "Togar",
    "Parulian",
    "Binsar",
    "Sahat",
    "Tumpal",
    "Benny",
    "Daniel",
    "Samuel",
    "Rudi",
    "Johannes",
    "Marihot",
    "Hasudungan",
    "Robert",
    "Frans",
    "Erwin",
    "Jonner",
    "Martin",
    "Edison",
    "Ricky",
    "Andreas",
    "Yosua",
    "Bonar",
    "Darwin",
)
CHRISTIAN_FEMALE = (
    "Rosmawati",
    "Lamria",
    "Tiurma",
    "Juliana",
    "Rotua",
    "Dameria",
    "Erni",
    "Lasma",
    "Rohani",
    "Sondang",
    "Mariana",
    "Yohana",
    "Rumondang",
    "Friska",
    "Novita",
    "Ruth",
    "Debora",
    "Kristina",
    "Lenny",
    "Hotnida",
    "Melva",
    "Riris",
    "Tetty",
    "Imelda",
    "Elfrida",
    "Grace",
    "Monika",
    "Sartika",
    "Lisbet",
    "Roslina",
)
MUSLIM_MALE = (
    "Ahmad",
    "Muhammad",
    "Zulkarnain",
    "Syahrial",
    "Irwansyah",
    "Rahmat",
    "Fadli",
    "Khairul",
    "Ridwan",
    "Mhd. Arif",
    "Asrul",
    "Hamdan",
    "Azhar",
    "Faisal",
    "Syahrul",
    "Zulkifli",
    "Azmi",
    "Mahmud",
    "Indra",
    "Ismail",
    "Hasan",
    "Abdul Rahman",
    "Syamsul Bahri",
    "Iskandar",
    "Fauzi",
    "Rizky",
    "Ilham",
    "Taufik",
    "Muhammad Yusuf",
    "Aidil",
)
MUSLIM_FEMALE = (
    "Siti Aisyah",
    "Nurhayati",
    "Rahmawati",
    "Fitri",
    "Nur Asiah",
    "Masdelina",
    "Ernawati",
    "Hafsah",
    "Rosmaini",
    "Khairani",
    "Nurhalimah",
    "Yusnita",
    "Marlina",
    "Nurul Hidayah",
    "Fatimah",
    "Zuraida",
    "Ernita",
    "Rosnah",
    "Syarifah",
    "Nadia",
    "Putri",
    "Annisa",
    "Rizki Amalia",
    "Dewi",
    "Halimah",
    "Sakinah",
    "Yuliani",
    "Mutiara",
    "Rahmi",
    "Sri Rezeki",
)
MALAY_SECOND_MALE = (
    "Syahputra",
    "Effendi",
    "Hamzah",
    "Rizal",
    "Harun",
    "Saputra",
    "Amri",
    "Hakim",
    "Fahmi",
    "Yusuf",
)
MALAY_SECOND_FEMALE = (
    "Syahputri",
    "Wahyuni",
    "Hasanah",
    "Aini",
    "Sari",
    "Rahayu",
    "Fitriani",
    "Ramadhani",
    "Zahara",
)
JAVA_FIRST_MALE = (
    "Agus",
    "Budi",
    "Eko",
    "Joko",
    "Slamet",
    "Sugeng",
    "Heru",
    "Bambang",
    "Wahyu",
    "Dwi",
    "Teguh",
    "Yudi",
    "Hari",
    "Edi",
    "Andi",
    "Tri",
    "Bayu",
    "Adi",
    "Rudi",
    "Puji",
)
JAVA_FIRST_FEMALE = (
    "Sri",
    "Dwi",
    "Endang",
    "Tri",
    "Retno",
    "Wulan",
    "Sulastri",
    "Suharti",
    "Eka",
    "Yuni",
    "Ratna",
    "Rina",
    "Ani",
    "Dian",
    "Lestari",
    "Sumiati",
    "Wiwik",
    "Susi",
    "Indah",
    "Nining",
)
JAVA_SECOND_MALE = (
    "Santoso",
    "Setiawan",
    "Prasetyo",
    "Wibowo",
    "Susanto",
    "Purnomo",
    "Hidayat",
    "Kurniawan",
    "Nugroho",
    "Sutrisno",
    "Wijaya",
    "Pranoto",
    "Hartono",
    "Suprapto",
    "Gunawan",
)
JAVA_SECOND_FEMALE = (
    "Wahyuni",
    "Lestari",
    "Rahayu",
    "Handayani",
    "Astuti",
    "Purwanti",
    "Suryani",
    "Kusumawati",
    "Wulandari",
    "Widiastuti",
    "Ningsih",
    "Utami",
    "Rahmawati",
    "Susanti",
    "Mulyani",
)
MINANG_MALE = ("Afrizal", "Yusrizal", "Hendri", "Zulfikar", "Rahmat Hidayat", "Ferdian", "Syafrizal")
MINANG_FEMALE = ("Yulia Fitri", "Desi Ratnasari", "Rahmi Yanti", "Elvira", "Fitria Ningsih", "Yelli Marlina")
CHINESE_FIRST_MALE = ("Hendra", "Andi", "Wilson", "Kevin", "Willy", "Susanto", "Johan", "Rudy", "Hengky")
CHINESE_FIRST_FEMALE = ("Lili", "Meliana", "Susanti", "Vivi", "Elisa", "Yenni", "Linda", "Fenny", "Mei Lan")
CHINESE_SECOND = ("Wijaya", "Gunawan", "Halim", "Salim", "Tanjaya", "Lim", "Sutanto", "Hartanto", "Chandra")

#: (group, weight) in the civil-service population
GROUPS = (
    ("toba", 0.24),
    ("mandailing", 0.18),
    ("karo", 0.09),
    ("simalungun", 0.04),
    ("malay", 0.14),
    ("java", 0.23),
    ("minang", 0.05),
    ("chinese", 0.03),
)


def personal_name(rnd: random.Random, male: bool, group: str) -> str:
    """A full name (without title) for a person of ``group``."""
    if group in ("toba", "karo", "simalungun"):
        first = rnd.choice(CHRISTIAN_MALE if male else CHRISTIAN_FEMALE)
        if rnd.random() < 0.25:
            first = rnd.choice(MUSLIM_MALE if male else MUSLIM_FEMALE) if group != "toba" else first
        marga = {"toba": TOBA_MARGA, "karo": KARO_MARGA, "simalungun": SIMALUNGUN_MARGA}[group]
        return f"{first} {rnd.choice(marga)}"
    if group == "mandailing":
        return f"{rnd.choice(MUSLIM_MALE if male else MUSLIM_FEMALE)} {rnd.choice(MANDAILING_MARGA)}"
    if group == "malay":
        first = rnd.choice(MUSLIM_MALE if male else MUSLIM_FEMALE)
        if rnd.random() < 0.06:
            first = "Tengku " + first.split()[0]
        return f"{first} {rnd.choice(MALAY_SECOND_MALE if male else MALAY_SECOND_FEMALE)}"
    if group == "java":
        first = rnd.choice(JAVA_FIRST_MALE if male else JAVA_FIRST_FEMALE)
        return f"{first} {rnd.choice(JAVA_SECOND_MALE if male else JAVA_SECOND_FEMALE)}"
    if group == "minang":
        return rnd.choice(MINANG_MALE if male else MINANG_FEMALE)
    return f"{rnd.choice(CHINESE_FIRST_MALE if male else CHINESE_FIRST_FEMALE)} {rnd.choice(CHINESE_SECOND)}"


#: Degree titles by the kind of position, as written after the name.
TITLES: dict[str, tuple[str, ...]] = {
    "dokter": ("", ", M.Kes.", ", Sp.PD", ", Sp.A", ", M.K.M."),
    "dokter_gigi": ("",),
    "perawat": (", S.Kep., Ns.", ", A.Md.Kep.", ", A.Md.Kep.", ", S.Kep."),
    "bidan": (", A.Md.Keb.", ", S.Tr.Keb.", ", A.Md.Keb."),
    "farmasi": (", S.Farm., Apt.", ", A.Md.Farm."),
    "kesehatan": (", S.K.M.", ", A.Md.Kes.", ", S.Gz.", ", A.Md.AK."),
    "guru": (", S.Pd.", ", S.Pd.", ", M.Pd.", ", S.Si."),
    "pimpinan": (
        ", S.STP, M.AP",
        ", S.Sos., M.Si.",
        ", S.E., M.M.",
        ", S.H., M.H.",
        ", S.T., M.T.",
        ", S.IP, M.Si.",
    ),
    "ahli": (", S.E.", ", S.Sos.", ", S.H.", ", S.Kom.", ", S.AP", ", S.T.", ", S.IP", ", M.Si.", ""),
    "pelaksana": ("", "", "", ", S.E.", ", A.Md.", ", S.Sos.", ", A.Md.Kom."),
}


def titled(rnd: random.Random, name: str, title_kind: str) -> str:
    prefix = "dr. " if title_kind == "dokter" else "drg. " if title_kind == "dokter_gigi" else ""
    return f"{prefix}{name}{rnd.choice(TITLES[title_kind])}"
