"""The kind of value a question asks for, and passages that hold one."""

from __future__ import annotations

import pytest

from bot.question_types import (
    Value,
    asked_part,
    asked_value,
    holds_items,
    holds_value,
    named_thing,
    names_thing,
    names_value,
    singles_out,
    value_required,
)


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Berapa lama para tersangka ditahan?", Value.DURATION),
        ("How long will the road stay closed?", Value.DURATION),
        ("Berapa hari pendakian ditutup?", Value.DURATION),
        ("Kapan jalur pendakian dibuka?", Value.TIME),
        ("When did the clinic open?", Value.TIME),
        ("Jam berapa kapal terakhir berangkat?", Value.CLOCK),
        ("What time does the pool open on weekdays?", Value.CLOCK),
        ("Kapan kapal terakhir berangkat?", Value.TIME),
        ("Masjid itu dibangun tahun berapa?", Value.YEAR),
        ("In what year was the bridge built?", Value.YEAR),
        ("Berapa tarif kapal untuk dewasa?", Value.MONEY),
        ("How much did the new clinic cost?", Value.MONEY),
        ("Keris itu ditaksir bernilai berapa?", Value.MONEY),
        ("Berapa total APBD Medan 2026 yang disahkan?", Value.MONEY),  # a budget is a sum
        ("How much is an adult ticket at the Lyric?", Value.MONEY),
        ("How many tickets were sold?", Value.AMOUNT),
        ("Berapa kasus campak di Garut?", Value.AMOUNT),
        ("How many runners took part?", Value.AMOUNT),
        ("Siapa pemenang lomba?", Value.NAME),
        ("Who took over as coach?", Value.NAME),
        ("Why are drivers going on strike?", Value.REASON),
        ("Mengapa KAI menambah perjalanan KRL?", Value.REASON),
        ("What was the prize money at the race?", Value.MONEY),
        ("Apa nama museum itu?", Value.NAME),
        ("Di mana tanggul yang jebol?", Value.PLACE),
        ("Where did the patients go for treatment?", Value.PLACE),
        ("Ke mana warga mengungsi?", Value.PLACE),
        ("Pantai mana yang ditutup?", None),
        ("How strong were the winds when the typhoon hit land?", Value.AMOUNT),  # first asks
        ("How big is the fenced-off area?", Value.AMOUNT),
        ("Seberapa jauh jalur evakuasi dari kawah?", Value.AMOUNT),
        ("KRL tambahan berangkat jam berapa aja?", Value.CLOCK),
        ("How big is the pay rise for bus drivers?", Value.AMOUNT),  # a share answers
        ("Berapa kenaikan tarif KRL?", Value.AMOUNT),
        ("Berapa usia Kepala Desa Karangtengah?", Value.AGE),
        ("How old is the captain?", Value.AGE),
        ("Tiket promo ke Busan harganya berapaan ya?", Value.MONEY),
        ("Pembangunan rumah sakit habis berapa duit?", Value.MONEY),
        ("Penetapan tarif baru itu pakai dasar apa?", None),  # asks the basis, not the sum
        ("Biaya itu untuk apa?", Value.MONEY),
        ("Pemain itu dikontrak berapa lama?", Value.DURATION),
        ("Siapa nama Wali Kota Semarang?", Value.NAME),
        ("What is the new e-reader called?", Value.NAME),
        ("Berapa unit rumah subsidi yang disalurkan?", Value.AMOUNT),  # counted, not a sum
        ("How many loans were paid back?", Value.AMOUNT),
        ("Berapa biaya subsidi rumah?", Value.MONEY),
        ("How much is the club paying for the striker?", Value.MONEY),
    ],
)
def test_questions_ask_for_a_kind_of_value(question: str, value: Value | None) -> None:
    assert asked_value(question) is value


def test_a_misspelt_money_word_asks_for_money_through_the_word_it_means() -> None:
    assert asked_value("Berapa anggran PSU?") is Value.AMOUNT
    assert asked_value("Berapa anggran PSU?", meant={"anggaran"}) is Value.MONEY


