"""The fact register (demo/content/facts.toml): what the demo may say about the families and the campaign, and why.

The demo content takes its factual words from here by id (`statement`), so a statement exists once, with the
sentences of the source article (demo/content/source-article.txt) that support it. `unsupported_sources` is the
check the tests run: a source that is not in the article, word for word, is reported.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"
REGISTER_FILE = CONTENT_DIR / "facts.toml"
SOURCE_ARTICLE_FILE = CONTENT_DIR / "source-article.txt"

# Typographic quotes and apostrophes count as their plain forms: the article mixes both, and a citation copied from
# a tweet in it should not fail on the apostrophe. Dashes, letters, digits and punctuation must match exactly.
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Fact:
    id: str
    text: str
    sources: tuple[str, ...]
    replaces: tuple[str, ...] = ()


def normalise(text):
    """The article's words as compared: plain quotes, and every run of spaces and line breaks as one space."""
    return " ".join(text.translate(QUOTES).split())


def read_register(path=REGISTER_FILE):
    """{id: Fact} from the register file. A duplicate id or a fact without text or sources is an error."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    facts = {}
    for entry in data.get("fact", []):
        fact = Fact(
            id=entry["id"],
            text=entry["text"],
            sources=tuple(entry["sources"]),
            replaces=tuple(entry.get("replaces", ())),
        )
        if fact.id in facts:
            raise ValueError(f"{path.name}: the id {fact.id!r} is used twice")
        if not fact.text.strip() or not fact.sources:
            raise ValueError(f"{path.name}: {fact.id!r} needs its text and at least one source")
        facts[fact.id] = fact
    return facts


@cache
def register():
    return read_register()


def statement(fact_id):
    """The words the site shows for one registered fact."""
    return register()[fact_id].text


def read_article(path=SOURCE_ARTICLE_FILE):
    return path.read_text(encoding="utf-8")


def unsupported_sources(facts, article):
    """[(fact id, source)] for every cited source that the article does not contain word for word."""
    text = normalise(article)
    return [(fact.id, source) for fact in facts.values() for source in fact.sources if normalise(source) not in text]
