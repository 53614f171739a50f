"""Quality evaluations against hand-labelled data: parsing, summaries, answers."""