@pytest.mark.parametrize(
    ("value", "passage", "holds"),
    [
        (Value.MONEY, "Tarif tetap Rp 15.000 per orang.", True),
        (Value.MONEY, "The project cost $6.3 million.", True),
        (Value.MONEY, "Club sold for £85m", True),
        (Value.MONEY, "Harganya naik dua ribu rupiah.", True),
        (Value.MONEY, "Operator menambah empat kapal berkapasitas 120 penumpang.", False),
        (Value.TIME, "Rekapitulasi dijadwalkan pada Senin (9/3/2026).", True),
        (Value.TIME, "The last record dated from 1963.", True),
        (Value.TIME, "Kapal berangkat pukul 06.00 WIB.", True),
        (Value.TIME, "Banjir terjadi pekan lalu.", True),
        (Value.TIME, "It may rain.", False),
        (Value.TIME, "Warga diminta waspada.", False),
        (Value.YEAR, "Masjid itu dibangun pada 1846.", True),
        (Value.YEAR, "Pemkab berencana membangun tempat parkir pada tahun depan.", False),
        (Value.DURATION, "Mereka ditahan selama 20 hari pertama.", True),
        (Value.DURATION, "Pembangunan rampung dalam 20 bulan.", True),
        (Value.DURATION, "The road closed for three weeks.", True),
        (Value.DURATION, "The line will run for 18 kilometres.", True),
        (Value.DURATION, "Tiga tersangka ditahan.", False),
        (Value.DURATION, "Ia memperkuat tim di Liga 1 musim 2025/2026.", False),  # a season named
        (Value.AMOUNT, "Tiga tersangka ditahan.", True),
        (Value.AMOUNT, "Sebanyak 214 kasus tercatat.", True),
        (Value.AMOUNT, "Warga diminta waspada.", False),
        (Value.AMOUNT, "Kereta pengganti berangkat pukul 13.25 WIB.", False),  # a clock time
        (Value.AMOUNT, "Kapten kapal, Syamsul Hadi (38), selamat pada Senin (17/11).", False),
        (Value.AMOUNT, "Pemkot membuka pendaftaran bantuan rutilahu tahun 2026.", False),
        (Value.AMOUNT, "Margaret Hollis, 74, said the field had washed away.", False),  # an age
        (Value.AMOUNT, "Sebanyak 2.026 rumah menerima bantuan tahun ini.", True),
        (Value.AMOUNT, "Stocks rose to 2.41 million tonnes at 10:30 a.m.", True),
        (Value.REASON, "Perjalanan ditambah karena jumlah penumpang naik.", True),
        (Value.REASON, "Drivers voted to strike after talks over pay failed.", True),
        (Value.REASON, "KAI menambah 24 perjalanan KRL mulai Senin.", False),
        (Value.DURATION, "The 13.4-kilometre elevated line opened on Monday.", True),
        (Value.DURATION, "Ia dikontrak dua setengah musim.", True),
        (Value.DURATION, "Bantuan diberikan selama pantai ditutup.", False),  # "during"
        (Value.DURATION, "Warga mengungsi berbulan-bulan.", True),
        (Value.AGE, "Kepala Desa Karangtengah, Sutrisno (52), menyebut retakan tanah.", True),
        (Value.AGE, "The wreck was found by a 34-year-old fisherman.", True),
        (Value.AGE, "Kepala Desa Karangtengah menyebut tujuh desa rawan.", False),
        (Value.NAME, "Aplikasi bernama Lintang itu dapat menerjemahkan teks.", True),
        (Value.NAME, "Bupati dijadwalkan meninjau lokasi pada Senin.", False),  # a day, no name
        (Value.MONEY, "The delayed 38 billion baht track upgrade.", True),
        (Value.MONEY, "A fine of 5,000 won for each day.", True),
        (Value.MONEY, "Riders pay 350 shillings per swap.", True),
        (Value.MONEY, "He won the race on Sunday.", False),  # "won" only after a number
        (Value.MONEY, "Kasih tahu dong.", False),
        (Value.TIME, "Supplies would arrive from Poland within 10 days.", True),
        (Value.TIME, "Pembersihan jalan ditargetkan selesai dalam tiga hari.", True),
        (Value.TIME, "Jembatan dibuka dua bulan lagi.", True),
        (Value.TIME, "Ada tiga hari libur.", False),
        # "Jam berapa" wants the hour: a day or a span of hours does not give it
        (Value.CLOCK, "Kapal berangkat setiap Senin pukul 07.30 WIB.", True),
        (Value.CLOCK, "The pool opens at 6:30 on weekdays.", True),
        (Value.CLOCK, "Doors open at 7 pm.", True),
        (Value.CLOCK, "Wisatawan naik bus dua jam ke Jepara, Rabu (17/6/2026).", False),
        (Value.TIME, "Uang pengganti dibayar paling lambat satu bulan setelah putusan.", True),
        (Value.PLACE, "RSUD RA Kartini Jepara kini merawat 63 pasien DBD.", True),
        (Value.PLACE, "Warga dapat membayar PBB melalui bank daerah dan kantor pos.", True),
        (Value.PLACE, "Warga dapat membayar PBB dengan aplikasi.", False),
        (Value.PLACE, "Bangkai ikan dikubur di lahan milik perusahaan daerah.", True),
        (Value.PLACE, "Volunteers gathered at the site on Sunday.", True),
        (Value.REASON, "Tebingnya masih labil, jadi petugas hanya bekerja saat cuaca cerah.", True),
        (Value.REASON, "Investigators believe it was started by sparks from a grinder.", True),
        (Value.REASON, "Hujan turun deras sehingga jalan ditutup.", True),
        (Value.REASON, "Rizal jadi juara nasional pada Minggu.", False),
        (Value.REASON, "The fire started on Wednesday afternoon.", False),
    ],
)
def test_passages_hold_values(value: Value, passage: str, holds: bool) -> None:
    assert holds_value(value, passage) is holds


def test_a_headline_is_not_expected_to_give_a_reason() -> None:
    explainer = "Kenapa Cuaca Terasa Lebih Gerah pada Malam Hari? Ini Penjelasannya"
    assert not holds_value(Value.REASON, explainer)
    assert holds_value(Value.REASON, explainer, headline=True)
    assert not holds_value(Value.MONEY, explainer, headline=True)


@pytest.mark.parametrize(
    ("value", "word", "asked", "named"),
    [
        (Value.MONEY, "biaya", True, True),  # any sum answers "berapa biaya"
        (Value.MONEY, "cost", False, True),  # "How much did the clinic cost?"
        (Value.MONEY, "gaji", True, False),  # a particular sum must be named
        (Value.MONEY, "five", True, False),  # "which five banks arranged the $850m loan"
        (Value.TIME, "jam", True, True),  # "jam berapa": a clock time is the "jam"
        (Value.AGE, "usia", True, True),
        (Value.NAME, "nama", False, True),
        (Value.DURATION, "lama", True, True),
        (Value.AMOUNT, "rumah", True, False),  # "berapa rumah": any number is not houses
        (None, "biaya", True, False),
    ],
)
def test_a_value_of_the_kind_asked_stands_in_for_the_word_naming_it(
    value: Value | None, word: str, asked: bool, named: bool
) -> None:
    assert names_value(value, word, asked=asked) is named


@pytest.mark.parametrize(
    ("passage", "holds"),
    [
        ("Tanggul Sungai Sengkarang jebol sepanjang 15 meter.", True),
        ("Most patients travelled to Bend three times a week.", True),
        ("Warga yang terluka dirawat di rumah sakit.", True),
        ("The clinic opened at the hospital on Monday.", True),
        ("Tanggul yang jebol sedang kami tutup sementara, kata Agus, Senin.", False),
        ("Dia datang ke sana bersama keluarga.", False),  # a capital must start the name
        ("The vote went to a second round.", False),
    ],
)
def test_passages_name_a_place(passage: str, holds: bool) -> None:
    assert holds_value(Value.PLACE, passage) is holds


def test_a_keyword_question_naming_a_sum_asks_for_money_without_requiring_it() -> None:
    assert asked_value("tiger enclosure cost") is Value.MONEY
    assert not value_required("tiger enclosure cost")
    assert value_required("How much did the tiger enclosure cost?")
    assert value_required("gimana skor akhirnya?")


