"""The five demo stories. Facts come only from the campaign's source article, in our own words.

Anything the article does not tell us is labelled as placeholder text for the comms team.
The public posts are quoted exactly as the article reproduces them.
"""

import datetime

ARTICLE_ONLY = (
    "This demo page uses only what the campaign's launch article says. "
    "The comms team replaces it with words agreed with the family."
)

STORIES = [
    {
        "slug": "lillian",
        "title": "Lillian and Quamari",
        "mother_name": "Lillian",
        "son_name": "Quamari",
        "borough": "",
        "hard_call": "Lillian had to phone her aunt and tell her that Quamari had been killed.",
        "summary": "Quamari was stabbed and killed. Lillian had to phone her aunt and tell her.",
        "placeholder_note": "The article gives Lillian's and Quamari's names and the call she had to make. "
        "His age, the borough and the rest of this story are still to come. " + ARTICLE_ONLY,
        "colour": (74, 92, 120),
        "paragraphs": [
            "Lillian's son, Quamari, was stabbed and killed.",
            "One of the first calls she had to make afterwards was to her aunt, to tell her he was dead.",
            "Calling Crimestoppers can feel hard. It is not as hard as the call Lillian had to make.",
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
        "title": "Dwayne's story",
        "mother_name": "",
        "son_name": "Dwayne",
        "borough": "Lambeth",
        "hard_call": "Placeholder for the comms team: the article does not describe the call "
        "Dwayne's mother had to make.",
        "summary": "At 19 Dwayne started a group to keep children out of gangs. "
        "Before he turned 21 he was stabbed protecting a boy.",
        "placeholder_note": "The article does not name Dwayne's mother or describe the call she had to make. "
        + ARTICLE_ONLY,
        "colour": (96, 78, 110),
        "paragraphs": [
            "When he was 19, Dwayne started @dwaynamics to help steer children away from gangs.",
            "He was stabbed in Brixton, in Lambeth, while protecting a boy from a man with a sword. "
            "He had not yet turned 21.",
        ],
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
        "title": "Godwin's story",
        "mother_name": "",
        "son_name": "Godwin Lawson",
        "son_age": 17,
        "borough": "Hackney",
        "hard_call": "Placeholder for the comms team: the article does not describe the call "
        "Godwin's mother had to make.",
        "summary": "Godwin was 17, with a scholarship at Oxford United's academy. "
        "He was stabbed to death saving a friend.",
        "placeholder_note": "The article does not name Godwin's mother or describe the call she had to make. "
        + ARTICLE_ONLY,
        "colour": (62, 98, 88),
        "paragraphs": [
            "Godwin Lawson was 17. He had won a scholarship at Oxford United's academy, and his whole life "
            "was in front of him.",
            "He was stabbed to death in Stamford Hill, in Hackney, while saving his friend from a knife attack.",
        ],
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
        "title": "Becky and Archie",
        "mother_name": "Becky",
        "son_name": "Archie",
        "borough": "Kingston",
        "hard_call": "Placeholder for the comms team: the article does not describe Becky's call. "
        "It tells of the text she sent at 3:50am, asking Archie if he was still there. "
        "His heart had stopped at 3:49am.",
        "summary": "Archie was run over and stabbed walking home from a friend's birthday. "
        "His mum texted him at 3:50am.",
        "placeholder_note": "The article names Becky and Archie and tells of her text, but not of the call "
        "she had to make. " + ARTICLE_ONLY,
        "colour": (120, 86, 64),
        "paragraphs": [
            "Archie was walking home from a friend's birthday in Kingston when he was run over and stabbed.",
            "At 3:50 in the morning his mum, Becky, sent him a text asking if he was still there. "
            "Archie's heart had stopped one minute earlier, at 3:49.",
        ],
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
        "slug": "fifth-story",
        "title": "The fifth mother's story (placeholder)",
        "mother_name": "",
        "son_name": "Name to be confirmed",
        "borough": "",
        "hard_call": "Placeholder for the comms team: this family's call is not yet described.",
        "summary": "Placeholder: the fifth family's story is still to be added by the comms team.",
        "placeholder_note": "Five mothers took part in the campaign, but the launch article names only four "
        "families. Everything on this page is placeholder text, to be replaced once the family has agreed "
        "what is shared.",
        "colour": (88, 88, 88),
        "paragraphs": [],
        "post": None,
    },
]
