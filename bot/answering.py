"""Question → best stored sentence or headline: normalise, expand, retrieve, re-rank, abstain.

Pure: the database is reached only through the `PassageIndex` protocol (storage/search.py
implements it over SQLite FTS5 or PostgreSQL full-text search). See docs/answering.md.
"""

from __future__ import annotations

import itertools
import math
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bot.question_types import (
    COUNTER_WORDS,
    MEASURE_UNITS,
    MEASURE_WORDS,
    MONEY_WORDS,
    RATE_WORDS,
    UNIT_WORDS,
    Value,
    asked_part,
    asked_value,
    counts_in,
    holds_items,
    holds_share,
    holds_value,
    named_thing,
    names_thing,
    names_value,
    proper_names,
    singles_out,
    value_required,
)
from bot.text.chat import formal_words, load_lexicon
from bot.text.frequency import zipf
from bot.text.language import LanguageCode, detect_language, language_tools
from bot.text.lemmas import in_dictionary, lemma
from bot.text.morphology import indonesian_forms, indonesian_roots, related_forms
from bot.text.nationality import nationality_forms
from bot.text.spelling import everyday_corrections, load_everyday_words
from bot.text.synonyms import synonym_forms

# Calibrated on the labelled question sets and synthetic questions (docs/answering.md).
ANSWER_THRESHOLD = 56.0
# The best passage is not an answer when more than this share of the question's weight is
# found neither in it nor in its article's headline: the question names something else.
MAX_UNCOVERED_SHARE = 0.35
PREFERRED_ARTICLE_MARGIN = 6.0
RANK_TIE = 1.0  # ranking points: closer candidates are a tie, broken by confidence
LEAD_MARGIN = 2.0  # ranking points a lead must win by over a later sentence of its story
OWN_SENTENCE_MARGIN = 5.0  # an article's sentence this close to its own headline is quoted
# A name the reader writes that the store has never seen (Rinjani, when only Semeru is stored)
# usually means the story is not stored: it counts this many times when uncovered. So does a
# name the answering story never mentions ("Palu Timur" asked, only Palu Barat reported).
UNKNOWN_NAME_FACTOR = 2.0
MIN_NAME_LENGTH = 6
MIN_STORY_NAME_LENGTH = 4
STORY_PASSAGES = 400
MAX_ACRONYM = 6
# Closed classes whose members, after a word in Indonesian (+1) or before it in English (-1),
# name another thing: "Kalimantan Tengah" / "Selatan", "musim lalu" / "ini", "last" / "this year"
# Words a class's one-letter or roman-numeral name follows ("golongan I", "grade D").
CLASS_HEADS = frozenset(
    "golongan kelas grade tipe type kategori category class seri series tahap fase phase "
    "spesialis jurusan sektor nomor band zona zone".split()
)
CLASS_NAMES = frozenset("i ii iii iv v vi a b c d e".split())
SIBLING_CLASSES = {
    1: (
        frozenset("utara selatan barat timur tengah tenggara".split()),
        frozenset("lalu ini depan mendatang".split()),
        CLASS_NAMES,  # after a class head only
        # "lantai dua" against "lantai satu", "tahap kedua" against "tahap pertama"
        frozenset("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh".split()),
        frozenset("pertama kedua ketiga keempat kelima keenam".split()),
    ),
    -1: (
        frozenset("north south east west central northern southern eastern western".split()),
        frozenset("last this next previous".split()),
        frozenset("kota kabupaten kab".split()),  # "Kota Jayapura" against "Kabupaten Jayapura"
    ),
}
# "this year" against "last year": a deictic word is a function word, but names another time
# (Indonesian "tahun ini" is often left out where "tahun lalu" gives the comparison)
DEICTIC = SIBLING_CLASSES[-1][1]
# Closed classes whose members exclude one another wherever they stand: a passage that lacks
# the asked one and names another ("tarif jarak terdekat" against "jarak terjauh", "beras
# premium" against "beras medium", "arabica" against "robusta") is about the other one.
EXCLUSIVE_CLASSES = tuple(
    frozenset(line.split())
    for line in """
    terdekat terjauh
    tertinggi terendah
    terbesar terkecil
    termahal termurah
    terbanyak tersedikit
    tercepat terlama
    nearest closest farthest furthest
    highest lowest
    largest biggest smallest
    cheapest dearest priciest
    fastest slowest
    longest shortest
    premium medium
    arabika arabica robusta liberika
    pria wanita
    men women
    male female
    merah putih hitam hijau kuning biru cokelat coklat ungu
    red white black green yellow blue brown purple
    lele nila gurami patin bandeng tongkol tuna cakalang kakap kerapu bawal mujair tenggiri \
    layang kembung selar teri baronang
    waspada siaga awas
    beras gula kopi sawit karet kakao jagung gandum kedelai lada cengkih
    rice sugar coffee rubber cocoa corn maize wheat soybeans pepper tea
    indonesia malaysia thailand vietnam philippines singapore myanmar cambodia india china japan \
    brazil australia russia ukraine germany france britain indonesian malaysian thai vietnamese \
    philippine filipino singaporean cambodian indian chinese japanese brazilian australian
    week weeks month months year years
    pekan bulan tahun
    hakim jaksa
    judge judges prosecutor prosecutors
    executive financial operating
    ayam bebek itik puyuh sapi kambing kerbau babi domba
    bawang cabai tomat kentang wortel kubis
    half full
    primary secondary
    batubara tembaga nikel emas perak timah bauksit
    coal copper nickel gold silver tin bauxite
    bensin solar pertalite pertamax dexlite avtur
    petrol gasoline diesel kerosene
    """.strip().splitlines()
)
MIN_CONTRAST_LENGTH = 3  # "SMA" against "SMP"; shorter words differ by a letter too often
MIN_CLIPPED, MAX_CLIPPED, CLIP_PIECE = 5, 9, 2  # "wabup": two pieces of 2+ letters
# Words news clips from the middle: kades (kepala desa), damkar (pemadam kebakaran), nakes
# (tenaga kesehatan), dishub (dinas perhubungan), disdik, lapas (lembaga pemasyarakatan), rutan
# (rumah tahanan), ojol (ojek online), jukir (juru parkir), prodi (program studi).
IRREGULAR_CLIPS = {
    "kepala": "ka",
    "pemadam": "dam",
    "kebakaran": "kar",
    "tenaga": "na",
    "dinas": "dis",
    "perhubungan": "hub",
    "pendidikan": "dik",
    "pemasyarakatan": "pas",
    "tahanan": "tan",
    "online": "ol",
    "parkir": "kir",
    "studi": "di",
}
CANDIDATE_LIMIT = 120
MAX_QUERY_TERMS = 4
ALTERNATIVES = 2
MAX_EXPANSIONS = 8
COMMON_SHARE = 0.05  # words in more passages than this are left out of retrieval
ENOUGH_CANDIDATES = 20
# A passage's score is a weighted sum of these features, the weights fitted by
# scripts/fit_answer_weights.py (a conditional logit over the candidates of labelled questions:
# the right passage should outscore the rest); scaled so a typical sentence holding every
# question word in order scores 100. See docs/answering.md.
FEATURES = ("coverage", "context", "order", "closeness", "value_missing", "headline")
WEIGHTS = (1.18, 2.03, 0.23, 0.27, -0.41, -0.25)
CONTEXT_FETCHED = 20  # candidates described in full, the sentence before fetched as context
# The confidence that the best passage answers at all is the share of the question it covers
# (its own words, then its context's), with a little for order and closeness, marked down when
# it lacks the value asked for. Ranking and abstaining are different questions: the fitted
# ranking weights order candidates well but separate answerable from unanswerable worse.
COVERAGE_SHARE, ORDER_SHARE, CLOSENESS_SHARE = 0.85, 0.10, 0.05
CONTEXT_CONFIDENCE = 1.2  # context counts for more in confidence than in ranking
VALUE_MISSING = 0.65
# News gives an age in a few fixed forms beside the name ("Sutrisno (52)") when it knows it;
# the other kinds have more phrasings than question_types recognises.
AGE_MISSING = 0.5
# A why-question often repeats a sentence that only states what happened ("sampah menumpuk
# setiap akhir pekan"); without a reason, that sentence answers nothing.
REASON_MISSING = 0.6
TYPO_NEIGHBOURS = 4
MIN_TYPO_CHECKED_LENGTH = 5  # a stored word this long seen once may be a misspelling
UNKNOWN_WORD_ZIPF = 1.5  # rarer in everyday language than this: no word, likely a slip
# A word this common in everyday Indonesian or English (wordfreq's Zipf scale: 4.5 is about
# 30 times per million words) is meant as written, not misspelt: "big" is not "bit", "pemenang"
# not "pemegang". Readers' typos and name variants ("Makasar") sit below 4.
COMMON_WORD_ZIPF = 4.5
LEMMA_DISTANCE = 2  # irregular forms a dictionary knows sit this close: came/come, paid/pay
# A question word the store lacks weighs in full when rarer than UNSEEN_RARE_ZIPF, and down to
# UNSEEN_COMMON_SHARE of its weight as it grows as common as UNSEEN_COMMON_ZIPF.
UNSEEN_RARE_ZIPF, UNSEEN_COMMON_ZIPF, UNSEEN_COMMON_SHARE = 5.4, 6.0, 0.25

