"""Words news writes for one another: "target penyelesaian" is "ditargetkan rampung".

No Indonesian thesaurus or embedding model can be installed here (none on PyPI ships its
data), so this is a short hand-made list of everyday news synonyms, written from general
usage, not from any question set. Each line is one set. Indonesian entries are roots whose
affixed forms count too (rampung → dirampungkan), unless written with "=" (a form whose root
means something else: "meninggal" is not "tinggal"); English entries are literal forms.
"""

from __future__ import annotations

from functools import cache

from bot.text.lemmas import lemma
from bot.text.morphology import indonesian_forms, indonesian_roots

_INDONESIAN = """
selesai rampung tuntas kelar
guna =pakai =memakai =dipakai =pemakaian
tewas wafat =meninggal
=tiap =setiap =saban
luka cedera
tangkap ringkus bekuk ciduk =diamankan
gelar selenggara =diadakan =mengadakan
biaya ongkos
tiba datang
naik lonjak =meningkat =peningkatan =bertambah
turun anjlok rosot =berkurang
warga penduduk =masyarakat
orang jiwa
anak bocah
kapal perahu feri
dana duit uang
gaji upah
untung laba
capai tembus
target sasaran
tunda undur
batal urung
periksa cek
selidik usut sidik
kerah terjun =melibatkan =dilibatkan
ambruk roboh runtuh
tenggelam karam
tabrak tubruk
curi colong
sita rampas
pindah relokasi
renovasi rehabilitasi =perbaikan =diperbaiki =memperbaiki
umur usia
ketua pimpin
juara menang
kalah takluk
tanding laga
harga banderol
rilis luncur
ponsel handphone smartphone gawai
siswa murid =pelajar =pelajarnya
guru =pengajar
buruh karyawan =pekerja
pecat phk
wisatawan turis =pengunjung
tiket karcis
telat =terlambat
jumlah total
pasok suplai
sebab picu alasan
=bangunan gedung
=pedagang =penjual
=pembeli konsumen
vonis =hukuman =dihukum =menghukum =pidana
penjara bui =kurungan
korupsi rasuah
suap sogok
suhu temperatur
sopir supir =pengemudi
lomba kompetisi turnamen =kejuaraan
pasien =penderita
vaksin imunisasi
regulasi =aturan =peraturan
toko gerai kios
utang hutang =pinjaman
tolak tampik
bantah sangkal
duga sinyalir tengarai
hilang lenyap
perlu butuh
henti setop stop
bayar lunas
tonton =menyaksikan =disaksikan
khawatir cemas
sulit susah
mudah gampang
desa kampung
pantai pesisir
=makanan pangan
elpiji lpg
tentara prajurit
calon kandidat
=ujian tes
wabah epidemi
=kilo =kg =kilogram
sengketa perkara gugat
kualitas mutu
=km =kilometer
=ha =hektare =hektar
=cm =sentimeter =senti
=mm =milimeter
=terbesar =utama =teratas
=sekarang =kini
=seminggu =sepekan
=sekilo =kilo =kilogram =kg
=jogja =yogya =yogyakarta =jogjakarta
=solo =surakarta
sisa =tinggal
=seliter =liter
=cuma =hanya
gagal batal
=minggu =pekan
=semua =seluruh =segenap
hemat irit
=melahirkan =persalinan
=gede =besar
laku =terjual
bawa angkut
basmi berantas
pengacara advokat
=asing =mancanegara
=napi =narapidana
narkoba narkotika
=ketahuan =kedapatan =kepergok =terbukti
"""

