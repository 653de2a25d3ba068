"""The five demo stories. Every factual word comes from the fact register (facts.toml, read through `fact`), where
each statement carries the sentences of the campaign's launch article that support it.

Anything the article does not tell us is written here, and only here, as placeholder text for the comms team:
it starts with "Placeholder", or says the name is "to be confirmed" (stories.models.is_placeholder recognises
both, and a story with a placeholder title, summary or name is not offered for sharing).
The public posts are quoted exactly as the article reproduces them (tests check them against the article).
"""

import datetime

from demo.facts import statement as fact

ARTICLE_ONLY = (
    "This demo page uses only what the campaign's launch article says. "
    "The comms team replaces it with words agreed with the family."
)


def call_not_described(mother):
    return f"Placeholder for the comms team: the article does not describe the call {mother} had to make."


def unnamed_mother(son_fact):
    """How the demo refers to a mother the article does not name ("Dwayne's mother"), from her son's registered name."""
    return f"{fact(son_fact).split()[0]}'s mother"


STORIES = [
    {
        "slug": "lillian",
        "title": fact("lillian.title"),
        "mother_name": fact("lillian.mother_name"),
        "son_name": fact("lillian.son_name"),
        "borough": "",
        "portrait_of": fact("lillian.mother_name"),
        "hard_call": fact("lillian.hard_call"),
        "summary": fact("lillian.summary"),
        "placeholder_note": "The article gives Lillian's and Quamari's names and the call she had to make. "
        "His age, the borough and the rest of this story are still to come. " + ARTICLE_ONLY,
        "colour": (74, 92, 120),
        "paragraphs": [
            fact("lillian.narrative.killed"),
            fact("lillian.narrative.call"),
            fact("lillian.narrative.harder"),
        ],
        "post": {
            "author": "Ben Kinsella Trust",
            "handle": "@kinsellatrust",
            "date": datetime.date(2021, 4, 19),
            "text": "This is Lillian. Lillian's son Quamari was stabbed and killed and Lillian had to call her "
            "aunty to tell her.\n\nA call to Crimestoppers is hard, but its not as hard as the call Lillian "
            "had to make.\n\nCall Crimestoppers free and 100% anonymously on 0800 555 111 #HardCallsSaveLives",
            "url": "https://pic.twitter.com/0GEoMzqUif",
        },
    },
    {
        "slug": "dwayne",
        "title": fact("dwayne.title"),
        "mother_name": "",
        "son_name": fact("dwayne.son_name"),
        "borough": fact("dwayne.borough"),
        "portrait_of": unnamed_mother("dwayne.son_name"),
        "hard_call": call_not_described(unnamed_mother("dwayne.son_name")),
        "summary": fact("dwayne.summary"),
        "placeholder_note": "The article does not name Dwayne's mother or describe the call she had to make. "
        + ARTICLE_ONLY,
        "colour": (96, 78, 110),
        "paragraphs": [fact("dwayne.narrative.dwaynamics"), fact("dwayne.narrative.stabbed")],
        "post": {
            "author": "Lambeth Police | Central South BCU",
            "handle": "@LambethMPS",
            "date": datetime.date(2021, 4, 19),
            "text": "Dwayne started @dwaynamics at the young age of 19, to help deter children from gangs.\n\n"
            "Before he could turn 21, he was stabbed whilst protecting a boy from a man with a sword in Brixton "
            "#Lambeth#HardCallsSaveLives | Have info about knife crime? Call @CrimetsoppersUK",
            "url": "https://pic.twitter.com/zz7WmM0DIQ",
        },
    },
    {
        "slug": "godwin",
        "title": fact("godwin.title"),
        "mother_name": "",
        "son_name": fact("godwin.son_name"),
        "son_age": int(fact("godwin.son_age")),
        "borough": fact("godwin.borough"),
        "portrait_of": unnamed_mother("godwin.son_name"),
        "hard_call": call_not_described(unnamed_mother("godwin.son_name")),
        "summary": fact("godwin.summary"),
        "placeholder_note": "The article does not name Godwin's mother or describe the call she had to make. "
        + ARTICLE_ONLY,
        "colour": (62, 98, 88),
        "paragraphs": [fact("godwin.narrative.stabbed"), fact("godwin.narrative.scholarship")],
        "post": {
            "author": "Hackney Police",
            "handle": "@MPSHackney",
            "date": datetime.date(2021, 4, 19),
            "text": "Godwin Lawson was 17 when he was stabbed to death whilst saving his friend from a knife "
            "attack in Stamford Hill #Hackney\n\nHe had a scholarship at Oxford United Academy and his whole "
            "life ahead of him.#HardCallsSaveLives | Have info about knife crime? Call @CrimestoppersUK",
            "url": "https://pic.twitter.com/pBvxYOY9OI",
        },
    },
    {
        "slug": "archie",
        "title": fact("archie.title"),
        "mother_name": fact("archie.mother_name"),
        "son_name": fact("archie.son_name"),
        "borough": fact("archie.borough"),
        "portrait_of": fact("archie.mother_name"),
        # The article tells of Becky's text message, not of a call: the narrative has the text, this stays open.
        "hard_call": call_not_described(fact("archie.mother_name")),
        "summary": fact("archie.summary"),
        "placeholder_note": "The article names Becky and Archie and tells of her text, but not of the call "
        "she had to make. " + ARTICLE_ONLY,
        "colour": (120, 86, 64),
        "paragraphs": [fact("archie.narrative.way_home"), fact("archie.narrative.text")],
        "post": {
            "author": "Kingston Police",
            "handle": "@MPSKingston",
            "date": datetime.date(2021, 4, 19),
            "text": "Archie was run over and stabbed on his way home from a friend's birthday in #Kingston\n\n"
            'His mum, Becky, text him at 3:50am "You still there son?" Archie\'s heart had stopped at 3.49am.'
            "#HardCallsSaveLives | Have information about knife crime? Call @CrimestoppersUK",
            "url": "https://pic.twitter.com/9aKZfLhxPB",
        },
    },
    {
        # Five mothers took part; the article names four families. Nothing here is a fact about the fifth.
        "slug": "fifth-story",
        "title": "The fifth mother's story (placeholder)",
        "mother_name": "",
        "son_name": "Name to be confirmed",
        "borough": "",
        "portrait_of": "the fifth mother",
        "hard_call": "Placeholder for the comms team: this family's call is not yet described.",
        "summary": "Placeholder: the fifth family's story is still to be added by the comms team.",
        "placeholder_note": "Five mothers took part in the campaign, but the launch article names only four "
        "families. Everything on this page is placeholder text, to be replaced once the family has agreed "
        "what is shared. Until then the story is not offered for sharing.",
        "colour": (88, 88, 88),
        "paragraphs": [],
        "post": None,
    },
]