# Question words are dropped; function words (pronouns, auxiliaries, prepositions) keep a
# small weight. A generic list: stopwordsiso's lists hold content words readers ask about
# ("kasus", "harga", "half", "won"), so they are not used here.
QUESTION_WORDS = frozenset(
    "apa apakah siapa siapakah kapan kapankah berapa berapakah seberapa bagaimana bagaimanakah "
    "kenapa "
    "mengapa dimana mana manakah kemana darimana adakah "
    # as readers type them in chat
    "brapa brp berapaan gimana gmn knp kpn dmn sapa napa ngapain "
    "what whats which who whom whose when where why how".split()
)
# "so far", "at the moment": until now, not a distance or an instant (they would weigh as rare
# words)
TIME_PHRASES = frozenset(
    {
        ("so", "far"),
        ("sejauh", "ini"),
        ("as", "yet"),
        ("at", "the", "moment"),
        ("right", "now"),
        ("kemarin",),
        ("yesterday",),
    }
)
FUNCTION_WORDS = frozenset(
    "yang dan di ke dari ini itu dengan untuk pada adalah ialah dalam tidak tak akan juga oleh "
    "karena bahwa atau sebagai telah sudah saya aku kamu anda kita kami mereka dia ia bisa dapat "
    "harus ingin mau boleh ada para sang si pun lah kah saja secara tersebut sebuah seorang "
    "sang nya agar supaya jika kalau maka namun tetapi tapi serta hingga sampai soal tentang "
    "menurut kata ujar per lakukan melakukan dilakukan "
    "terhadap selama kepada bagi sejak antara melalui mengenai atas setelah sesudah sebelum saat "
    "akibat "
    # "se-Indonesia", "se-Jawa": the prefix of a hyphenated word, not a word of its own
    "se "
    "ketika sewaktu sambil sedangkan yaitu yakni bila apabila meski meskipun walaupun masih "
    "belum sedang pula pernah "
    # everyday chat Indonesian: "jadi tuntutan jaksa buat Haris berapa tahun sih?"
    "eh oh wah jadi buat aja sih dong deh kok nih tuh gimana gmn gak nggak ga enggak udah dah "
    "yg dgn utk kalo klo bgt banget emang memang kah bakal gara ya yah nah loh lho kan biar "
    # "kena longsor" (hit by), "lewat jalur mana" (via, as
    # "melalui"), "dr" (from, or a doctor's title before the name that matters)
    "kena lewat dr "
    # "turnamen kayak gitu": like that, as "seperti itu"
    "kayak begitu gitu seperti "
    # "pas jam sibuk" (when), "sebenarnya" (actually)
    "pas sebenarnya sebetulnya "
    # "bikin" (make, as "buat"), "nanti" (later, the coming one)
    "bikin nanti "
    # "ada kabar soal festival layang-layang?", "any news on the rail strike?"
    "kabar berita news "
    # "kapal asal Filipina": where from, as "dari" says
    "asal "
    # "paling tinggi" is "tertinggi": the degree is in the word's form, not a word of its own
    "paling "
    "the a an of to in on at for by and or is are was were be been being do does did done "
    "has have had i you he she it we they me him her us them my your his its our their this "
    "that these those there here can could will would shall should may might must many much "
    "any some about from with as into than then so not no yes get got "
    "during before after since until over under against between through without within upon "
    "just also only very too while whether if because though although "
    # English light and auxiliary verb forms: "why are drivers going on strike" asks about
    # the strike; the passage says "vote to strike", not "go".
    "go goes going went gone gets getting doing having being "
    # "what happened to tea prices" asks what the news says of them
    "happen happens happened happening "
    # particles of phrasal verbs: "are fares going up" asks whether they rise
    "up down out off "
    # "the new clinic": the story says "the clinic"; what is new is the news itself
    "new baru".split()
)
# Words that frame a question, not what it asks ("kerugian negara di kasus dana desa", "jumlah
# TPS Balikpapan", "ada rekomendasi HP …", "gimana cara …", "barang bukti apa saja yang
# disita", "siapa yang mendapat …", "dredging start date"): they weigh as function words
# unless a value is asked of them ("berapa kasus hipertensi", "berapa jumlah petugas").
FRAME_WORDS = frozenset(
    "kasus jumlah rekomendasi date result cara caranya barang bukti mendapat mendapatkan".split()
)
# "how many" / "how much" ask for an amount as "berapa" does, and "berapa banyak" as "berapa":
# the second word is part of the question, and the word after it names what is counted.
AMOUNT_QUESTION_PHRASES = {
    **dict.fromkeys(("berapa", "berapakah", "brapa", "brp", "seberapa"), frozenset({"banyak"})),
    "how": frozenset(
        "many much big large small strong fast high tall deep far heavy wide old hot cold "
        "severe bad long".split()
    ),
}
# A word right next to a question word asking for an amount or a choice names the value asked
# for ("jam berapa", "berapa harga", "pantai mana", "what time"): the answer often holds the
# value in other words, so it counts for less. Next to who/when/why/kapan/siapa the word is
# the subject or predicate ("who won", "kapan versi iOS keluar") and keeps its weight.
VALUE_QUESTION_WORDS = frozenset(
    "berapa berapakah seberapa brapa brp berapaan mana manakah apa what whats which how".split()
)
COUNT_QUESTION_WORDS = frozenset("berapa berapakah brapa brp many".split())
COUNT_FILLERS = FUNCTION_WORDS | frozenset("jumlah banyak banyaknya total number numbers".split())
# "turun jadi berapa sekarang": when the amount is asked, not a thing counted
NOW_WORDS = frozenset("sekarang kini now today currently".split())
PEOPLE_WORDS = frozenset("warga orang jiwa penduduk masyarakat people persons residents".split())
# "Berapa kali seminggu": how often, said of a period, not a count of things.
TIMES_WORDS = frozenset("kali sering seminggu sepekan sebulan setahun sehari times often".split())
# English chat spellings of content words: "how many ppl stayed overnight"
ENGLISH_CHAT = {
    "ppl": "people",
    "govt": "government",
    "yr": "year",
    "yrs": "years",
    "hrs": "hours",
    "mins": "minutes",
    "wks": "weeks",
}
NEGATING_WORDS = frozenset({"tanpa", "without"})
COMPARING_WORDS = frozenset("from than with dari dibanding dibandingkan ketimbang".split())
DEPUTY_WORDS = frozenset("deputy vice wakil acting plt plh".split())
# "households with no land-use certificates" says "without" in other words
PASSAGE_NEGATIONS = NEGATING_WORDS | frozenset("no not tidak tak belum bukan non".split())
_SCOPE = re.compile(r"\bse-([^\W\d_]+)", re.IGNORECASE)
_NAME_PREFIX = re.compile(r"\b([A-Z]{2,4})\s+(?=[A-Z][a-z])")
_YEAR = re.compile(r"(?:19|20)\d\d")
HOW_MANY = re.compile(r"\bhow many\s+(\w+)")
PRICE_WORDS = frozenset("harga harganya price prices".split())
MAX_PRICED_WORDS = 3
ROLE_QUESTION_WORDS = frozenset({"siapa", "siapakah", "sapa", "who", "whom"})
# "Pantai mana" asks which beach; in "di mana tanggul jebol" the word after is the subject.
PLACE_QUESTION_WORDS = frozenset({"mana", "manakah"})
PARTICULAR_SUMS = frozenset(
    "gaji upah honor tunjangan denda sewa cicilan premi tebusan "
    "salary salaries wage wages fine fines rent ransom".split()
)
# After "berapa", a sum or a rate ("merugi berapa tiap hari"), not things counted.
NOT_COUNTED = MONEY_WORDS | frozenset("tiap setiap each every".split())
# Particles of chat that sit anywhere in a question: "brp sih total", "kapan ya dibuka".
CHAT_PARTICLES = frozenset("sih dong deh kok nih tuh ya yah kah lah pun nah loh lho".split())
ASKED_VALUE_WEIGHT = 0.5
FUNCTION_WORD_WEIGHT = 0.2
HEADLINE_CONTEXT = 0.5  # a word found only in the sentence's article headline
# A word found only in the sentence before (same article, also a candidate) counts like one
# found in the headline: "Ketinggian air mencapai 40 sentimeter" follows "Banjir rob …".
NEIGHBOUR_CONTEXT = 0.3
EXACT, MORPH, TYPO = 1.0, 0.9, 0.8
SYNONYM = 0.8  # "rampung" for "selesai" (bot/text/synonyms.py)
# The same word with a particle or possessive on it says more than another derivation does:
# "pelatih Rizal" is "Pelatihnya, Sutrisno", not "Rizal berlatih".
CLITIC_FORM = 0.95
CLITICS = frozenset({"nya", "ku", "mu", "lah", "kah", "pun"})
VALUE_STANDS_IN = TYPO  # "biaya" found as "Rp11,3 triliun" in a passage asked for a sum

ENCLITIC = "nya"  # "penantangnya": the possessive written onto the word
MIN_ROOT_LENGTH = 4  # a stem shorter than this is not searched by prefix
# An irregular form's dictionary form is searched too: "brought" finds "bringing".
LEMMA_STEM_LANGUAGES = frozenset({"en"})
PERCENT_WORD = " persen "
PERCENT_WORDS = frozenset({"persen", "percent"})
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+")
_APOSTROPHES = "'\u2019"  # typed and typographic
_NEGATION = re.compile(rf"\b(\w+?)n[{_APOSTROPHES}]t\b", re.IGNORECASE)
_NEGATED = {"wo": "will", "ca": "can", "sha": "shall"}  # won't, can't, shan't
_CLITIC = re.compile(rf"[{_APOSTROPHES}](?:s|re|ve|ll|d|m)\b", re.IGNORECASE)


class PassageHit(Protocol):
    """One stored passage as the index returns it."""

    @property
    def passage_id(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def article_id(self) -> int | None: ...
    @property
    def headline(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...


class PassageIndex(Protocol):
    """What answering needs from a search index over every stored headline and sentence."""

    def passage_count(self) -> int:
        """Return (about) how many passages are stored."""
        ...

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """Return how many passages hold each term, for the terms in the vocabulary."""
        ...

    def vocabulary_with_prefix(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Return (term, passages) for vocabulary terms starting with prefix."""
        ...

    def vocabulary_near(self, word: str, max_distance: int) -> list[tuple[str, int, int]]:
        """Return (term, edit distance, passages) for vocabulary terms close to word."""
        ...

    def candidates(
        self, groups: Sequence[Sequence[str]], *, minimum_match: int, limit: int
    ) -> Sequence[PassageHit]:
        """Return passages holding a term of at least minimum_match of the groups."""
        ...

    def article_passages(self, article_id: int, limit: int) -> Sequence[PassageHit]:
        """Return the headline and sentences of one stored article."""
        ...

    def previous_sentences(self, passage_ids: Sequence[int]) -> Mapping[int, str]:
        """Return, for each of these sentences, the sentence before it in its article."""
        ...

    def lead_sentences(self, article_ids: Sequence[int]) -> Mapping[int, str]:
        """Return, for each of these articles, its first sentence."""
        ...

    def source(self, passage_id: int) -> PassageHit | None:
        """Return one passage with its source article, headline and published date."""
        ...


@dataclass(frozen=True)
class Alternative:
    """A runner-up answer, or a headline suggested when nothing is known."""

    answer: str
    score: float
    article_id: int | None
    kind: str


@dataclass(frozen=True)
class Answer:
    """The reply to one question: a stored passage verbatim, or None when not known."""

    question: str
    answer: str | None
    kind: str | None
    score: float
    article_id: int | None
    headline: str | None
    published: str | None
    alternatives: tuple[Alternative, ...]
    elapsed_ms: float

    def to_json(self, id: str | None = None) -> dict[str, Any]:
        """Return the CLI's answer object."""
        return {
            "id": id,
            "question": self.question,
            "answer": self.answer,
            "kind": self.kind,
            "score": round(self.score, 1),
            "article_id": self.article_id,
            "headline": self.headline,
            "published": self.published,
            "alternatives": [
                {"answer": alt.answer, "score": round(alt.score, 1), "article_id": alt.article_id}
                for alt in self.alternatives
            ],
            "elapsed_ms": round(self.elapsed_ms, 2),
        }


@dataclass(frozen=True)
class QueryTerm:
    """One content word of the question with its weight and the stored words that match it."""

    word: str
    weight: float
    matches: Mapping[str, float]  # stored term -> match quality (EXACT, MORPH, TYPO)
    documents: int  # passages holding any matching term
    unknown_name: bool = False  # written with a capital mid-question, and stored nowhere
    acronym: bool = False  # written in capitals ("DPT"): also matches "daftar pemilih tetap"
    asked: bool = False  # names the value asked for ("berapa harga"): weighs less when missing
    clipped: bool = False  # may clip the words it stands for ("pemprov"; "Jatim": Jawa Timur)
    synonyms: frozenset[str] = frozenset()  # matches saying it in other words: not in context

    @property
    def missing_weight(self) -> float:
        """Return what the word weighs when a passage lacks it."""
        return self.weight * ASKED_VALUE_WEIGHT if self.asked else self.weight


@dataclass(frozen=True)
class Scored:
    """A candidate passage with its score and the share of the question it leaves uncovered."""

    hit: PassageHit
    score: float  # confidence that it answers, 0-100: what the threshold is set on
    rank_score: float = 0.0  # the fitted ranking score: which candidate answers best
    uncovered: float = 0.0
    contrasted: frozenset[str] = frozenset()  # question words it names a sibling of instead


def load_word_lists() -> None:
    """Load the everyday-frequency and dictionary-form lists now rather than at a first question."""
    zipf("yang")
    load_lexicon()
    load_everyday_words()
    for language in ("id", "en"):
        lemma("yang", language)


# --- normalisation ---------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def written_out(question: str) -> tuple[str, ...]:
    """Return the question's words, Indonesian chat spellings written out (brp -> berapa).

    Capitalised words are names and acronyms, kept as written ("DPT" is not the chat "dpt",
    dapat; "Sam" is not "sama"), but a capitalised first word may be a chat question word
    ("Gimana …", "Brp …").
    """
    question = english_contractions_undone(question)
    if question_language(question) != "id":
        return tuple(ENGLISH_CHAT.get(word, word) for word in passage_words(question))
    words: list[str] = []
    for token in _WORD.findall(question):
        formal = [_meant_question_word(word) for word in formal_words([token.lower()])]
        if token.islower() or (not words and set(formal) <= QUESTION_WORDS):
            words.extend(formal)
        else:
            words.append(token.lower())
    return tuple(words)


def english_contractions_undone(question: str) -> str:
    """Return the question with "don't", "won't", "it's" written out ("don" is no word)."""
    question = _NEGATION.sub(
        lambda match: _NEGATED.get(match[1].lower(), match[1]) + " not", question
    )
    return _CLITIC.sub("", question)


def _meant_question_word(word: str) -> str:
    """Return the question word an unknown word misspells ("berpa": berapa), else the word."""
    if len(word) < MIN_TYPO_CHECKED_LENGTH or word in QUESTION_WORDS:
        return word
    if zipf(word) >= UNKNOWN_WORD_ZIPF:
        return word
    corrected = everyday_corrections(word, "id")
    return corrected[0] if corrected and corrected[0] in QUESTION_WORDS else word


def _question_tokens(question: str) -> list[tuple[str, bool]]:
    """Return the question's words, each with whether it belongs to the interrogative."""
    tokens = written_out(question)
    marked = []
    for position, word in enumerate(tokens):
        before = tokens[position - 1] if position else ""
        phrase = word in AMOUNT_QUESTION_PHRASES.get(before, frozenset())
        marked.append((word, word in QUESTION_WORDS or phrase))
    return marked


def question_words(question: str) -> list[str]:
    """Return the question's words without question words and single letters, once each."""
    seen: dict[str, None] = {}
    tokens = _question_tokens(question)
    said = _time_phrase_places([word for word, _ in tokens])
    for place, (word, interrogative) in enumerate(tokens):
        before = tokens[place - 1][0] if place else ""
        if place not in said and not interrogative and _may_be_a_word(word, before):
            seen.setdefault(word)
    return list(seen)


def _may_be_a_word(word: str, before: str) -> bool:
    """Tell a word from a stray letter; a letter naming a class counts ("golongan I", "grade D")."""
    return len(word) > 1 or word.isdigit() or (before in CLASS_HEADS and word in CLASS_NAMES)


def _time_phrase_places(words: Sequence[str]) -> set[int]:
    """Return the places of words saying "until now" ("so far", "at the moment")."""
    places: set[int] = set()
    for phrase in TIME_PHRASES:
        for start in range(len(words) - len(phrase) + 1):
            if tuple(words[start : start + len(phrase)]) == phrase:
                places.update(range(start, start + len(phrase)))
    return places


def asked_values(question: str) -> set[str]:
    """Return the words right next to a question word asking for a value ("jam berapa").

    Chat particles in between are skipped: "brp sih total tunggakan" asks the total.
    """
    marked = [token for token in _question_tokens(question) if token[0] not in CHAT_PARTICLES]
    near: set[str] = set()
    for position, (word, interrogative) in enumerate(marked):
        if not interrogative:
            continue
        if word in VALUE_QUESTION_WORDS and position and not marked[position - 1][1]:
            near.add(marked[position - 1][0])
        if (word in VALUE_QUESTION_WORDS and word not in PLACE_QUESTION_WORDS) or (
            word in AMOUNT_QUESTION_PHRASES.get(marked[position - 1][0] if position else "", ())
        ):
            following = marked[position + 1 : position + 2]
            near.update(w for w, asked in following if not asked)
    if near:  # "berapa berat … dalam gram": the unit a value is asked in is asked too
        prefixes = name_prefixes(question)  # "KM Bintang Samudra" is a ship, not kilometres
        near.update(word for word, _ in marked if word in UNIT_WORDS - prefixes)
    if near & UNIT_WORDS:  # "luas sawah … berapa hektare": the hectares are the area
        near.update(word for word, _ in marked if word in MEASURE_WORDS)
    # "di Kabupaten Batang berapa rumah": a name before the question word is no value asked,
    # but for the scope "se-Indonesia" (nationwide), which a story says in other words
    names = written_names(question) - {scope.lower() for scope in _SCOPE.findall(question)}
    return near - QUESTION_WORDS - FUNCTION_WORDS - names


def name_prefixes(question: str) -> set[str]:
    """Return the capitalised abbreviations leading a name ("KM Bintang", "KMP Nusa")."""
    return {prefix.lower() for prefix in _NAME_PREFIX.findall(question)}


def question_focus(question: str) -> set[str]:
    """Return the words next to any question word: the value, subject or predicate asked about
    ("who won", "jam berapa", "siapa yang menang"). The answer states them; the sentence
    before does not. Function words in between are skipped."""
    marked = _question_tokens(question)
    near: set[str] = set()
    for position, (_, interrogative) in enumerate(marked):
        if not interrogative:
            continue
        if position and not marked[position - 1][1]:
            near.add(marked[position - 1][0])
        following = (w for w, asked in marked[position + 1 :] if not asked)
        first_content = next((w for w in following if w not in FUNCTION_WORDS), None)
        if first_content is not None:
            near.add(first_content)
    return near - FUNCTION_WORDS


def counted_word(question: str) -> str | None:
    """Return what a count asks about ("berapa jumlah pengungsi", "how many homes").

    None when it counts people in general ("berapa warga" is answered by "4.150 jiwa"),
    names only a counter or a unit, or asks how often ("berapa kali seminggu").
    """
    marked = _question_tokens(question)
    for position, (word, interrogative) in enumerate(marked):
        if not interrogative or word not in COUNT_QUESTION_WORDS:
            continue
        following = (w for w, asked in marked[position + 1 :] if not asked)
        # "berapa luas lahan": lahan is counted
        skipped = COUNT_FILLERS | NOW_WORDS | (MEASURE_WORDS - TIMES_WORDS)
        counted = next((w for w in following if w not in skipped), None)
        if counted is None or counted in COUNTER_WORDS | UNIT_WORDS | PEOPLE_WORDS | TIMES_WORDS:
            return None
        # "festival-goers": the first part of a compound is not what is counted.
        compound = re.search(rf"\b{re.escape(counted)}-\w", question.lower())
        return None if compound else counted
    return None


def counts_items(question: str) -> bool:
    """Tell whether the question counts items ("how many pupils"), not units or a share of."""
    counted = HOW_MANY.search(question.lower())
    return counted is not None and counted.group(1) not in UNIT_WORDS | {"of"}


def priced_things(question: str) -> set[str]:
    """Return the words naming what a price is asked of ("harga **telur bebek** di Pasar …").

    A story giving the price of something else (telur ayam) does not answer it.
    """
    words = written_out(question)
    for position, word in enumerate(words):
        if word in PRICE_WORDS:
            start = position + 1 + (words[position + 1 : position + 2] == ("of",))
            following = itertools.takewhile(
                lambda w: w not in FUNCTION_WORDS and w not in QUESTION_WORDS and w.isalpha(),
                words[start : start + MAX_PRICED_WORDS],
            )
            # "harga cabai sekarang": an everyday word is no part of the thing priced
            return {w for w in following if len(w) >= 3 and zipf(w) < COMMON_WORD_ZIPF + 1}
    return set()


def role_asked(question: str) -> set[str]:
    """Return the role or deed a who-question asks after ("Siapa wakil ketua", "who won").

    The answer names the person by it; a passage without it is about someone else.
    """
    if not ROLE_QUESTION_WORDS.intersection(written_out(question)):
        return set()
    return question_focus(question) - asked_values(question)


def question_language(question: str) -> LanguageCode:
    """Guess the question's language (short questions default to Indonesian)."""
    return detect_language(question)


# --- query expansion ------------------------------------------------------------------------


def expand_question(question: str, index: PassageIndex) -> list[QueryTerm]:
    """Return the question's content words, each with the stored words that match it."""
    language = question_language(question)
    words = question_words(question)
    if not words:
        return []
    total = max(index.passage_count(), 1)
    names = written_names(question)
    related = {
        # A name is not a root: "Kalimantan Tengah" is not "pertengahan".
        word: {form for form in related_forms(word, language) if _differ_by_clitic(word, form)}
        if word in names
        else related_forms(word, language)
        for word in words
    }
    capitalised = {token.lower() for token in _WORD.findall(question) if token[:1].isupper()}
    for word in words:  # "Vietnam" is "Vietnamese"; an Indonesian word is not ("makan")
        if (
            language == "en"
            or word in names
            or (word in capitalised and not in_dictionary(word, "id"))
        ):
            related[word] |= nationality_forms(word)
        if language == "en" and word in names:
            related[word].add(word + "s")  # "Sunday" is "Sundays": a name has no stem, a plural
    synonyms = {word: synonym_forms(word) for word in words if word not in FUNCTION_WORDS}
    lookup = set(words).union(*related.values(), *synonyms.values())
    frequencies = index.document_frequencies(lookup)
    asked = asked_values(question)
    # A name, or the word the question word asks about ("siapa pemenang"), that the store has
    # never seen means the story is likely not stored.
    keys = question_names(question) | (question_focus(question) - asked)
    acronyms = question_acronyms(question)
    terms = []
    for word in words:
        matches, documents = _matches(
            word, related[word], frequencies, index, language, name=word in names
        )
        if word in PERCENT_WORDS:  # the sign is stored as a sign, read as the word
            matches[PERCENT_WORD.strip()] = 1.0
        documents = min(total, documents)
        weight = _inverse_frequency(documents, total)
        light = word in FRAME_WORDS and word not in asked
        if word in FUNCTION_WORDS or light or _misspelt_function_word(word, matches):
            weight *= FUNCTION_WORD_WEIGHT
        elif not matches and word not in keys:
            weight *= _unseen_share(word)
        unknown_name = not matches and word in keys and word not in FUNCTION_WORDS
        clipped = _may_be_clipped(word) and not (matches and in_dictionary(word, language))
        # Synonyms match in the word's place but leave its weight as its own forms set it.
        stored_synonyms = _add_synonyms(matches, synonyms.get(word, ()), frequencies)
        terms.append(
            QueryTerm(
                word=word,
                weight=weight,
                matches=matches,
                documents=documents,
                unknown_name=unknown_name,
                acronym=word in acronyms,
                asked=word in asked and word not in FUNCTION_WORDS,
                clipped=clipped,
                synonyms=stored_synonyms,
            )
        )
    return terms


def phrase_acronyms(terms: Sequence[QueryTerm]) -> dict[str, list[int]]:
    """Return the acronyms of runs of 3-6 consecutive question words, with the words' numbers:
    a passage saying "PSU" says "pemungutan suara ulang" (the reverse of an asked acronym).
    Scoring only: retrieval finds such passages through the question's other words."""
    phrases: dict[str, list[int]] = {}
    for start in range(len(terms)):
        for size in range(3, MAX_ACRONYM + 1):
            words = [term.word for term in terms[start : start + size]]
            if len(words) == size and all(_spelled_out(word) for word in words):
                acronym = "".join(word[0] for word in words)
                if zipf(acronym) < COMMON_WORD_ZIPF:  # not "dan" for "daging ayam naik"
                    phrases.setdefault(acronym, []).extend(range(start, start + size))
    return phrases


def _spelled_out(word: str) -> bool:
    """Tell whether a question word may be one word of a spelled-out acronym."""
    return word.isalpha() and len(word) >= 3 and word not in FUNCTION_WORDS


def question_acronyms(question: str) -> set[str]:
    """Return the lower-cased words a question writes in capitals, 2 to 6 letters ("DPT")."""
    return {
        token.lower()
        for token in _WORD.findall(question)
        if token.isalpha() and token.isupper() and 2 <= len(token) <= MAX_ACRONYM
    }


def words_within_sentences(question: str) -> list[str]:
    """Return the question's words but the first of each of its sentences (capitalised anyway)."""
    return [
        token
        for sentence in _SENTENCE_BREAK.split(question)
        for token in _WORD.findall(sentence)[1:]
    ]


def written_names(question: str) -> set[str]:
    """Return the lower-cased words written capitalised after the first, of any length.

    None in a question written in title case ("Berapa Jumlah Korban Banjir Di Garut?").
    """
    tokens = [token for token in words_within_sentences(question) if token[:1].isalpha()]
    capitalised = {token.lower() for token in tokens if token[:1].isupper()}
    return capitalised if 2 * len(capitalised) <= len(tokens) else set()


def question_names(question: str) -> set[str]:
    """Return the lower-cased names in a question: capitalised words after the first one.

    Short capitalised words are left out: they are mostly acronyms and clipped forms
    (Unpad, Undip, BPBD) that readers write differently from the article.
    """
    return {
        token.lower()
        for token in words_within_sentences(question)
        if token[:1].isupper() and len(token) >= MIN_NAME_LENGTH
    }


def _matches(
    word: str,
    related: set[str],
    frequencies: Mapping[str, int],
    index: PassageIndex,
    language: LanguageCode,
    *,
    name: bool = False,
) -> tuple[dict[str, float], int]:
    """Return the stored words matching word with their quality, and the passages they cover.

    A name (name=True) matches as written, with a particle, or misspelt: not by its stem.

    The passages of a word are those of its own forms; typo neighbours only stand in when
    the word has no form in the store (a neighbour must not make a rare word look common).
    """
    matches: dict[str, float] = {}
    documents = dict(frequencies)
    if word in frequencies:
        matches[word] = EXACT
    for form in related:  # not "tetapi" for "penetapan": a conjunction is no form of it
        if form in frequencies and form not in FUNCTION_WORDS:
            matches[form] = CLITIC_FORM if _differ_by_clitic(word, form) else MORPH
    for term, count in [] if name else _stem_variants(word, index, language):
        matches.setdefault(term, MORPH)
        documents[term] = count
    seen = frequencies.get(word, 0)
    # A word the store lacks may be misspelt; one it holds once may be a stored misspelling,
    # unless it is short (a short word that exists is most likely meant: "ios", "hal").
    maybe_misspelt = seen == 0 or (seen == 1 and len(word) >= MIN_TYPO_CHECKED_LENGTH)
    close = _spelled_near(word, index, language) if maybe_misspelt else []
    if seen == 0 and not name:
        for term, count in _lemma_neighbours(word, close, language):
            matches.setdefault(term, MORPH)
            documents[term] = count
    own = sum(documents.get(term, 0) for term in matches)
    # A dictionary word whose forms are stored is meant: "penanaman" (tanaman) is not
    # a slip for "pendanaan".
    meant = own > 0 and in_dictionary(word, language)
    if maybe_misspelt and zipf(word) < COMMON_WORD_ZIPF and not meant:
        neighbours = _typo_neighbours(word, close)
        if name and seen:  # a name the store holds is no slip for an everyday word: "Tahuna"
            neighbours = [(term, n) for term, n in neighbours if zipf(term) < COMMON_WORD_ZIPF]
        if not neighbours and language == "en" and word.endswith("s") and len(word) > 4:
            singular = word[:-1]  # "familes": a slip in a plural the store holds singular
            neighbours = _typo_neighbours(singular, _spelled_near(singular, index, language))
        if not neighbours and language == "en":
            neighbours = _slipped_from_lemma(word, close)
        for term, _ in neighbours:
            matches.setdefault(term, TYPO)
        for term in _stored_forms([term for term, _ in neighbours], index, language):
            matches.setdefault(term, TYPO)
        if not own and neighbours:
            own = max(count for _, count in neighbours)
    if not matches and seen == 0 and not name and zipf(word) < UNKNOWN_WORD_ZIPF:
        # Stored nowhere, not even one slip away: it may misspell a word the store holds
        # only in other forms ("pemimpn": pemimpin, stored as dipimpin).
        for term, count in _everyday_matches(word, index, language).items():
            matches[term] = TYPO
            own = max(own, count)
        if not matches and language == "id":
            for term, count in _dropped_vowel_matches(word, index).items():
                matches[term] = TYPO
                own = max(own, count)
    return matches, own


def _everyday_matches(word: str, index: PassageIndex, language: LanguageCode) -> dict[str, int]:
    """Return the stored forms of the everyday words one slip from word, with their passages."""
    corrected = everyday_corrections(word, language)
    forms = set(corrected) | _stored_forms(corrected, index, language)
    return dict(index.document_frequencies(forms))


def _dropped_vowel_matches(word: str, index: PassageIndex) -> dict[str, int]:
    """Return the stored forms of a root a vowel dropped from an affixed word hides.

    "disiagakn" is "disiagakan", root siaga, stored as "menyiagakan".
    """
    restored = {
        word[:at] + vowel + word[at:] for at in range(1, len(word) + 1) for vowel in "aeiou"
    }
    roots = {
        root
        for candidate in restored
        for root in indonesian_roots(candidate)
        if root != candidate and len(root) >= MIN_ROOT_LENGTH and in_dictionary(root, "id")
    }
    forms = set().union(*(indonesian_forms(root) for root in roots)) if roots else set()
    return dict(index.document_frequencies(forms))


def _add_synonyms(
    matches: dict[str, float], synonyms: Iterable[str], frequencies: Mapping[str, int]
) -> frozenset[str]:
    """Add the stored synonyms of a word to its matches; return those it did not hold yet."""
    added = frozenset(
        term
        for term in synonyms
        if term in frequencies and term not in FUNCTION_WORDS and term not in matches
    )
    for term in added:
        matches[term] = SYNONYM
    return added


def _differ_by_clitic(word: str, form: str) -> bool:
    """Tell whether two words differ only by a particle or possessive (pelatih, pelatihnya)."""
    longer, shorter = (word, form) if len(word) > len(form) else (form, word)
    return longer.startswith(shorter) and longer[len(shorter) :] in CLITICS


def _stored_forms(words: Sequence[str], index: PassageIndex, language: LanguageCode) -> set[str]:
    """Return the stored forms of words ("kuota" -> "kuotanya"): a misspelt word means them too."""
    forms = set().union(*(related_forms(word, language) for word in words)) if words else set()
    return set(index.document_frequencies(forms)) - set(words)


def _stem_variants(word: str, index: PassageIndex, language: LanguageCode) -> list[tuple[str, int]]:
    """Return stored words with the same stem that extend it (runner → runners).

    Both languages' stemmers are tried: a short question ("broken rice price") is too short to
    tell its language, and readers mix English words into Indonesian questions.
    """
    variants: dict[str, int] = {}
    for tools in (language_tools(language), language_tools("en" if language == "id" else "id")):
        stems = {tools.stem(word)}
        if tools.code in LEMMA_STEM_LANGUAGES:
            stems.add(tools.stem(lemma(word, tools.code)))
        for stem in stems:
            if len(stem) < MIN_ROOT_LENGTH or not stem.isalpha():
                continue
            # English nouns in -ment name the act of their verb: "ship" is "shipments"
            derived = {stem, stem + "ment"} if tools.code == "en" else {stem}
            for term, count in index.vocabulary_with_prefix(stem, limit=200):
                if term != word and tools.stem(term) in derived:
                    variants[term] = count
    return list(variants.items())


def _spelled_near(
    word: str, index: PassageIndex, language: LanguageCode
) -> list[tuple[str, int, int]]:
    """Return (term, edit distance, passages) for stored words close in spelling to word."""
    if len(word) < 3 or not word.isalpha():
        return []
    close = [found for found in index.vocabulary_near(word, LEMMA_DISTANCE) if found[0] != word]
    if not close and language == "id":  # stored only with its -nya: penantng -> penantangnya
        near = index.vocabulary_near(word + ENCLITIC, LEMMA_DISTANCE)
        close = [found for found in near if found[0].endswith(ENCLITIC)]
    return close


def _lemma_neighbours(
    word: str, close: Sequence[tuple[str, int, int]], language: LanguageCode
) -> list[tuple[str, int]]:
    """Return the close stored words with the same dictionary form (come -> came)."""
    own = lemma(word, language)
    return [(term, count) for term, _, count in close if lemma(term, language) == own]


def _typo_neighbours(word: str, close: Sequence[tuple[str, int, int]]) -> list[tuple[str, int]]:
    """Return the closest stored words one edit (two for long words) from word."""
    allowed = 1 if len(word) <= 7 else 2
    within = [found for found in close if found[1] <= allowed]
    if not within:
        return []
    nearest = min(distance for _, distance, _ in within)
    found = [(term, count) for term, distance, count in within if distance == nearest]
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return found[:TYPO_NEIGHBOURS]


def _slipped_from_lemma(word: str, close: Sequence[tuple[str, int, int]]) -> list[tuple[str, int]]:
    """Return the stored words whose dictionary form is one slip from word.

    "vocher" for "vouchers": a slip in a singular the store holds only as a plural.
    """
    return [
        (term, count)
        for term, distance, count in close
        if distance > 1 and Levenshtein.distance(word, lemma(term, "en")) == 1
    ]


def _misspelt_function_word(word: str, matches: Mapping[str, float]) -> bool:
    """Tell whether a word is a slip for a function word ("coud" for "could", "befor").

    A slip may share its stem with the function word ("befor", "before"); a dictionary word
    sharing one is a word of its own ("ditetapkan" is not "tetapi").
    """
    unknown = not in_dictionary(word, "en") and not in_dictionary(word, "id")
    return any(
        term in FUNCTION_WORDS and (quality == TYPO or (quality < EXACT and unknown))
        for term, quality in matches.items()
    )


def _unseen_share(word: str) -> float:
    """Return how much of its weight a word the store lacks keeps: less the commoner it is.

    The store's frequencies say nothing about a word it lacks; everyday language does. A
    common word ("come", "now", "selesai") is likely put otherwise in the story; a rare one
    ("tsunami") likely means the story is not stored.
    """
    common = (zipf(word) - UNSEEN_RARE_ZIPF) / (UNSEEN_COMMON_ZIPF - UNSEEN_RARE_ZIPF)
    return 1.0 - (1.0 - UNSEEN_COMMON_SHARE) * min(1.0, max(0.0, common))


def _inverse_frequency(documents: int, total: int) -> float:
    return math.log(1.0 + total / (documents + 0.5))


# --- retrieval and ranking ------------------------------------------------------------------


def retrieve(
    terms: Sequence[QueryTerm], index: PassageIndex, preferred_article_id: int | None
) -> list[PassageHit]:
    """Fetch candidates: all of the rarest words first, then fewer of them."""
    groups = retrieval_groups(terms, index.passage_count())
    hits: dict[int, PassageHit] = {}
    for minimum in _minimum_matches(len(groups)):
        for hit in index.candidates(groups, minimum_match=minimum, limit=CANDIDATE_LIMIT):
            hits.setdefault(hit.passage_id, hit)
        if len(hits) >= ENOUGH_CANDIDATES:
            break
    if preferred_article_id is not None:
        for hit in index.article_passages(preferred_article_id, limit=400):
            hits.setdefault(hit.passage_id, hit)
    return list(hits.values())


def retrieval_groups(terms: Sequence[QueryTerm], total: int) -> list[list[str]]:
    """Return the stored words to search for: the rarest question words, best forms first."""
    searchable = sorted((t for t in terms if t.matches), key=lambda t: t.documents)
    content = [t for t in searchable if t.word not in FUNCTION_WORDS]
    searchable = content if len(content) >= 2 else searchable
    rare = [t for t in searchable if t.documents <= COMMON_SHARE * total]
    chosen = (rare if len(rare) >= 2 else searchable)[:MAX_QUERY_TERMS]
    return [
        sorted(t.matches, key=lambda word: (-t.matches[word], word))[:MAX_EXPANSIONS]
        for t in chosen
    ]


def _minimum_matches(groups: int) -> list[int]:
    if groups == 0:
        return []
    return list(range(groups, 0, -1))


def passage_words(body: str) -> list[str]:
    """Return the lower-cased words of a passage, split as the search index splits them.

    A percent sign is read as the word ("15%" is "15 persen"): readers type the word.
    """
    return _WORD.findall(body.lower().replace("%", PERCENT_WORD))


@dataclass(frozen=True)
class Matcher:
    """The question's words prepared for scoring many passages."""

    terms: Sequence[QueryTerm]
    qualities: Mapping[str, Sequence[tuple[int, float]]]  # stored word -> (term, quality)
    total_weight: float
    query_text: str
    literal: Mapping[str, Sequence[tuple[int, float]]]  # the same without synonyms
    counted: str | None = None  # what a count asks about: "pengungsi" in "berapa jumlah pengungsi"
    counts_items: bool = False  # "how many pupils": a sum, share, measure or span counts none

    @classmethod
    def build(cls, terms: Sequence[QueryTerm]) -> Matcher:
        """Index the terms' matches by stored word."""
        qualities: dict[str, list[tuple[int, float]]] = {}
        literal: dict[str, list[tuple[int, float]]] = {}
        for number, term in enumerate(terms):
            for word, quality in term.matches.items():
                qualities.setdefault(word, []).append((number, quality))
                if word not in term.synonyms:
                    literal.setdefault(word, []).append((number, quality))
        for acronym, numbers in phrase_acronyms(terms).items():
            for table in (qualities, literal):
                table.setdefault(acronym, []).extend((number, MORPH) for number in numbers)
        return cls(
            terms=terms,
            qualities=qualities,
            total_weight=sum(t.weight for t in terms),
            query_text=" ".join(t.word for t in terms),
            literal=literal,
        )

    def best_qualities(
        self, tokens: Iterable[str], *, synonyms: bool = True, clips: bool = True
    ) -> list[float]:
        """Return, per question word, the best match quality among tokens.

        synonyms=False for context: a synonym in the sentence before or the headline is too
        loose a tie ("won" is not asked about by a headline saying "winner"). clips=False
        leaves clipped compounds unchecked: a first, cheap pass over many candidates.
        """
        tokens = list(tokens)
        best = [0.0] * len(self.terms)
        table = self.qualities if synonyms else self.literal
        for token in table.keys() & set(tokens):  # the set operation runs in C
            for number, quality in table[token]:
                if quality > best[number]:
                    best[number] = quality
        for number, term in enumerate(self.terms):
            if term.acronym and best[number] < MORPH and spells_acronym(tokens, term.word):
                best[number] = MORPH
            elif clips and term.clipped and not best[number]:
                if clips_words(tokens, term.word):
                    best[number] = TYPO
        return best


def spells_acronym(tokens: Sequence[str], acronym: str) -> bool:
    """Tell whether consecutive tokens start with the acronym's letters ("daftar pemilih tetap")."""
    size = len(acronym)
    first = acronym[0]
    return any(
        tokens[start].startswith(first)
        and "".join(token[:1] for token in tokens[start : start + size]) == acronym
        for start in range(len(tokens) - size + 1)
    )


def _may_be_clipped(word: str) -> bool:
    """Tell whether a question word may be a clipped compound ("pemprov", "wabup").

    A stored one too, unless the dictionary lists it: "Jatim" in one headline, "Jawa Timur"
    in the sentence that answers.
    """
    return word.isalpha() and MIN_CLIPPED <= len(word) <= MAX_CLIPPED and word not in FUNCTION_WORDS


def clips_words(tokens: Sequence[str], word: str) -> bool:
    """Tell whether the word joins the beginnings of 2-3 consecutive tokens.

    Indonesian news and readers clip compounds: pemprov (pemerintah provinsi), wabup (wakil
    bupati), kemenkes (kementerian kesehatan); "kepala" is clipped as "ka" (kades).
    """
    text = " " + " ".join(tokens)
    for start in _clip_start_positions(word, text):
        if start < len(tokens) - 1 and _clipped_from(word, tokens, start, 0):
            return True
    return False


def _clip_start_positions(word: str, text: str) -> Iterable[int]:
    """Yield the positions of the tokens a clip of word may start at (found in C, not Python)."""
    for start in _clip_starts(word):
        found = text.find(start)
        while found >= 0:
            yield text.count(" ", 0, found)
            found = text.find(start, found + 1)


def _clipped_from(rest: str, tokens: Sequence[str], start: int, pieces: int) -> bool:
    if not rest:
        return pieces >= 2
    if pieces == 3 or start >= len(tokens):
        return False
    token = tokens[start]
    irregular = IRREGULAR_CLIPS.get(token)
    if irregular and rest.startswith(irregular):
        return _clipped_from(rest[len(irregular) :], tokens, start + 1, pieces + 1)
    return any(
        token.startswith(rest[:size]) and _clipped_from(rest[size:], tokens, start + 1, pieces + 1)
        for size in range(CLIP_PIECE, min(len(token), len(rest)) + 1)
    )


_IRREGULAR_PIECES = {clip: token for token, clip in IRREGULAR_CLIPS.items()}


@lru_cache(maxsize=4096)
def _clip_starts(word: str) -> tuple[str, ...]:
    """Return how a token a clip of word starts at begins, after a space ("ka", "kepala").

    Looking for these in the joined passage runs in C; trying every token as a start in
    Python cost a question milliseconds at a million sentences once stored words were tried.
    """
    irregular = tuple(
        " " + whole for piece, whole in _IRREGULAR_PIECES.items() if word.startswith(piece)
    )
    return (" " + word[:CLIP_PIECE], *irregular)


def score_passage(
    hit: PassageHit,
    matcher: Matcher,
    context: Sequence[float] | None = None,
    *,
    value: Value | None = None,
) -> float:
    """Score a passage for the question, 100 for a typical sentence saying all of it in order.

    context: per question word, the best quality found in the passage's context (its
    article's headline, the sentence before).
    value: the kind of value the question asks for; a passage without one is marked down.
    """
    tokens = passage_words(hit.text)
    if context is None:
        context = headline_context(hit, matcher)
    own = matcher.best_qualities(tokens)
    return weigh(passage_features(hit, tokens, own, context, matcher, value))


def passage_features(
    hit: PassageHit,
    tokens: Sequence[str],
    own: Sequence[float],
    context: Sequence[float],
    matcher: Matcher,
    value: Value | None,
    required: bool = True,
    named: Iterable[str] | None = None,
    parts: Sequence[frozenset[str]] = (),
) -> tuple[float, ...]:
    """Return the passage's features, in the order of FEATURES.

    required: a passage lacking the value is marked down (not for keyword questions).
    named: for a name question, the stored forms of the thing whose name is asked.
    parts: the forms of each word naming the one part a question singles out ("Thailand
    sendiri"); a passage naming it only in a list, or not at all, lacks what is asked.
    """
    if matcher.total_weight <= 0:
        return (0.0,) * len(FEATURES)
    headline = hit.kind == "headline"
    holds = value is not None and holds_value(value, hit.text, headline=headline)
    if holds and value is Value.AMOUNT:
        holds = (not matcher.counts_items or holds_items(hit.text)) and not (
            _lacks_asked_unit(own, matcher, tokens)
            or _lacks_counted(own, matcher)
            or _lacks_measure_unit(tokens, matcher)
        )
    if holds and value is Value.MONEY:
        holds = not _lacks_particular_sum(own, matcher)
    if holds and value is Value.NAME:
        holds = _names_what_is_asked(hit.text, matcher, named)
    if not holds and value is Value.MONEY and _asks_rate(matcher):
        holds = holds_share(hit.text)
    if holds:
        own = _value_stands_in(own, matcher, value)
    return (
        *_coverage_features(own, context, matcher),
        _pairs_in_order(tokens, matcher),
        fuzz.token_set_ratio(matcher.query_text, " ".join(tokens)) / 100.0,
        0.0 if (value is None or holds or not required) and _singles_out(hit, parts) else 1.0,
        1.0 if headline else 0.0,
    )


def _singles_out(hit: PassageHit, parts: Sequence[frozenset[str]]) -> bool:
    return all(singles_out(hit.text, forms) for forms in parts)


def asked_parts(question: str, matcher: Matcher) -> list[frozenset[str]]:
    """Return the stored forms of each word naming the part a question singles out."""
    words = asked_part(" ".join(written_out(question)), QUESTION_WORDS)
    return [frozenset({term.word, *term.matches}) for term in matcher.terms if term.word in words]


def _asks_rate(matcher: Matcher) -> bool:
    """Tell whether the question asks for a sum often given as a share (denda, interest)."""
    return any(
        word in RATE_WORDS and quality == max(term.matches.values())
        for term in matcher.terms
        for word, quality in term.matches.items()
    )


def _names_what_is_asked(passage: str, matcher: Matcher, named: Iterable[str] | None) -> bool:
    """Tell whether a passage gives a name the question lacks, beside the thing asked about.

    named: the stored forms of the word for that thing, None when the question gives none.
    """
    if named is None:
        return any(name not in matcher.qualities for name in proper_names(passage))
    return names_thing(passage, named, matcher.qualities)


def named_forms(question: str, matcher: Matcher) -> frozenset[str] | None:
    """Return the stored forms of what a name question asks the name of, if it says."""
    thing = named_thing(" ".join(written_out(question)))
    term = next((term for term in matcher.terms if term.word == thing), None)
    return None if term is None else frozenset(term.matches)


def _lacks_asked_unit(own: Sequence[float], matcher: Matcher, tokens: Sequence[str]) -> bool:
    """Tell whether the passage lacks the unit a count is asked in ("berapa ton").

    The unit must count something: "ganti rugi Rp6 juta per hektare" gives no hectares, unless
    a rate is asked ("berapa per gram").
    """
    return any(
        term.asked
        and term.word in UNIT_WORDS
        and (not quality or not _counts_in_unit(term, matcher, tokens))
        for term, quality in zip(matcher.terms, own, strict=True)
    )


def _counts_in_unit(term: QueryTerm, matcher: Matcher, tokens: Sequence[str]) -> bool:
    """Tell whether a number stands before the asked unit, or the question asks a rate."""
    rate = f" per {term.word}" in f" {matcher.query_text}"
    return rate or term.word in PERCENT_WORDS or counts_in(term.matches, tokens)


def _lacks_measure_unit(tokens: Sequence[str], matcher: Matcher) -> bool:
    """Tell whether the passage lacks every unit of the measure asked ("berapa luas": hectares).

    A unit asked for decides instead ("berapa persen … kelebihan berat badan").
    """
    if any(term.asked and term.word in UNIT_WORDS for term in matcher.terms):
        return False
    words = set(tokens)
    return any(
        term.asked
        and term.word.removesuffix("nya") in MEASURE_UNITS
        and _gives_another_measure(term.word.removesuffix("nya"), words)
        for term in matcher.terms
    )


def _gives_another_measure(measure: str, words: set[str]) -> bool:
    """Tell whether a passage gives no unit of the measure, or gives another measure instead
    ("berapa tinggi tanggul" against "tanggul sepanjang 7,2 kilometer")."""
    if not words & MEASURE_UNITS[measure]:
        return True
    own = {measure, "se" + measure, "ke" + measure + "an", measure + "nya"}
    others = {"se" + other for other in MEASURE_UNITS if other != measure}
    return bool(words & others) and not words & own


def _lacks_particular_sum(own: Sequence[float], matcher: Matcher) -> bool:
    """Tell whether the passage lacks the particular sum asked for ("berapa gaji": a salary).

    A transfer fee is no salary: a sum in general ("biaya", "nilai") is any sum, a particular
    one must be named, in its own words or a synonym's.
    """
    return any(
        term.word in PARTICULAR_SUMS and not quality
        for term, quality in zip(matcher.terms, own, strict=True)
    )


def _lacks_counted(own: Sequence[float], matcher: Matcher) -> bool:
    """Tell whether the passage lacks what a count asks about ("berapa jumlah pengungsi")."""
    return any(
        term.word == matcher.counted and not quality
        for term, quality in zip(matcher.terms, own, strict=True)
    )


def _value_stands_in(own: Sequence[float], matcher: Matcher, value: Value | None) -> list[float]:
    """Credit the words naming the value asked for to a passage that holds such a value."""
    return [
        max(quality, VALUE_STANDS_IN)
        if names_value(value, term.word, asked=term.asked)
        else quality
        for term, quality in zip(matcher.terms, own, strict=True)
    ]


def _coverage_features(
    own: Sequence[float], context: Sequence[float], matcher: Matcher
) -> tuple[float, float]:
    """Return the share of the question the passage holds, and what its context adds."""
    coverage = _coverage(matcher.terms, own)
    found = [max(mine, HEADLINE_CONTEXT * near) for mine, near in zip(own, context, strict=True)]
    return coverage, _coverage(matcher.terms, found) - coverage


def confidence(features: Sequence[float], missing: float = VALUE_MISSING) -> float:
    """Return how sure a passage answers the question at all, 0-100, from its features.

    missing: the share kept by a passage lacking the kind of value asked for.
    """
    coverage, context, order, closeness, value_missing = features[:5]
    score = 100.0 * (
        COVERAGE_SHARE * (coverage + CONTEXT_CONFIDENCE * context)
        + ORDER_SHARE * order
        + CLOSENESS_SHARE * closeness
    )
    return score * missing if value_missing else score


def missing_share(value: Value | None) -> float:
    """Return the confidence kept by a passage lacking the kind of value asked for."""
    if value is Value.AGE:
        return AGE_MISSING
    return REASON_MISSING if value is Value.REASON else VALUE_MISSING


def weigh(features: Sequence[float], weights: Sequence[float] = WEIGHTS) -> float:
    """Return the weighted sum of a passage's features on the 0-100 scale."""
    full_marks = weights[0] + weights[2] + weights[3]  # every word, in order, close
    return 100.0 * sum(w * f for w, f in zip(weights, features, strict=True)) / full_marks


def _coverage(terms: Sequence[QueryTerm], found: Sequence[float]) -> float:
    """Return the weighted share of the question's words found, by match quality."""
    held = sum(term.weight * quality for term, quality in zip(terms, found, strict=True))
    weights = sum(
        term.weight if quality else term.missing_weight
        for term, quality in zip(terms, found, strict=True)
    )
    return held / weights if weights > 0 else 0.0


def headline_context(hit: PassageHit, matcher: Matcher) -> list[float]:
    """Return, per question word, its best quality in a sentence's article headline."""
    if hit.headline and hit.kind == "sentence":
        return matcher.best_qualities(passage_words(hit.headline))
    return [0.0] * len(matcher.terms)


def uncovered_share(
    hit: PassageHit,
    matcher: Matcher,
    context: Sequence[float] | None = None,
    *,
    value: Value | None = None,
    foreign: Iterable[str] = (),
) -> float:
    """Return the share of the question's weight found neither in the passage nor its context.

    foreign: question words naming something the passage's story never mentions, or the role
    a who-question asks after; they count as much as names stored nowhere.
    """
    if matcher.total_weight <= 0:
        return 1.0
    found = matcher.best_qualities(passage_words(hit.text))
    if value is not None and holds_value(value, hit.text, headline=hit.kind == "headline"):
        found = _value_stands_in(found, matcher, value)
    if context is None:
        context = headline_context(hit, matcher)
    missing = 0.0
    extra = 0.0
    for term, own, near in zip(matcher.terms, found, context, strict=True):
        if not own and not near:
            unknown = term.unknown_name or term.word in foreign
            weight = term.missing_weight * (UNKNOWN_NAME_FACTOR if unknown else 1.0)
            missing += weight
            extra += weight - term.weight
    return missing / (matcher.total_weight + extra)


def passage_contexts(
    hits: Sequence[PassageHit],
    matcher: Matcher,
    focus: Iterable[str] = (),
    previous: Mapping[int, str] | None = None,
    leads: Mapping[int, str] | None = None,
    headlines: dict[str, list[float]] | None = None,
) -> dict[int, list[float]]:
    """Return, per candidate, each question word's best quality in the passage's context.

    The context of a sentence is its article's headline and the sentence before it
    (previous: sentence id -> text of the one before; "Akibatnya, warga harus memutar" follows
    "Jembatan itu putus"). Words next to the question word are not borrowed from the sentence
    before: the answer itself states what is asked. An article pasted without a headline is
    about what its first sentence says (leads: article id -> first sentence). headlines caches
    each headline's match qualities across calls.
    """
    focused = set(focus)
    borrow = [0.0 if term.word in focused else 1.0 for term in matcher.terms]
    ratio = NEIGHBOUR_CONTEXT / HEADLINE_CONTEXT
    headlines = {} if headlines is None else headlines
    contexts: dict[int, list[float]] = {}
    for hit in hits:
        context = [0.0] * len(matcher.terms)
        if hit.kind == "sentence" and hit.article_id is not None:
            headline = hit.headline or (leads or {}).get(hit.article_id)
            if headline and headline != hit.text:
                if headline not in headlines:
                    words = passage_words(headline)
                    headlines[headline] = matcher.best_qualities(words, synonyms=False)
                context = list(headlines[headline])
            before = (previous or {}).get(hit.passage_id)
            if before is not None:
                near = matcher.best_qualities(passage_words(before), synonyms=False)
                context = [
                    max(a, ratio * b * allowed)
                    for a, b, allowed in zip(context, near, borrow, strict=True)
                ]
        contexts[hit.passage_id] = context
    return contexts


def _pairs_in_order(tokens: Sequence[str], matcher: Matcher) -> float:
    """Return the share of the question's adjacent word pairs that sit side by side here."""
    pairs = len(matcher.terms) - 1
    if pairs < 1:
        return 0.0
    positions: dict[int, set[int]] = {}
    for place, token in enumerate(tokens):
        for number, _ in matcher.qualities.get(token, ()):
            positions.setdefault(number, set()).add(place)
    adjacent = sum(
        1
        for number in range(pairs)
        if any(place + 1 in positions.get(number + 1, ()) for place in positions.get(number, ()))
    )
    return adjacent / pairs


class ContextIndex(Protocol):
    """Where a candidate's context beyond its headline comes from (a PassageIndex)."""

    def previous_sentences(self, passage_ids: Sequence[int]) -> Mapping[int, str]:
        """Return, for each of these sentences, the sentence before it in its article."""
        ...

    def lead_sentences(self, article_ids: Sequence[int]) -> Mapping[int, str]:
        """Return, for each of these articles, its first sentence."""
        ...

    def article_passages(self, article_id: int, limit: int) -> Sequence[PassageHit]:
        """Return the headline and sentences of one stored article."""
        ...


@dataclass(frozen=True)
class Candidate:
    """A candidate passage with its features and its context's match qualities."""

    hit: PassageHit
    features: tuple[float, ...]
    context: Sequence[float]
    missing: float = VALUE_MISSING  # confidence kept when it lacks the kind of value asked for


def describe_candidates(
    hits: Iterable[PassageHit],
    terms: Sequence[QueryTerm],
    question: str,
    context_index: ContextIndex | None = None,
) -> tuple[Matcher, list[Candidate]]:
    """Return the most promising candidates with their features, best first.

    Every candidate is first weighed by its coverage (clipped compounds unchecked), with its
    headline as context; the CONTEXT_FETCHED best are described in full, with the sentence
    before them as context too, and the first sentence of an article without a headline
    (fetched for those alone).
    """
    matcher = replace(
        Matcher.build(terms),
        counted=counted_word(question),
        counts_items=counts_items(question),
    )
    hits = list(hits)
    tokens = {hit.passage_id: passage_words(hit.text) for hit in hits}
    rough = {
        passage_id: matcher.best_qualities(words, clips=False)
        for passage_id, words in tokens.items()
    }
    headline_qualities: dict[str, list[float]] = {}
    headlines = passage_contexts(hits, matcher, headlines=headline_qualities)

    def covered(hit: PassageHit) -> float:
        mine, near = rough[hit.passage_id], headlines[hit.passage_id]
        found = [max(a, HEADLINE_CONTEXT * b) for a, b in zip(mine, near, strict=True)]
        return _coverage(matcher.terms, found)

    best = sorted(hits, key=lambda hit: (-covered(hit), hit.passage_id))[:CONTEXT_FETCHED]
    own = {hit.passage_id: matcher.best_qualities(tokens[hit.passage_id]) for hit in best}
    previous, leads = _fetch_context(best, context_index)
    contexts = passage_contexts(
        best, matcher, question_focus(question), previous, leads, headline_qualities
    )
    value = question_value(question, matcher)
    required = value_required(" ".join(written_out(question)))
    named = named_forms(question, matcher) if value is Value.NAME else None
    parts = asked_parts(question, matcher)
    candidates = [
        Candidate(
            hit,
            passage_features(
                hit,
                tokens[hit.passage_id],
                own[hit.passage_id],
                contexts[hit.passage_id],
                matcher,
                value,
                required,
                named,
                parts,
            ),
            contexts[hit.passage_id],
            missing_share(value),
        )
        for hit in best
    ]
    return matcher, sorted(candidates, key=lambda c: -weigh(c.features))


def question_value(question: str, matcher: Matcher) -> Value | None:
    """Return the kind of value the question asks for, its words read as best matched.

    Only a word's best matches say what it means: "anggran" means "anggaran", but
    "penanaman" (stored as tanaman) does not mean its far typo neighbour "dana".
    """
    meant = {
        word
        for term in matcher.terms
        if term.matches
        for word, quality in term.matches.items()
        if quality == max(term.matches.values())
    }
    value = asked_value(" ".join(written_out(question)), meant=meant)
    return Value.AMOUNT if value is Value.MONEY and _counts_things(question, matcher) else value


def _counts_things(question: str, matcher: Matcher) -> bool:
    """Tell whether a count names the things counted, no sum ("berapa saksi … kasus dana desa").

    A capitalised word after "berapa" is the subject, not what is counted ("Berapa Pemprov
    siapkan dana?").
    """
    counted = _word_after_count(question)
    if counted is None or counted != counted_word(question) or _means_no_thing(counted, matcher):
        return False
    return all(token.lower() != counted or token.islower() for token in _WORD.findall(question))


def _word_after_count(question: str) -> str | None:
    """Return the word right after "berapa" ("berapa banyak" and "berapa jumlah" too)."""
    marked = _question_tokens(question)
    for position, (word, interrogative) in enumerate(marked):
        if interrogative and word in COUNT_QUESTION_WORDS:
            following = [w for w, _ in marked[position + 1 :] if w not in ("banyak", "jumlah")]
            return following[0] if following else None
    return None


def _means_no_thing(word: str, matcher: Matcher) -> bool:
    """Tell whether a word after "berapa" means a sum or a rate, or slips a function word."""
    if word in NOT_COUNTED:
        return True
    term = next((term for term in matcher.terms if term.word == word), None)
    if term is not None and term.matches:  # "berapa anggran": the slip means "anggaran"
        best = max(term.matches.values())
        if any(match in NOT_COUNTED for match, q in term.matches.items() if q == best):
            return True
    # "brp sbenarnya biaya": a slip of "sebenarnya" counts nothing
    slip = zipf(word) < UNKNOWN_WORD_ZIPF and everyday_corrections(word, "id")[:1]
    return bool(slip and FUNCTION_WORDS.intersection(slip))


def _fetch_context(
    hits: Sequence[PassageHit], context_index: ContextIndex | None
) -> tuple[Mapping[int, str], Mapping[int, str]]:
    """Return the sentences before these sentences, and the leads of their headless articles."""
    sentences = [hit for hit in hits if hit.kind == "sentence" and hit.article_id is not None]
    if context_index is None or not sentences:
        return {}, {}
    headless = sorted({hit.article_id for hit in sentences if not hit.headline and hit.article_id})
    previous = context_index.previous_sentences([hit.passage_id for hit in sentences])
    return previous, context_index.lead_sentences(headless) if headless else {}


def rank(
    hits: Iterable[PassageHit],
    terms: Sequence[QueryTerm],
    preferred_article_id: int | None,
    question: str = "",
    context_index: ContextIndex | None = None,
) -> list[Scored]:
    """Score and order candidates; the reader's current article wins a near tie."""
    matcher, candidates = describe_candidates(hits, terms, question, context_index)
    contexts = {c.hit.passage_id: c.context for c in candidates}
    scored = [
        Scored(c.hit, confidence(c.features, c.missing), rank_score=weigh(c.features))
        for c in candidates
    ]
    scored.sort(key=lambda s: (-s.rank_score, s.hit.kind != "sentence", s.hit.passage_id))
    scored = surest_of_a_tie(scored)
    scored = prefer_own_sentence(scored)
    scored = _prefer_article(scored, preferred_article_id)
    scored = after_the_lead(
        scored,
        context_index,
        lambda lead: bool(contrasted_words(lead, matcher, contexts[lead.passage_id])),
    )
    if scored:  # only the best one is tested for what it leaves uncovered
        top = scored[0].hit
        foreign = names_foreign_to_story(top, matcher, question, context_index)
        scored[0] = replace(
            scored[0],
            uncovered=uncovered_share(
                top,
                matcher,
                contexts[top.passage_id],
                value=question_value(question, matcher),
                foreign=foreign | role_asked(question),
            ),
            contrasted=contrasted_words(top, matcher, contexts[top.passage_id])
            | known_elsewhere(foreign, matcher),
        )
    return scored


def known_elsewhere(words: Iterable[str], matcher: Matcher) -> frozenset[str]:
    """Return the words that are no name unknown to the store: another story's names, things.

    "Berapa tunggakan PBB di Mentawai?" answered from a story on Makassar's arrears, with
    Mentawai in another stored story, is about a story the store does not have; so is "harga
    daging ayam" answered from a story that never mentions chicken. A name stored nowhere
    weighs double in the uncovered share instead.
    """
    unknown = {term.word for term in matcher.terms if term.unknown_name}
    return frozenset(word for word in words if word not in unknown)


def names_foreign_to_story(
    hit: PassageHit, matcher: Matcher, question: str, context_index: ContextIndex | None
) -> set[str]:
    """Return the names in the question that the passage's story never mentions.

    A listed headline is a story of its own; an article's passage speaks for the article.
    """
    names = {
        token.lower()
        for token in words_within_sentences(question)
        if token[:1].isupper() and not token.isupper() and len(token) >= MIN_STORY_NAME_LENGTH
    } | priced_things(question)
    own = matcher.best_qualities(passage_words(hit.text))
    numbers = [n for n, term in enumerate(matcher.terms) if term.word in names and not own[n]]
    if not numbers:
        return set()
    story = [hit]
    if hit.article_id is not None and context_index is not None:
        story = list(context_index.article_passages(hit.article_id, limit=STORY_PASSAGES))
    found = matcher.best_qualities(
        word for passage in story for word in passage_words(passage.text)
    )
    return {matcher.terms[n].word for n in numbers if not found[n]}


def contrasted_words(
    hit: PassageHit, matcher: Matcher, context: Sequence[float] | None = None
) -> frozenset[str]:
    """Return the question words the passage lacks but names a sibling of, one last letter off.

    "Siapa juara tunggal putra" against "juara tunggal putri", "SMA negeri" against "SMP
    negeri", "2020" against "2030" (any other year): the passage is about the other one. A
    slip would have matched the sibling as a typo, so an unmatched word is meant as written;
    the word naming the value asked ("berapa lama" against "lima") is not expected in the passage.
    A word asked to be without ("tarif tanpa subsidi") that the passage states plainly is
    contrasted too.
    """
    words = passage_words(hit.text)
    found = matcher.best_qualities(words)  # in order: clipped words are read off a sequence
    near = context if context is not None else [0.0] * len(found)
    unmatched = set(words) - matcher.qualities.keys() - FUNCTION_WORDS
    siblings = {token[:-1] for token in unmatched if len(token) >= MIN_CONTRAST_LENGTH}
    found_near = [max(own, around) for own, around in zip(found, near, strict=True)]
    years = {token for token in unmatched if _YEAR.fullmatch(token)}
    slipped = {
        term.word
        for term, quality in zip(matcher.terms, found_near, strict=True)
        if not quality
        and _may_contrast(term)
        and (term.word[:-1] in siblings or (years and _YEAR.fullmatch(term.word)))
    }
    # a sibling said in the passage itself outweighs the asked word found in its context
    named = {
        matcher.terms[n].word
        for n in named_siblings(words, matcher)
        if (not found[n] or _class_named_elsewhere(n, words, matcher))
        and (_may_contrast(matcher.terms[n]) or matcher.terms[n].word in DEICTIC | CLASS_NAMES)
    }
    excluded = {  # the passage's own sibling outweighs the asked word in its context
        term.word
        for term, quality in zip(matcher.terms, found, strict=True)
        if not quality and _excludes(term.word, unmatched)  # asked or not: "terdekat berapa"
    }
    deputised = _deputy_roles(words, matcher)
    return frozenset(
        slipped | named | excluded | deputised | _negation_dropped(words, found, matcher)
    )


def _deputy_roles(words: Sequence[str], matcher: Matcher) -> set[str]:
    """Return the asked roles the passage names only as a deputy's ("Deputy Governor").

    "Who is the governor" is not answered by the deputy governor; "siapa wakil bupati" asks
    for the deputy, so a question naming a deputy has no such word.
    """
    if any(term.word in DEPUTY_WORDS for term in matcher.terms):
        return set()
    deputy: dict[int, list[bool]] = {}
    for place, word in enumerate(words):
        for number, quality in matcher.qualities.get(word, ()):
            if quality >= EXACT:
                before = words[place - 1] if place else ""
                deputy.setdefault(number, []).append(before in DEPUTY_WORDS)
    return {matcher.terms[n].word for n, flags in deputy.items() if all(flags)}


def _class_named_elsewhere(n: int, words: Sequence[str], matcher: Matcher) -> bool:
    """Tell whether a class's letter is found only away from its head ("a Series B" for "A").

    "Series A" against "a Series B": the letter stands in the passage as an article.
    """
    name = matcher.terms[n].word
    if name not in CLASS_NAMES or n == 0:
        return False
    head = matcher.terms[n - 1].word
    return not any(a == head and b == name for a, b in itertools.pairwise(words))


def _negated_words(matcher: Matcher) -> set[int]:
    """Return the question words a "tanpa" or "without" negates ("tarif tanpa subsidi")."""
    terms = [term.word for term in matcher.terms]
    return {place + 1 for place, word in enumerate(terms[:-1]) if word in NEGATING_WORDS}


def _negation_dropped(words: Sequence[str], found: Sequence[float], matcher: Matcher) -> set[str]:
    """Return the words the question asks to be without that the passage says plainly."""
    if PASSAGE_NEGATIONS.intersection(words):
        return set()
    return {matcher.terms[n].word for n in _negated_words(matcher) if found[n]}


def _excludes(asked: str, said: Iterable[str]) -> bool:
    """Tell whether a passage word is of the asked word's exclusive class ("premium", "medium")."""
    classes = [members for members in EXCLUSIVE_CLASSES if asked in members]
    return any(word in members for members in classes for word in said)


def _may_contrast(term: QueryTerm) -> bool:
    long_enough = len(term.word) >= MIN_CONTRAST_LENGTH or term.word.isdigit()
    return not term.asked and long_enough and term.word not in FUNCTION_WORDS


def named_siblings(words: Sequence[str], matcher: Matcher) -> set[int]:
    """Return the question's words whose place next to a shared word holds another sibling.

    "Kalimantan Tengah" against "Kalimantan Selatan", "Central Java" against "West Java": the
    passage is about another province (Indonesian puts the compass word after the name,
    English before it); "kuota 50 GB" against "kuota 30 GB" is another package.
    """
    terms = [term.word for term in matcher.terms]
    contrasted: set[int] = set()
    for place, word in enumerate(words):
        for number, quality in matcher.qualities.get(word, ()):
            if quality < EXACT and word not in UNIT_WORDS:  # "12 kilogram" against "3 Kg"
                continue
            for step, classes in SIBLING_CLASSES.items():
                asked, said = number + step, place + step
                if 0 <= asked < len(terms) and 0 <= said < len(words):
                    if _compared_with(words, said):
                        continue
                    if _siblings(terms[asked], words[said], classes, numbers=step < 0) or (
                        step > 0 and _another_class(word, terms[asked], words[said])
                    ):
                        contrasted.add(asked)
    return contrasted


def _siblings(asked: str, said: str, classes: Iterable[frozenset[str]], *, numbers: bool) -> bool:
    """Tell whether two different words are of one closed class: compass, deictic, a number."""
    if asked == said:
        return False
    if numbers and asked.isdigit() and said.isdigit():  # "kuota 50 GB" against "30 GB"
        return True
    return any({asked, said} <= siblings for siblings in classes)


def _compared_with(words: Sequence[str], place: int) -> bool:
    """Tell whether a time word is the one compared with ("up 6% from the previous year")."""
    before = words[max(0, place - 2) : place]
    return words[place] in DEICTIC and bool(COMPARING_WORDS.intersection(before))


def _another_class(head: str, asked: str, said: str) -> bool:
    """Tell whether a class head names another class ("kelas latihan" for "kelas turnamen")."""
    return head in CLASS_HEADS and asked != said and said not in FUNCTION_WORDS


def after_the_lead(
    scored: list[Scored],
    context_index: ContextIndex | None,
    contrasted: Callable[[PassageHit], bool],
) -> list[Scored]:
    """Put a sentence of the same story within LEAD_MARGIN of its lead before the lead.

    The lead names the story and most of a question's words; the detail asked is more often
    in a later sentence that names less ("Hingga Selasa, tercatat 47 warga dirawat" after
    "Dinkes Demak mengonfirmasi klaster kolera di tiga desa"). A lead naming another year or
    sibling than the one asked (contrasted) speaks for its story and stays first.
    """
    if len(scored) < 2 or context_index is None:
        return scored
    top, second = scored[0], scored[1]
    article = top.hit.article_id
    if article is None or second.hit.article_id != article:
        return scored
    if top.hit.kind != "sentence" or second.hit.kind != "sentence":
        return scored
    if top.rank_score - second.rank_score > LEAD_MARGIN:
        return scored
    if context_index.lead_sentences([article]).get(article) != top.hit.text:
        return scored
    return scored if contrasted(top.hit) else [second, top, *scored[2:]]


def surest_of_a_tie(scored: list[Scored]) -> list[Scored]:
    """Put first, of the candidates ranked within RANK_TIE of the best, the most confident."""
    if not scored:
        return scored
    tied = [s for s in scored if s.rank_score >= scored[0].rank_score - RANK_TIE]
    surest = max(tied, key=lambda s: s.score)
    return [surest, *(s for s in scored if s is not surest)]


def prefer_own_sentence(scored: list[Scored]) -> list[Scored]:
    """Quote the sentence that says it in full rather than its article's headline restating it."""
    if not scored or scored[0].hit.kind != "headline" or scored[0].hit.article_id is None:
        return scored
    top = scored[0]
    for position, candidate in enumerate(scored[1:], start=1):
        if candidate.rank_score < top.rank_score - OWN_SENTENCE_MARGIN:
            break
        if candidate.hit.article_id == top.hit.article_id and candidate.score >= ANSWER_THRESHOLD:
            return [candidate, *scored[:position], *scored[position + 1 :]]
    return scored


def _prefer_article(scored: list[Scored], preferred_article_id: int | None) -> list[Scored]:
    if preferred_article_id is None or not scored:
        return scored
    best = scored[0].rank_score
    for position, candidate in enumerate(scored):
        if candidate.rank_score < best - PREFERRED_ARTICLE_MARGIN:
            break
        if candidate.hit.article_id == preferred_article_id:
            return [candidate, *scored[:position], *scored[position + 1 :]]
    return scored


def _distinct(scored: Sequence[Scored], count: int, skip: str | None) -> list[Scored]:
    seen = {skip} if skip else set()
    picked = []
    for candidate in scored:
        if candidate.hit.text not in seen:
            seen.add(candidate.hit.text)
            picked.append(candidate)
        if len(picked) == count:
            break
    return picked


def _alternative(candidate: Scored) -> Alternative:
    hit = candidate.hit
    return Alternative(
        answer=hit.text, score=candidate.score, article_id=hit.article_id, kind=hit.kind
    )


def answer_question(
    question: str, *, index: PassageIndex, preferred_article_id: int | None = None
) -> Answer:
    """Answer with the best stored sentence or headline, or say it is not known."""
    started = time.perf_counter()
    terms = expand_question(question, index)
    hits = retrieve(terms, index, preferred_article_id) if terms else []
    scored = rank(hits, terms, preferred_article_id, question, index)
    if (
        not scored
        or scored[0].score < ANSWER_THRESHOLD
        or scored[0].uncovered > MAX_UNCOVERED_SHARE
        or scored[0].contrasted
    ):
        headlines = [s for s in scored if s.hit.kind == "headline"]
        suggestions = _distinct(headlines, ALTERNATIVES + 1, skip=None)
        return Answer(
            question=question,
            answer=None,
            kind=None,
            score=scored[0].score if scored else 0.0,
            article_id=None,
            headline=None,
            published=None,
            alternatives=tuple(_alternative(s) for s in suggestions),
            elapsed_ms=(time.perf_counter() - started) * 1000.0,
        )
    best = scored[0]
    source = index.source(best.hit.passage_id) or best.hit
    runners_up = _distinct(scored[1:], ALTERNATIVES, skip=best.hit.text)
    return Answer(
        question=question,
        answer=best.hit.text,
        kind=best.hit.kind,
        score=best.score,
        article_id=source.article_id,
        headline=source.headline,
        published=source.published,
        alternatives=tuple(_alternative(s) for s in runners_up),
        elapsed_ms=(time.perf_counter() - started) * 1000.0,
    )
