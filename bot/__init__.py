"""Ringkas: a Telegram bot that reads news pages, summarises them and answers questions."""