_ENGLISH = """
make makes making produce produces produced producing manufacture manufactures manufactured
cook cooks cooked cooking prepare prepares prepared preparing
rise rises rising rose risen increase increases increased increasing climb climbed hike hiked
fall falls falling fell fallen drop drops dropped dropping decline declined decrease decreased
find finds found finding discover discovers discovered
buy buys bought buying purchase purchased acquire acquired
fee fees charge charges
start starts started begin begins began begun
finish finished complete completed
die died dies dead death deaths
injure injured injuries hurt wounded
home homes house houses
company companies firm firms
worker workers employee employees staff
ban banned bans prohibit prohibited
cancel cancelled canceled scrap scrapped
delay delays delayed postpone postpones postponed
build built building construct constructed
pay wage wages salary salaries earn earns earned earnings
reveal revealed disclose disclosed
price prices cost costs
arrest arrested detain detained
strike strikes walkout
train trains rail railway
doctor doctors physician physicians
child children kid kids
quake earthquake
fire fires blaze blazes
fine fined fines penalty penalties
jail jailed prison imprisoned
close closed closes closure closures shut shuts
plan plans planned proposal proposals proposed
money funds funding cash
rain rainfall
vaccine vaccines vaccination jab jabs
student students pupil pupils
rule rules regulation regulations
law laws legislation
tourist tourists visitor visitors
boat boats vessel vessels ship ships ferry ferries
plane planes aircraft jet jets
car cars vehicle vehicles
cut cuts reduce reduced lower lowered
steal stole stolen theft thefts
help helped assist assisted
big large
bigger larger
biggest largest top leading main
stop stopped halt halted suspend suspended
fix fixed repair repaired repairs
check checks inspect inspected inspection inspections
expensive costly
farmer farmers grower growers
crop crops harvest harvests
sick ill
illness illnesses disease diseases
film films movie movies
team teams squad squads
talks negotiations
deal deals agreement agreements
tax taxes levy levies
stock stocks share shares
kilo kilos kg kilogram kilograms kilogramme kilogrammes
lab labs laboratory laboratories
exam exams examination examinations
km kilometre kilometres kilometer kilometers
cm centimetre centimetres centimeter centimeters
mm millimetre millimetres millimeter millimeters
ask asks asked asking demand demands demanded demanding
hire hires hired hiring recruit recruits recruited recruiting
grow grows grew grown growing expand expands expanded expanding
winning winner winners
owe owes owed debt debts
"""


@cache
def _indonesian_sets() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Return each Indonesian set as (roots, literal forms)."""
    sets = []
    for line in _INDONESIAN.strip().splitlines():
        entries = line.split()
        roots = frozenset(entry for entry in entries if not entry.startswith("="))
        literals = frozenset(entry[1:] for entry in entries if entry.startswith("="))
        sets.append((roots, literals))
    return tuple(sets)


@cache
def _lookup() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Return every form of a word's sets, by root or literal form, and by written form."""
    by_root: dict[str, set[str]] = {}
    by_form: dict[str, set[str]] = {}
    for roots, literals in _indonesian_sets():
        forms = set(literals).union(*(indonesian_forms(root) | {root} for root in roots))
        for root in roots:
            by_root.setdefault(root, set()).update(forms)
        for literal in literals:
            by_form.setdefault(literal, set()).update(forms)
    for line in _ENGLISH.strip().splitlines():
        listed = set(line.split())
        forms = listed.union(*(_inflections(form) for form in listed if _is_verbal(listed)))
        for form in forms:
            by_form.setdefault(form, set()).update(forms)
    return (
        {key: frozenset(forms) for key, forms in by_root.items()},
        {key: frozenset(forms) for key, forms in by_form.items()},
    )


@cache
def synonym_forms(word: str) -> frozenset[str]:
    """Return the words (with their affixed forms) that say what word says in other words."""
    by_root, by_form = _lookup()
    found = set(by_form.get(word, ()))
    for root in indonesian_roots(word) | {lemma(word, "id")}:
        found |= by_root.get(root, frozenset())
    found.discard(word)
    return frozenset(found)


def _is_verbal(forms: set[str]) -> bool:
    """Tell whether a set names an action: one of its listed forms is a past ("halted")."""
    return any(form.endswith("ed") for form in forms)


def _inflections(word: str) -> set[str]:
    """Return the regular inflections of a listed English form ("suspend": "suspends").

    Forms that are no word are never stored, so they match nothing.
    """
    if word.endswith(("ed", "ing")):
        return set()
    stem = word[:-1] if word.endswith("e") else word
    forms = {word + "s", word + "es", stem + "ed", stem + "ing"}
    if (
        len(word) >= 3
        and word[-1] in "bdgmnprt"
        and word[-2] in "aeiou"
        and word[-3] not in "aeiou"
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms
