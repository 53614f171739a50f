"""Page noise from real Indonesian and English sites never reaches the article body."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.news import NotAnArticle, ParsedArticle
from bot.parsing import parse_body, parse_page

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURE_PAGES = REPO_ROOT / "tests" / "fixtures" / "pages"
CORPUS = REPO_ROOT.parent / "shared" / "data" / "corpus"
RAW_ID = CORPUS / "id_news_raw_345.jsonl"
NEEDS_RAW = pytest.mark.skipif(not RAW_ID.exists(), reason=f"raw corpus not found at {RAW_ID}")

# Lines no article sentence ever is: related-item labels, video plugs, embeds, editor credits,
# ad and scroll markers, channel plugs, syndication notes.
UNMISTAKABLE = {
    "related label": re.compile(r"^(?:Baca|Simak|Lihat|Tonton|Saksikan) [Jj]uga\b"),
    "video plug": re.compile(r"^(?:Simak|Lihat|Tonton|Saksikan)(?: juga)? [Vv]ideo\b"),
    "embed": re.compile(r"\[Gambas:", re.IGNORECASE),
    "editor credit": re.compile(r"\([a-z]{2,5}/[a-z0-9]{2,5}\)"),
    "lone initials": re.compile(r"^\([a-z]{2,3}\)$"),
    "scroll marker": re.compile(r"^SCROLL (?:TO CONTINUE|DOWN)", re.IGNORECASE),
    "advertisement": re.compile(r"^advertisement$", re.IGNORECASE),
    "channel plug": re.compile(r"WhatsApp Channel|Google News|ponselmu", re.IGNORECASE),
    "syndication": re.compile(r"^Artikel ini telah (?:naik|tayang) di"),
    "credit block": re.compile(r"^\((?:Reporter|Editor|Penulis):"),
}


def _leaks(article: ParsedArticle) -> list[str]:
    return [
        f"{name}: {sentence[:80]}"
        for sentence in article.sentences
        for name, pattern in UNMISTAKABLE.items()
        if pattern.search(sentence)
    ]


def _fixture(name: str) -> str:
    return (FIXTURE_PAGES / name).read_text(encoding="utf-8")


@pytest.mark.corpus
@NEEDS_RAW
@pytest.mark.parametrize("mode", ["body", "page"])
def test_raw_indonesian_news_bodies_carry_no_boilerplate(mode: str) -> None:
    leaks: list[str] = []
    for line in RAW_ID.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        title = record["title"] or ""
        try:
            if mode == "body":
                article = parse_body(record["text"], headline=title)
            else:
                article = parse_page(f"{title}\n\n{record['text']}")
        except NotAnArticle:
            continue
        leaks.extend(f"{record['id']} {leak}" for leak in _leaks(article))
    assert leaks == []


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["en_cnndm_250.jsonl", "en_bbc_250.jsonl"])
def test_english_corpus_bodies_carry_no_plugs_and_keep_datelines(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"English corpus not found at {path}")
    plug = re.compile(r"^(?:Scroll down for|Watch the video|Advertisement$|Share this)", re.I)
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = parse_body(record["text"], headline=record["title"])
        assert not [s for s in article.sentences if plug.match(s)], record["id"]
        if record["text"].startswith("(CNN)"):
            assert article.sentences[0].startswith("(CNN)")


def test_video_plugs_and_embeds_vanish_without_becoming_headlines() -> None:
    """A video plug names the clip embedded below it, not another article to list."""
    article = parse_page(_fixture("08_detik_kereta-gantung-bromo.txt"))
    assert not any("Bromo" in item.headline for item in article.listed_headlines)
    assert _leaks(article) == []
    assert not any("bromo kereta gantung" in sentence for sentence in article.sentences)


def test_a_body_reads_the_same_through_parse_body_and_parse_page() -> None:
    text = _fixture("09_body_id_panen-garam.txt")
    page, body = parse_page(text), parse_body(text)
    assert body.sentences == page.sentences
    assert body.listed_headlines == page.listed_headlines
    assert [item.headline for item in body.listed_headlines] == [
        "Nelayan Madura Keluhkan Harga Solar di Pelabuhan Kalianget",
        "Pemkab Sumenep Bangun Gudang Garam Berkapasitas 5.000 Ton",
    ]


@pytest.mark.parametrize(
    "noise",
    [
        "Simak juga Video: Antrean Panjang di Gerbang Tol Cikampek",
        'Tonton juga "Banjir Rob Rendam Pelabuhan" di sini:',
        "Lihat juga Video 'Pesawat Tergelincir di Landasan':",
        "Saksikan juga video berikut ini:",
        "[Gambas:Video 20detik]",
        "[Gambas:Instagram]",
        "Video Pawai Juara Liga Dipadati Suporter",
        "Artikel ini telah tayang di detikJateng.",
        "--------",
        "https://www.whatsapp.com/channel/0000Example",
        "Dapatkan berita terbaru setiap hari lewat WhatsApp Channel kami.",
        "Ikuti berita terkini lainnya di Google News, klik di sini.",
        "Streaming dengan klik di sini.",
        "Loading...",
        "Daftar Isi",
        "Advertisement",
        "Scroll down for video",
        "Watch the video: Divers film a rare fish near the reef.",
        "Ilustrasi uang rupiah.",
        "(sis)",
        "(Dewi Anggraini)",
        "Nikmati berita tanpa iklan dan artikel premium dengan berlangganan mulai Rp 29.000.",
        "Enjoy ad-free reading with a digital subscription from $1 a week.",
        "Baca berita tanpa iklan dan dapatkan akses ke ribuan artikel premium. Gabung sekarang.",
    ],
)
def test_noise_lines_are_dropped_from_a_bare_body(noise: str) -> None:
    first = "Harga cabai di Pasar Induk naik dua kali lipat pekan ini."
    last = "Pedagang berharap pasokan dari Garut kembali normal sebelum akhir bulan."
    article = parse_body(f"{first}\n\n{noise}\n\n{last}", language="id")
    assert article.sentences == (first, last)


def test_a_credit_ends_the_body_and_takes_its_tag_lines_along() -> None:
    text = (
        "Polisi menutup jalur Puncak selama empat jam pada Minggu pagi.\n\n"
        "Baca juga:\n\n"
        "Jalur Alternatif Puncak Dipadati Kendaraan (abc/def) jalur puncak macet\n\n"
        "libur panjang\n\n"
        "Hoegeng Awards 2025\n\n"
        "(Reporter: Ani Lestari | Editor: Budi Hartono)\n\n"
        "Petugas kembali membuka jalur pada pukul 10.00 WIB."
    )
    article = parse_body(text, language="id")
    assert article.sentences == ("Polisi menutup jalur Puncak selama empat jam pada Minggu pagi.",)
    assert [item.headline for item in article.listed_headlines] == [
        "Jalur Alternatif Puncak Dipadati Kendaraan"
    ]


def test_prose_before_a_credit_on_the_same_line_stays_in_the_body() -> None:
    last = "Kedua tersangka ditahan di Polda Riau."
    article = parse_body(f"Polisi menangkap dua kurir sabu.\n\n{last} (abc/def) narkoba riau")
    assert article.sentences[-1] == last


def test_a_channel_plug_glued_to_the_last_sentence_is_cut_off() -> None:
    text = 'Warga diminta waspada.\n\n"Kami siaga," kata Dewi.Ikuti Whatsapp Channel Republika'
    article = parse_body(text, language="id")
    assert article.sentences[-1] == '"Kami siaga," kata Dewi.'


def test_a_link_split_channel_plug_takes_its_leading_fragments_along() -> None:
    text = (
        "Jalan rusak sepanjang 10 kilometer itu belum juga diperbaiki.\n\n"
        "Simak\n\nbreaking news\n\ndan\n\nberita pilihan\n\n"
        "kami langsung di ponselmu. Pilih saluran andalanmu akses berita WhatsApp Channel :\n\n"
        "https://www.whatsapp.com/channel/0000Example\n\n"
        ". Pastikan kamu sudah install aplikasi WhatsApp ya."
    )
    article = parse_body(text, language="id")
    assert article.sentences == ("Jalan rusak sepanjang 10 kilometer itu belum juga diperbaiki.",)


def test_a_standalone_related_label_with_no_headlines_keeps_the_next_sentence() -> None:
    text = "Pasar dibuka pukul enam pagi.\n\nBaca Juga\n\nPembeli mulai datang sejak subuh."
    article = parse_body(text, language="id")
    assert article.sentences[-1] == "Pembeli mulai datang sejak subuh."
    assert article.listed_headlines == ()


def test_a_scraped_container_repeating_its_paragraphs_is_dropped() -> None:
    first = "Gubernur meresmikan jembatan baru di Kota Tangerang."
    second = "Jembatan itu dibangun selama dua tahun."
    text = f"{first}{second}Baca JugaJudul Lain\n\n{first}\n\n{second}"
    assert parse_body(text, language="id").sentences == (first, second)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dia bergabung dengan WhatsApp Channel milik partai sejak tahun lalu.",
        "Video itu langsung menuai reaksi keras dari warganet.",
        "Ikuti arahan petugas di lapangan, kata Kapolres kepada wartawan.",
        "Data tersebut dikutip dari laman resmi Badan Pusat Statistik.",
        "Ancaman hukumannya penjara (dan/atau) denda.",
        "Jumlah pelanggan yang berlangganan layanan internet naik 12 persen tahun ini.",
        "Pelanggan premium bisa menikmati siaran tanpa iklan, kata Direktur Utama.",
    ],
)
def test_sentences_that_merely_mention_plug_words_stay(sentence: str) -> None:
    article = parse_body(f"Rapat digelar di balai kota.\n\n{sentence}", language="id")
    assert article.sentences[-1] == sentence