def test_a_counter_word_is_the_count_itself_but_a_counted_noun_is_not() -> None:
    assert names_value(Value.AMOUNT, "orang", asked=True)
    assert not names_value(Value.AMOUNT, "orang", asked=False)
    assert not names_value(Value.AMOUNT, "rumah", asked=True)


def test_a_measure_or_how_often_is_stated_by_the_amount() -> None:
    assert names_value(Value.AMOUNT, "luas", asked=True)  # "seluas 148 hektare"
    assert names_value(Value.AMOUNT, "sering", asked=True)  # "setiap tiga bulan"
    assert not names_value(Value.AMOUNT, "luas", asked=False)


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Siapa nama lengkap pejabat pembuat komitmen berinisial YT?", "pejabat"),
        ("What is the name of the nurse who was fined twice?", "nurse"),
        ("nama bupati Pacitan", "bupati"),
        ("What is the bakery called?", "bakery"),
        ("Siapa yang menang?", None),
    ],
)
def test_a_name_question_says_what_it_asks_the_name_of(question: str, thing: str | None) -> None:
    assert named_thing(question) == thing


def test_a_name_counts_only_beside_the_thing_asked_about() -> None:
    asked = {"koordinator", "forum", "guru", "honorer", "lombok", "tengah"}
    given = "Koordinator Forum Guru Honorer Lombok Tengah, Baiq Nurul Aini, mengatakan hal itu."
    assert names_thing(given, {"koordinator"}, asked)
    withheld = "Tersangka adalah pejabat berinisial YT dan direktur CV Flobamora Tirta."
    assert not names_thing(withheld, {"pejabat"}, {"pejabat", "berinisial", "yt"})
    # In title case every word is capitalised: a verb or a noun beside the thing is no name.
    title = "Kejari Lombok Timur Tahan Kades Sukadana, Diduga Korupsi Dana Desa"
    assert not names_thing(title, {"kades"}, {"kades", "sukadana"})
    assert not names_thing("Data Warga Dijual di Forum Peretas", {"peretas"}, {"peretas"})
    assert names_thing("Polisi Tangkap Peretas Bjorka di Madiun", {"peretas"}, {"peretas"})
    placed = "Dokter itu ditempatkan lewat program dokter spesialis Kementerian Kesehatan."
    assert not names_thing(placed, {"dokter"}, {"dokter", "spesialis"})  # a ministry, no doctor
    named = "Kapten kapal tersebut, Sutrisno, selamat."
    assert names_thing(named, {"kapten"}, {"kapten", "kapal"})


def test_a_question_about_one_part_wants_it_named_on_its_own() -> None:
    asking = {"apa", "mana", "siapa", "berapa"}
    assert asked_part("Dari Thailand sendiri berapa ton beras diimpor?", asking) == {"thailand"}
    assert asked_part("Berapa kuota khusus untuk jalur Senaru?", asking) == {"jalur", "senaru"}
    assert asked_part("Apa saja yang disita penyidik?", asking) == set()  # all of them
    assert not singles_out("Impor 500.000 ton beras dari Vietnam dan Thailand.", {"thailand"})
    assert not singles_out("Empat jalur, yakni Sembalun, Senaru, Torean, dan Timbanuh.", {"senaru"})
    assert singles_out("Kuota jalur Senaru dibatasi 150 orang per hari.", {"senaru"})
    assert singles_out("Kepala BPBD, Budi, mengatakan air surut.", {"budi"})


@pytest.mark.parametrize(
    ("passage", "holds"),
    [
        ("More than 1,400 children caught up on missed jabs.", True),
        ("About twenty pupils will move.", True),
        ("The school is about 4.5 miles (7km) away.", False),
        ("Customers fell by 64% over five years, and nine in ten bank online.", False),
        ("Workers were offered jobs paying $1,000 a month.", False),
        ("Shops were flooded to a depth of about 40cm at 10:30.", False),
        ("Lambs fetched an average of 412p per kilogram.", False),
    ],
)
def test_only_a_number_of_items_counts_items(passage: str, holds: bool) -> None:
    assert holds_items(passage) is holds


def test_a_sum_in_pence_is_money() -> None:
    assert holds_value(Value.MONEY, "Lambs fetched an average of 412p per kilogram.")
    assert not holds_value(Value.MONEY, "About 412 lambs were sold at the market.")
