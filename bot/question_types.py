"""What kind of value a question asks for (an amount, money, a time, a duration, a reason, a
place, an age), and whether a passage holds one: "Berapa tarif kapal?" is answered by a
sentence with "Rp 15.000" in it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import Enum

from bot.text.lemmas import in_dictionary


class Value(Enum):
    """The kind of value a question asks for."""

    AMOUNT = "amount"
    MONEY = "money"
    YEAR = "year"
    TIME = "time"
    CLOCK = "clock"
    DURATION = "duration"
    REASON = "reason"
    PLACE = "place"
    AGE = "age"
    NAME = "name"


_UNITS = (
    "detik menit jam hari pekan minggu bulan tahun dekade abad malam "
    "second seconds minute minutes hour hours day days night nights week weeks "
    "fortnight month months year years decade decades century musim semester season seasons"
)
_NUMBER_WORDS = (
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas seratus seribu "
    "belas puluh ratus ribu juta miliar triliun puluhan ratusan ribuan jutaan setengah separuh "
    "beberapa one two three four five six seven eight nine ten eleven twelve dozen dozens "
    "twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion billions half double twice several few"
)
# Words naming a sum of money: a question asking "how much" about one wants a currency amount.
MONEY_WORDS = frozenset(
    "harga harganya biaya biayanya tarif tarifnya nilai nilainya bernilai senilai anggaran "
    "anggarannya dana nominal apbd apbn "
    "kerugian gaji upah ongkos denda modal omzet omset pendapatan penghasilan utang pinjaman "
    "investasi subsidi insentif uang duit honor tunjangan pajak retribusi iuran premi sewa bayar "
    "membayar dibayar dibayarkan bayaran tebusan ganti rugi kompensasi belanja pengeluaran "
    "cost costs costed price prices priced fare fares fee fees worth value valued budget pay "
    "pays paid spend spends spent fund funds funding funded loan fine fined salary wage wages "
    "money grant charge charged charges revenue profit profits loss losses debt tax taxes "
    "rent bill raise raised earn earned earns sell sold buy bought investment subsidy "
    "compensation ransom paying spending costing charging selling buying earning "
    # "How much is an adult ticket?" asks a price ("how many tickets" is a count)
    "ticket tickets admission".split()
)
# Words for a sum in general: any amount of money in the answer is the one asked for. A
# particular sum (gaji, denda, salary, loan) is not: the answer must name it.
SUM_WORDS = frozenset(
    "biaya biayanya harga harganya nilai nilainya anggaran anggarannya dana ongkos tarif "
    "tarifnya investasi uang duit cost costs costed price prices priced worth value valued budget "
    "pay pays paid paying spend spends spent fund funds funding funded investment "
    "ticket tickets admission "
    # verbs of spending or setting aside a sum: "anggaran habis berapa", "siapkan dana berapa"
    "habis menghabiskan dihabiskan menelan ditelan butuh membutuhkan dibutuhkan perlu "
    "memerlukan diperlukan alokasi mengalokasikan dialokasikan menyiapkan disiapkan siapkan "
    "mengucurkan dikucurkan menggelontorkan digelontorkan need needs needed require "
    "required allocate allocated".split()
)
# Sums often given as a share of another: "dikenai denda 1 persen per bulan", "a 25% tariff".
RATE_WORDS = frozenset(
    "denda bunga pajak retribusi cukai bea komisi diskon fine fines interest tax taxes levy "
    "duty duties commission discount tariff tariffs".split()
)
_SHARE = re.compile(r"\d\s?(?:%|persen\b|percent\b|per cent\b)")


def holds_share(passage: str) -> bool:
    """Tell whether a passage gives a share ("1 persen", "4.99%")."""
    return _SHARE.search(passage.lower()) is not None


# A question about a change in a sum may be answered by a share ("naik 4,6 persen").
_CHANGE_WORDS = frozenset(
    "naik kenaikan dinaikkan menaikkan turun penurunan diturunkan menurunkan potongan dipotong "
    "pemotongan tambahan bertambah berkurang pertumbuhan tumbuh rise rises rose risen raise "
    "raised increase increased hike cut cuts drop dropped fall fell growth grow grew up "
    "down".split()
)
# Counter words: "berapa orang" asks for a number of people, answered by "1.200 petani".
COUNTER_WORDS = frozenset(
    "orang jiwa buah unit ekor biji lembar batang butir helai people persons".split()
)
# Units a count is given in: "berapa ton" is not answered by a passage without tonnes.
UNIT_WORDS = frozenset(
    "ton kg kilogram gram kuintal liter meter km kilometer sentimeter cm milimeter mm hektare "
    "hektar ha persen derajat watt megawatt mw kwh "
    # animals are counted in "ekor": "berapa ekor" is not answered by "11 kali"
    "ekor "
    "tonnes tons tonne kilograms kilos litres liters metres meters kilometres kilometers miles "
    "centimetres centimeters millimetres millimeters "
    "hectares acres percent degrees megawatts gigabytes terabytes".split()
)
# A count asked for outright: "how many", or "berapa" before a counter word or a unit.
_COUNTED = re.compile(
    r"\bhow many\b|\b(?:berapa|berapakah|brapa|brp)\s+"
    rf"(?:{'|'.join(sorted(COUNTER_WORDS | UNIT_WORDS))}|kali)\b"
)
_PORTION = re.compile(r"\bhow much of\b")
# "How fast did the tickets go?" asks a measure, whatever it is of; "how big" may be a sum.
_MEASURE_NOT_SUM = re.compile(
    r"\bhow (?:fast|quickly|far|long|high|tall|deep|heavy|wide|old|hot|cold|strong|severe|bad)\b"
)
# "Jam berapa kapal berangkat?" wants the hour ("pukul 07.30"), not the day the news gives.
_CLOCK_QUESTIONS = re.compile(
    r"\b(?:(?:at )?what time|(?:jam|pukul) (?:berapa|berapakah|brapa|brp))\b"
)
# "Dibangun tahun berapa?" wants the year ("pada 1846"), not "tahun depan".
_YEAR_QUESTIONS = re.compile(r"\b(?:tahun (?:berapa|berapakah|brapa|brp)|(?:what|which) year)\b")
_TIME_QUESTIONS = re.compile(
    r"\b(?:kapan|kapankah|kpn|when|tanggal berapa|tahun berapa|"
    r"hari apa|bulan apa|what year|what date|which day|which year|which month)\b"
)
_DURATION_QUESTIONS = re.compile(
    rf"\b(?:(?:berapa|brapa|brp) lama|how long|selama berapa|"
    rf"berapa (?:{_UNITS.replace(' ', '|')})\b|"
    r"how many (?:seconds|minutes|hours|days|nights|weeks|months|years|decades))"
)
_PLACE_QUESTIONS = re.compile(
    r"\b(?:di ?mana(?:kah)?|ke ?mana|dari ?mana|dmn|where|wherever|lokasi(?:nya)? di ?mana)\b"
)
_AGE_QUESTIONS = re.compile(
    r"\b(?:how old|what age|(?:berapa|brapa|brp)(?:kah)? (?:usia|umur)|(?:usia|umur)(?:nya)? "
    r"(?:berapa|brapa|brp))\b"
)
# "How strong were the winds?" asks for a measure: "sustained winds of 185 kilometres per hour".
_AMOUNT_QUESTIONS = re.compile(
    r"\b(?:berapa|berapakah|berapaan|seberapa|brapa|brp|how many|how much|how (?:big|large|small|"
    r"strong|fast|high|tall|deep|far|heavy|wide|old|hot|cold|severe|bad))\b"
)
# "Apa pemicu kenaikan harga?" and "what caused the fire?" ask why as "kenapa" does.
_REASON_QUESTIONS = re.compile(
    r"\b(?:mengapa|kenapa|knp|napa|why|apa(?: \w+)? (?:sebab|alasan|pemicu|penyebab|alasannya|"
    r"sebabnya)|apa yang (?:memicu|menyebabkan|membuat)|what (?:caused|causes|triggered|sparked|"
    r"led to)|what (?:is|was|are|were) the (?:\w+ )?(?:cause|causes|reason|reasons))\b"
)
# Tried in this order when two start at the same word ("berapa lama" is a duration).
_QUESTIONS = (
    (Value.DURATION, _DURATION_QUESTIONS),
    (Value.CLOCK, _CLOCK_QUESTIONS),
    (Value.YEAR, _YEAR_QUESTIONS),
    (Value.TIME, _TIME_QUESTIONS),
    (Value.REASON, _REASON_QUESTIONS),
    (Value.PLACE, _PLACE_QUESTIONS),
    (Value.AGE, _AGE_QUESTIONS),
    (Value.AMOUNT, _AMOUNT_QUESTIONS),
)
# "Siapa yang menjahit seragam?" is answered by a passage naming someone the question does not.
_WHO_QUESTIONS = re.compile(r"\b(?:siapa|siapakah|sapa|who|whom)\b")
_NAME_QUESTIONS = re.compile(r"\b(?:nama|namanya|name|named|called)\b")
NAME_WORDS = frozenset({"nama", "namanya", "name", "named", "called"})
_OTHER_QUESTIONS = re.compile(
    r"\b(?:siapa|siapakah|sapa|who|whom|whose|bagaimana|bagaimanakah|gimana|gmn|how|mana|manakah)\b"
)
# "Pakai dasar apa?" asks what kind of basis; "yang apa", "itu apa" lead in to the question.
_WHAT_AFTER = re.compile(r"\b([^\W\d_]+) (?:apa|apakah)\b")
_LEAD_INS = frozenset("yang itu ini untuk buat adalah ialah dan atau sih ya".split())
# "What happened to tea prices?" asks what the news says of them, not for a sum.
_EVENT_QUESTIONS = re.compile(r"\b(?:what happened|what is happening|apa yang terjadi|ada apa)\b")
_WHAT_QUESTIONS = re.compile(r"\b(?:apa|apakah|what|whats|which)\b")
# Words naming the reason asked for: a passage giving one says it in other words.
REASON_WORDS = frozenset(
    "penyebab penyebabnya pemicu pemicunya alasan alasannya sebab sebabnya cause causes reason "
    "reasons".split()
)
# Words that give a reason: "ditambah karena jumlah penumpang naik".
_REASON = re.compile(
    r"\b(?:karena|karenanya|sebab|disebabkan|penyebab|akibat|akibatnya|lantaran|gara|dipicu|"
    r"alasan|alasannya|demi|agar|supaya|mengingat|because|cause|caused|causes|due|reason|"
    r"reasons|since|after|so that|in order|to avoid|to help|to meet|amid|following|"
    r"setelah|usai|imbas|dampak|gegara|buntut|"
    # the reason, then what it led to: "Tebingnya masih labil, sehingga petugas hanya bekerja …"
    r"sehingga|makanya|maka|therefore|as a result|thanks to|blamed|"
    r"(?:started|caused|sparked|triggered|driven|fuelled|fueled) by)\b"
    r"|,\s*(?:jadi|so)\b"  # "…, jadi petugas hanya bekerja": after a comma, "so"
)
_NUMBER = rf"(?:\d+(?:[.,]\d+)*|{_NUMBER_WORDS.replace(' ', '|')}|se)"
# "How long will the line run?" may ask for a length: a distance answers it too.
_LENGTHS = "km kilometer kilometre kilometres kilometers meter metre metres meters mil miles"
# A unit naming a year is not a span: "Liga 1 musim 2025/2026", "tahun 2026".
_DURATION = re.compile(
    rf"\b(?:{_NUMBER}[\s-]*(?:{_UNITS.replace(' ', '|')}|{_LENGTHS.replace(' ', '|')})\b"
    r"(?!\s*\d{4})|"
    # "selama" alone is "during" ("selama pantai ditutup"); "berbulan-bulan" is a span
    r"ber(?:jam|hari|pekan|minggu|bulan|tahun)-|"
    r"sepekan\b|sebulan\b|setahun\b|sehari\b|semalam\b|seminggu\b)"
)
_MONTHS = (
    "januari februari maret april mei juni juli agustus september oktober november desember "
    "january february march june july august october december"
)
_DAYS = (
    "senin selasa rabu kamis jumat sabtu minggu ahad "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_CALENDAR_UNITS = (
    "jam hari pekan minggu bulan tahun hours days weeks months years hour day week month year"
).replace(" ", "|")
_TIME = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b"  # a year
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"  # 9/3/2026
    r"|\b\d{1,2}[.:]\d{2}\b|\bpukul\b|\bo'clock\b"  # a clock time
    r"|\bmay \d|\d{1,2} may\b"  # English "May" only beside a day
    rf"|\b(?:{_MONTHS.replace(' ', '|')}|{_DAYS.replace(' ', '|')})\b"
    r"|\b(?:kemarin|besok|lusa|yesterday|tomorrow|tonight|today|ago|kelak)\b"
    r"|\b(?:pekan|minggu|bulan|tahun|hari) (?:lalu|depan|ini|kemarin)\b"
    r"|\b(?:last|next|this|early|late) (?:week|month|year|summer|winter|spring|autumn)\b"
    r"|\b(?:akhir|awal|pertengahan) (?:tahun|bulan|pekan)\b"
    # A time counted from now: "within 10 days", "dalam tiga pekan", "dua bulan lagi".
    rf"|\b(?:within|dalam(?: waktu)?|in) {_NUMBER} (?:{_CALENDAR_UNITS})\b"
    rf"|\b{_NUMBER} (?:{_CALENDAR_UNITS}) (?:lagi|mendatang|ke depan|later|from now|"
    r"setelah|sesudah|sebelum|after|before)\b"  # "paling lambat satu bulan setelah putusan"
)
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_CLOCK = re.compile(
    r"\b\d{1,2}[.:]\d{2}\b|\bpukul\b|\bo'clock\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)"
    r"|\bjam \d|\b(?:noon|midnight|tengah malam|tengah hari)\b"
)
_MONEY = re.compile(
    r"\brp\.?\s?\d|[$£€¥]\s?\d|\d\s?(?:usd|idr|eur|gbp|sgd|myr)\b"
    r"|\b(?:rupiah|dolar|dollars?|pounds?|euros?|ringgit|yen|yuan|pence|cents?|baht|rupees?|"
    r"pesos?|riyals?|dirhams?|francs?|krona|kronor|kroner|krone|zloty|zlotys|shekels?|lira|"
    r"rubles?|roubles?|rubel|renminbi|shillings?|naira|cedis?|birr|kwacha|dinars?|taka|kyat|"
    r"riels?|forints?|koruna|hryvnias?)\b|[₹₱฿₩₫]\s?\d"
    r"|\b\d+(?:\.\d+)?p\b"  # pence: "412p per kilogram"
    # Names that are everyday words elsewhere count after a number: "5,000 won", "2 juta dong".
    r"|\d\s?(?:(?:ribu|juta|miliar|triliun|thousand|million|billion|trillion)\s)?"
    r"(?:won|dong|rand|real|reais)\b"
)
# A place: a name after a preposition of place ("di Waingapu", "to Bend"), or a kind of place
# with or without its name ("tanggul Sungai Sengkarang", "di balai desa", "at the hospital").
_PLACE_NOUNS = (
    "desa kelurahan kecamatan kabupaten kota provinsi jalan jl sungai kali pulau gunung pantai "
    "pasar stadion gedung balai kampung dusun pelabuhan bandara terminal stasiun kantor rumah "
    "sekolah kampus masjid gereja pura hotel wilayah kawasan daerah lokasi perairan selat teluk "
    "danau hutan taman lapangan alun rsud rs puskesmas klinik bangsal lorong ruang gudang pabrik "
    "toko warung gerai loket bank minimarket kebun sawah tambang posko rutan lapas penjara lahan "
    "village town city county district province street road river island mountain beach port "
    "airport station hospital school office church hall park square harbour harbor clinic "
    "centre center coast bay lake forest ward shop store branch warehouse factory farm "
    "camp shelter prison jail site"
)
_PLACE_NOUN = rf"(?:{_PLACE_NOUNS.replace(' ', '|')})"
_PLACE = re.compile(  # case-sensitive but for the scoped (?i:…): a name starts with a capital
    r"\b(?i:di|ke|dari|dekat|sekitar|menuju|in|at|to|from|near|into|across|outside|inside|"
    r"toward|towards)\s+(?:the\s+)?[A-Z]"
    rf"|\b(?i:{_PLACE_NOUN})\s+[A-Z]"
    rf"|\b(?i:di|ke|dari|melalui|lewat|at|in|to|from|through|via)\s+(?i:the\s+|a\s+)?"
    rf"(?i:{_PLACE_NOUN})\b"
)
# An age as news gives it: "Sutrisno (52)", "berusia 52 tahun", "a 52-year-old", "aged 52".
_AGE = re.compile(
    r"\(\d{1,3}\)|\b(?:usia|umur|berusia|berumur|aged|age of|age)\s+\d{1,3}\b"
    r"|\b\d{1,3}[\s-]*(?:tahun|thn|years? old|year-old)\b"
)
_NUMBER_TOKENS = frozenset(_NUMBER_WORDS.split())


def counts_in(units: Iterable[str], tokens: Sequence[str]) -> bool:
    """Tell whether a number stands right before one of the units ("230 hektare", "1,2 juta
    ton"), not "per hektare"."""
    wanted = set(units)
    return any(
        token in wanted
        and place
        and (tokens[place - 1].isdigit() or tokens[place - 1] in _NUMBER_TOKENS)
        for place, token in enumerate(tokens)
    )


_DIGIT_OR_NUMBER_WORD = re.compile(rf"\d|\b(?:{_NUMBER_WORDS.replace(' ', '|')})\b")


def asked_value(question: str, meant: Iterable[str] = ()) -> Value | None:
    """Return the kind of value the question asks for, or None (who, why, what, yes/no).

    meant: stored words the question's words were matched to ("anggran" means "anggaran").
    """
    text = " ".join(re.findall(r"[^\W_]+", question.lower()))
    about_money = bool(MONEY_WORDS.intersection(text.split()) or MONEY_WORDS.intersection(meant))
    first = _first_question(text)
    if (
        first is Value.AMOUNT
        and about_money
        and not _CHANGE_WORDS.intersection(text.split())  # "how big is the pay rise?" 8%
        and not _COUNTED.search(text)  # "berapa unit rumah subsidi": houses, not rupiah
        and not _PORTION.search(text)  # "how much of the bond issue": a share, not a sum
        and not _MEASURE_NOT_SUM.search(text)
    ):
        return Value.MONEY
    if first is not None:
        return first
    if _NAME_QUESTIONS.search(text):  # "nama bupati Pacitan", "what is the bakery called?"
        return Value.NAME
    if about_money and (_WHAT_QUESTIONS.search(text) or not value_required(text)):
        return None if _asks_what_else(text) or _EVENT_QUESTIONS.search(text) else Value.MONEY
    return Value.NAME if _WHO_QUESTIONS.search(text) else None


def _asks_what_else(text: str) -> bool:
    """Tell whether "apa" follows a word naming something other than a sum ("dasar apa")."""
    before = _WHAT_AFTER.search(text)
    return before is not None and before.group(1) not in MONEY_WORDS | _LEAD_INS


def value_required(question: str) -> bool:
    """Tell whether the question asks outright, not in keywords ("tiger enclosure cost").

    A keyword question naming a sum is credited by a passage holding one ("£480,000 on a new
    tiger enclosure") but not marked down without it ("e-reader price families").
    """
    text = " ".join(re.findall(r"[^\W_]+", question.lower()))
    return any(
        pattern.search(text)
        for pattern in (
            *(p for _, p in _QUESTIONS),
            _NAME_QUESTIONS,
            _WHAT_QUESTIONS,
            _OTHER_QUESTIONS,
        )
    )


# A measure is given in its units: "berapa luas lahan TPA" is not answered by "180 truk".
_LENGTH = "meter m km kilometer kilometre kilometres kilometers metres meters cm sentimeter "
_LENGTH += "centimetres mm milimeter mdpl feet ft miles mil"
_AREA = "hektare hektar ha hectares acres m2 km2 persegi square"
_WEIGHT = "kg kilogram kilograms kilos kilo ton tonnes tons tonne gram grams kuintal ons pounds"
MEASURE_UNITS = {
    measure: frozenset(units.split())
    for measure, units in {
        "luas": _AREA,
        "tinggi": _LENGTH,
        "panjang": _LENGTH,
        "lebar": _LENGTH,
        "jauh": _LENGTH,
        "tebal": _LENGTH,
        "berat": _WEIGHT,
    }.items()
}
# "Berapa besar kenaikan", "berapa luas kerusakan": a measure, not a count of things.
MEASURE_WORDS = frozenset(
    "besar luas lama jauh tinggi panjang berat dalam lebar tebal cepat hasil kali nilai "
    # "berapa kilo telur": a weight; "kapasitas baterai": a measure
    "kilo ons kapasitas daya volume ukuran capacity size sering kerap often".split()
)


def names_value(value: Value | None, word: str, *, asked: bool) -> bool:
    """Tell whether a question word names the value asked for, so the value stands in for it.

    "Berapa biaya membangun tol?" is answered by "menelan investasi Rp11,3 triliun": the sum
    is the "biaya"; a particular sum ("gaji") must be named. asked: the word sits next to the
    question word ("jam berapa", "berapa lama"). A count is not, unless it only counts:
    "berapa rumah" wants houses counted, "berapa orang" any number of people.
    """
    if value is Value.MONEY:
        return word in SUM_WORDS
    if value is Value.NAME:
        return word in NAME_WORDS
    if value is Value.AMOUNT:
        return asked and word in COUNTER_WORDS | MEASURE_WORDS  # "berapa luas": "148 hektare"
    if value is Value.REASON:  # "apa dugaan penyebab …" is answered by "… karena …"
        return word in REASON_WORDS
    return asked and value in (Value.YEAR, Value.TIME, Value.CLOCK, Value.DURATION, Value.AGE)


def _first_question(text: str) -> Value | None:
    """Return the kind asked by the question's first question word ("How strong … when …")."""
    found = []
    for priority, (value, pattern) in enumerate(_QUESTIONS):
        match = pattern.search(text)
        if match:
            found.append((match.start(), priority, value))
    return min(found)[2] if found else None


def holds_value(value: Value, passage: str, *, headline: bool = False) -> bool:
    """Tell whether a passage holds a value of the kind asked for.

    A headline is not expected to give a reason: it names the story that does ("Kenapa Cuaca
    Terasa Lebih Gerah? Ini Penjelasannya"), and is the answer when only the headline is known.
    """
    if value is Value.REASON and headline:
        return True
    if value is Value.PLACE:
        return _PLACE.search(passage) is not None
    if value is Value.AGE:
        return _AGE.search(passage.lower()) is not None
    if value is Value.NAME:
        return bool(proper_names(passage))
    text = _ENGLISH_AGE.sub(" ", passage).lower()
    if value is Value.MONEY:
        return _MONEY.search(text) is not None
    if value is Value.YEAR:
        return _YEAR.search(text) is not None
    if value is Value.TIME:
        return _TIME.search(text) is not None
    if value is Value.CLOCK:
        return _CLOCK.search(text) is not None
    if value is Value.DURATION:
        return _DURATION.search(text) is not None
    if value is Value.REASON:
        return _REASON.search(text) is not None
    return _DIGIT_OR_NUMBER_WORD.search(_NOT_AN_AMOUNT.sub(" ", text)) is not None


# Numbers that count nothing: an age after a name ("Syamsul Hadi (38)"), a date ("(17/11)"),
# a clock time ("pukul 13.25", "13.25 WIB", "10:30", "7 pm"), a year ("rutilahu tahun 2026").
_NOT_AN_AMOUNT = re.compile(
    r"\(\d{1,3}\)|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
    r"|\b(?:pukul|jam)\s\d{1,2}(?:[.:]\d{2})?\b|\b\d{1,2}[.:]\d{2}\s?(?:wib|wita|wit)\b"
    r"|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)"
    r"|(?<![\d.,])(?:19|20)\d\d\b(?![.,]\d)"
)
# An English age set off by commas after a name: "Margaret Hollis, 74, who has lived …".
_ENGLISH_AGE = re.compile(r"(?<=[a-z]),\s\d{1,3},(?=\s)")
_CALENDAR = frozenset(f"{_MONTHS} {_DAYS}".split())
_COUNTLESS_UNITS = "|".join(
    sorted({*f"{_UNITS} {_LENGTH} {_AREA} {_WEIGHT} persen percent".split()}, key=len)[::-1]
)
# Numbers that count no items: a sum ("$1,000 a month"), a share ("64%", "nine in ten"), a
# measure or a span ("4.5 miles", "five years").
_NOT_ITEMS = re.compile(
    r"(?:\brp\.?\s?|[$£€¥₹₱฿₩₫]\s?)\d[\d.,]*(?:\s?(?:ribu|juta|miliar|triliun|thousand|million|"
    r"billion|trillion|m|bn)\b)?"
    rf"|\b{_NUMBER}\s*(?:%|(?:{_COUNTLESS_UNITS}|per cent)\b)"
    rf"|\b{_NUMBER}\s+in\s+{_NUMBER}\b"
    r"|\b\d+(?:\.\d+)?p\b"
)


def holds_items(passage: str) -> bool:
    """Tell whether a passage holds a number that may count items ("how many pupils")."""
    text = _NOT_AN_AMOUNT.sub(" ", _ENGLISH_AGE.sub(" ", passage).lower())
    return _DIGIT_OR_NUMBER_WORD.search(_NOT_ITEMS.sub(" ", text)) is not None


def proper_names(passage: str) -> set[str]:
    """Return the lower-cased capitalised words of a passage but its first, days and months."""
    words = re.findall(r"[^\W\d_]+", passage)[1:]
    return {word.lower() for word in words if word[0].isupper()} - _CALENDAR


# "Siapa nama lengkap pejabat …", "the name of the nurse …", "what is the bakery called?"
_NAMED_AFTER = re.compile(
    r"\b(?:nama|namanya|name)\s+(?:(?:lengkap|full|asli|real|of|the|a|an|dari|si|sang)\s+)*"
    r"([^\W\d_]+)"
)
_NAMED_BEFORE = re.compile(r"\b([^\W\d_]+)\s+(?:is\s+|was\s+)?called\b")
# Words between a thing and its name: "kapten kapal tersebut, Sutrisno", "a nurse named Jo".
_NAMING_FILLERS = frozenset(
    "bernama named called yakni yaitu ialah adalah is was the a an mr mrs ms dr tersebut itu ini "
    "sdr bapak ibu pak bu saudara sebagai as si sang".split()
)
_TOKEN = re.compile(r"[^\W_]+")


def named_thing(question: str) -> str | None:
    """Return the word naming what a name question asks the name of ("nama **bupati** Pacitan")."""
    text = " ".join(_TOKEN.findall(question.lower()))
    match = _NAMED_AFTER.search(text) or _NAMED_BEFORE.search(text)
    return match.group(1) if match else None


def names_thing(passage: str, forms: Iterable[str], question_words: Iterable[str]) -> bool:
    """Tell whether the passage gives a name right beside the thing asked about.

    "Koordinator Forum Guru Honorer Lombok Tengah, Baiq Nurul Aini" names the koordinator;
    "a nurse who was fined twice", with Mr Ellison elsewhere in the sentence, names no nurse.
    Question words and naming fillers between the two are skipped.
    """
    tokens = _TOKEN.findall(passage)
    lowered = [token.lower() for token in tokens]
    skipped = _NAMING_FILLERS.union(question_words)
    things = set(forms)
    is_name = _is_title_name if _title_case(tokens) else _is_name
    for position, word in enumerate(lowered):
        if word not in things:
            continue
        for step in (1, -1):
            beside = position + step
            while 0 <= beside < len(tokens) and lowered[beside] in skipped:
                beside += step
            if 0 < beside < len(tokens) and is_name(tokens[beside]):
                return True
    return False


def _is_name(token: str) -> bool:
    return token[:1].isupper() and token.lower() not in _CALENDAR | _GOVERNMENT_BODIES


# A ministry or office beside a thing names who placed or paid for it, not the thing:
# "dokter spesialis Kementerian Kesehatan" gives no doctor's name.
_GOVERNMENT_BODIES = frozenset(
    "kementerian kementrian kemenkes dinas badan ministry department".split()
)


def _title_case(tokens: Sequence[str]) -> bool:
    """Tell a headline written in title case, where every word is capitalised."""
    words = [token for token in tokens if token[:1].isalpha()]
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


def _is_title_name(token: str) -> bool:
    """Tell a name in title case: capitalised like every word, but no dictionary word
    ("Tahan Kades Sukadana": "Tahan" is a verb; "Forum Peretas": "Forum" a noun)."""
    word = token.lower()
    return _is_name(token) and not in_dictionary(word, "id") and not in_dictionary(word, "en")


# "Dari Thailand sendiri berapa ton?", "ke Jepang saja", "khusus untuk jalur Senaru": the
# question asks about one part; "saja" after a question word ("apa saja") asks for them all.
_PART_AFTER = re.compile(r"\b([^\W\d_]+)\s+(?:saja|sendiri|alone)\b")
_PART_BEFORE = re.compile(
    r"\bkhusus\s+(?:(?:untuk|bagi|di|ke|dari|buat)\s+)?([^\W\d_]+)(?:\s+([^\W\d_]+))?"
)
_LISTED_BEFORE = re.compile(r"(?:\b(?:dan|and|serta|atau|or)|,)\s*$")
_LISTED_AFTER = re.compile(r"^\s*(?:dan|and|serta|atau|or)\b")
_LIST_GOES_ON = re.compile(r"^\s*,[^.;]{0,40}?\b(?:dan|and|serta|atau|or)\b")


def asked_part(question: str, question_words: Iterable[str]) -> set[str]:
    """Return the words naming the one part a question singles out ("Thailand sendiri")."""
    text = " ".join(_TOKEN.findall(question.lower()))
    asking = set(question_words)
    found = {match.group(1) for match in _PART_AFTER.finditer(text)}
    for match in _PART_BEFORE.finditer(text):
        found.update(word for word in match.groups() if word)
    return {word for word in found if word not in asking}


def singles_out(passage: str, forms: Iterable[str]) -> bool:
    """Tell whether a passage names a part on its own, not only as one item of a list.

    "500.000 ton beras dari Vietnam dan Thailand" gives no figure for Thailand alone.
    """
    text = passage.lower()
    for form in forms:
        for match in re.finditer(rf"\b{re.escape(form)}\b", text):
            before, after = text[: match.start()], text[match.end() :]
            listed = _LISTED_AFTER.match(after) or (
                _LISTED_BEFORE.search(before) and not before.rstrip().endswith(",")
            )
            middle = before.rstrip().endswith(",") and _LIST_GOES_ON.match(after)
            if not listed and not middle:
                return True
    return False
