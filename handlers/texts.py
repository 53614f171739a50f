"""Every reader-facing phrase of Ringkas, in Indonesian and English (plain text, no markup)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

Lang = Literal["id", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("id", "en")

COMMANDS: Final[Mapping[Lang, tuple[tuple[str, str], ...]]] = {
    "id": (
        ("start", "Apa itu Ringkas"),
        ("help", "Cara memakai Ringkas"),
        ("summary", "Ringkasan artikel terakhir: /summary 5"),
        ("ask", "Tanya tentang berita: /ask siapa ..."),
        ("latest", "Judul terbaru"),
        ("popular", "Judul terpopuler"),
        ("search", "Cari kata: /search kudeta"),
        ("settings", "Panjang ringkasan, algoritma, bahasa"),
        ("forget", "Hapus semua yang kamu kirim"),
    ),
    "en": (
        ("start", "What Ringkas does"),
        ("help", "How to use Ringkas"),
        ("summary", "Summary of the current article: /summary 5"),
        ("ask", "Ask about the news: /ask who ..."),
        ("latest", "Latest headlines"),
        ("popular", "Most popular headlines"),
        ("search", "Search words: /search coup"),
        ("settings", "Summary length, algorithm, language"),
        ("forget", "Delete everything you sent"),
    ),
}

_TEXTS: Final[Mapping[str, Mapping[Lang, str]]] = {
    "start": {
        "id": (
            "Halo! Saya Ringkas. Tempel (paste) atau teruskan halaman berita, atau kirim file "
            ".txt, .html atau .md, dan saya balas dengan ringkasannya. Lalu tanyakan apa saja "
            "tentang berita itu."
        ),
        "en": (
            "Hi! I am Ringkas. Paste or forward a news page, or send a .txt, .html or .md file, "
            "and I reply with its summary. Then ask me anything about the news."
        ),
    },
    "help_intro": {
        "id": "Cara memakai Ringkas:",
        "en": "How to use Ringkas:",
    },
    "help_body": {
        "id": (
            "1. Tempel halaman berita (halaman panjang boleh terpotong jadi beberapa pesan).\n"
            "2. Tanya dengan kalimat biasa, /ask, atau balas pesan ringkasan.\n"
            "3. Tombol di bawah ringkasan: lebih panjang, lebih pendek, teks lengkap."
        ),
        "en": (
            "1. Paste a news page (a long page may arrive as several messages).\n"
            "2. Ask in plain words, with /ask, or by replying to a summary.\n"
            "3. The buttons under a summary: more, fewer, full text."
        ),
    },
    "help_commands": {"id": "Perintah:", "en": "Commands:"},
    "working": {"id": "Sedang membaca...", "en": "Reading..."},
    "duplicate": {
        "id": "Artikel ini sudah saya simpan. Ini ringkasannya lagi:",
        "en": "I already have this one. Here is its summary again:",
    },
    "no_headline": {"id": "(tanpa judul)", "en": "(no headline)"},
    "pasted_text": {"id": "teks tempelan", "en": "pasted text"},
    "date_unknown": {"id": "tanggal tidak diketahui", "en": "date unknown"},
    "keywords": {"id": "Kata kunci", "en": "Keywords"},
    "sentences_of": {
        "id": "{shown} dari {total} kalimat",
        "en": "{shown} of {total} sentences",
    },
    "button_more": {"id": "🔼 Lebih panjang", "en": "🔼 More"},
    "button_fewer": {"id": "🔽 Lebih pendek", "en": "🔽 Fewer"},
    "button_full": {"id": "📄 Teks lengkap", "en": "📄 Full text"},
    "button_ask": {"id": "❓ Tanya soal ini", "en": "❓ Ask about this"},
    "button_open": {"id": "📰 Ringkasan", "en": "📰 Summary"},
    "button_prev": {"id": "◀ Sebelumnya", "en": "◀ Previous"},
    "button_next": {"id": "Berikutnya ▶", "en": "Next ▶"},
    "button_yes_forget": {"id": "Ya, hapus", "en": "Yes, delete"},
    "button_no": {"id": "Batal", "en": "Cancel"},
    "at_shortest": {"id": "Ini sudah yang terpendek.", "en": "That is already the shortest."},
    "at_longest": {"id": "Ini sudah seluruh artikel.", "en": "That is the whole article."},
    "ask_about": {
        "id": "Silakan bertanya tentang: {headline}",
        "en": "Ask me anything about: {headline}",
    },
    "answer_from_headline": {"id": "Dari judul:", "en": "From the headline:"},
    "answer_from_article": {"id": "Dari artikel:", "en": "From the article:"},
    "answer_source": {"id": "Sumber", "en": "Source"},
    "not_known": {
        "id": "Saya belum tahu jawabannya dari berita yang tersimpan.",
        "en": "I don't know that from the news I have.",
    },
    "closest": {"id": "Judul yang paling dekat:", "en": "The closest headlines:"},
    "headline_only": {
        "id": "Saya hanya tahu judul ini dari daftar. Kirim artikelnya untuk membacanya.",
        "en": "I only know this headline from a list. Send me the article to read it.",
    },
    "nothing_stored": {
        "id": "Belum ada artikel. Kirim (paste) halaman berita dulu.",
        "en": "There is no article yet. Send me a news page first.",
    },
    "article_gone": {
        "id": "Artikel itu sudah tidak ada.",
        "en": "That article is no longer here.",
    },
    "reason_empty": {
        "id": "pesannya kosong. Tempel (paste) teks berita.",
        "en": "the message is empty. Paste the text of a news article.",
    },
    "reason_binary": {
        "id": "itu tampaknya berkas biner, bukan halaman berita.",
        "en": "that looks like a binary file, not a news page.",
    },
    "reason_not_utf8": {
        "id": "berkas itu bukan teks UTF-8.",
        "en": "that file is not UTF-8 text.",
    },
    "reason_too_large": {
        "id": "halamannya terlalu besar (batasnya 2 MB).",
        "en": "the page is too large (the limit is 2 MB).",
    },
    "reason_no_text": {
        "id": "saya tidak menemukan teks artikelnya, hanya menu, foto atau daftar judul.",
        "en": "I found no article text there, only menus, captions or lists of headlines.",
    },
    "reason_link_failed": {
        "id": "tautan itu tidak bisa saya unduh.",
        "en": "I could not download that link.",
    },
    "reason_link_error": {
        "id": "tautan itu menjawab dengan galat.",
        "en": "that link answered with an error.",
    },
    "reason_link_not_page": {
        "id": "tautan itu bukan halaman web yang bisa saya baca.",
        "en": "that link is not a web page I can read.",
    },
    "reason_empty_question": {
        "id": "pertanyaannya kosong.",
        "en": "the question is empty.",
    },
    "not_an_article": {
        "id": "Maaf, itu tidak bisa saya baca sebagai berita: {reason}",
        "en": "Sorry, I can't read that as a news article: {reason}",
    },
    "file_too_large": {
        "id": "File itu terlalu besar ({size} MB). Batasnya {limit} MB.",
        "en": "That file is too large ({size} MB). I read files up to {limit} MB.",
    },
    "file_kind": {
        "id": "Saya hanya membaca file .txt, .html dan .md.",
        "en": "I only read .txt, .html and .md files.",
    },
    "empty_question": {
        "id": "Tulis pertanyaannya, misalnya: /ask siapa presiden Kazakhstan?",
        "en": "Write the question too, for example: /ask who is the president?",
    },
    "latest_title": {"id": "Judul terbaru", "en": "Latest headlines"},
    "popular_title": {"id": "Judul terpopuler", "en": "Most popular headlines"},
    "list_empty": {
        "id": "Belum ada judul. Kirim halaman berita dulu.",
        "en": "No headlines yet. Send me a news page first.",
    },
    "page": {"id": "halaman {page}", "en": "page {page}"},
    "search_usage": {
        "id": "Tulis kata yang dicari, misalnya: /search Kazakhstan",
        "en": "Write the words to look for, for example: /search Kazakhstan",
    },
    "search_title": {"id": "Hasil pencarian untuk “{words}”:", "en": "Results for “{words}”:"},
    "search_empty": {
        "id": "Tidak ada yang cocok dengan “{words}”.",
        "en": "Nothing matches “{words}”.",
    },
    "settings_title": {"id": "Pengaturan", "en": "Settings"},
    "settings_length": {
        "id": "Panjang ringkasan: {count} kalimat",
        "en": "Summary length: {count} sentences",
    },
    "settings_algorithm": {"id": "Algoritma: {name}", "en": "Algorithm: {name}"},
    "settings_language": {"id": "Bahasa balasan: {name}", "en": "Reply language: {name}"},
    "language_auto": {"id": "otomatis", "en": "automatic"},
    "language_id": {"id": "Indonesia", "en": "Indonesian"},
    "language_en": {"id": "Inggris", "en": "English"},
    "settings_saved": {"id": "Tersimpan.", "en": "Saved."},
    "forget_confirm": {
        "id": "Hapus semua artikel yang kamu kirim dan pengaturan chat ini?",
        "en": "Delete every article you sent me and this chat's settings?",
    },
    "forget_done": {
        "id": "Selesai: {count} artikel dihapus, pengaturan chat dikosongkan.",
        "en": "Done: {count} articles deleted and this chat's settings cleared.",
    },
    "forget_cancelled": {"id": "Tidak ada yang dihapus.", "en": "Nothing was deleted."},
    "rate_limited": {
        "id": "Pelan-pelan ya 🙂 Maksimal {limit} pesan per menit. Coba lagi sebentar lagi.",
        "en": "Easy there 🙂 I read up to {limit} messages a minute. Try again in a moment.",
    },
    "error": {
        "id": "Maaf, ada yang salah di pihak saya. Coba lagi sebentar lagi.",
        "en": "Sorry, something went wrong on my side. Please try again in a moment.",
    },
    "timeout": {
        "id": "Maaf, itu terlalu lama. Coba teks yang lebih pendek atau coba lagi nanti.",
        "en": "Sorry, that took too long. Try a shorter text or try again later.",
    },
    "unknown_command": {
        "id": "Perintah itu tidak saya kenal. Lihat /help.",
        "en": "I don't know that command. See /help.",
    },
    "console_welcome": {
        "id": (
            "Ringkas di terminal. Tempel halaman berita lalu akhiri dengan dua baris kosong "
            "atau /done. Pertanyaan yang diakhiri ? langsung dijawab. /help untuk bantuan, "
            "/quit untuk keluar."
        ),
        "en": (
            "Ringkas in a terminal. Paste a news page and finish it with two empty lines or "
            "/done. A question ending in ? is answered right away. /help for help, /quit to leave."
        ),
    },
    "console_pasting": {
        "id": "(menempel... akhiri dengan dua baris kosong atau /done)",
        "en": "(pasting... finish with two empty lines or /done)",
    },
    "console_help": {
        "id": (
            "/summary [n]  ringkasan artikel terakhir\n/ask PERTANYAAN\n/latest [n]  /popular [n]\n"
            "/search KATA\n/open ID  buka artikel\n/lang id|en\n/quit"
        ),
        "en": (
            "/summary [n]  summary of the current article\n/ask QUESTION\n/latest [n]  "
            "/popular [n]\n/search WORDS\n/open ID  open an article\n/lang id|en\n/quit"
        ),
    },
    "console_bye": {"id": "Sampai jumpa!", "en": "Bye!"},
}


def has_text(key: str) -> bool:
    """Tell whether a phrase exists (for reason codes that may be new)."""
    return key in _TEXTS


def text(lang: Lang, key: str, **values: object) -> str:
    """Return the phrase `key` in `lang`, with its {placeholders} filled."""
    phrase = _TEXTS[key][lang]
    return phrase.format(**values) if values else phrase


def language_of(language_code: str | None, preferred: str | None = None) -> Lang:
    """Choose the reply language: the chat's setting, else Indonesian for `id*` readers."""
    if preferred in LANGUAGES:
        return "id" if preferred == "id" else "en"
    return "id" if language_code and language_code.lower().startswith("id") else "en"
