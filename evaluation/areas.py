"""The closed lists outcome figures and poll results use: areas (London and its 33 boroughs), measures, questions."""

import difflib

LONDON = "London"
# The 32 London boroughs and the City of London, as the Office for National Statistics names them.
BOROUGHS = (
    "Barking and Dagenham",
    "Barnet",
    "Bexley",
    "Brent",
    "Bromley",
    "Camden",
    "City of London",
    "Croydon",
    "Ealing",
    "Enfield",
    "Greenwich",
    "Hackney",
    "Hammersmith and Fulham",
    "Haringey",
    "Harrow",
    "Havering",
    "Hillingdon",
    "Hounslow",
    "Islington",
    "Kensington and Chelsea",
    "Kingston upon Thames",
    "Lambeth",
    "Lewisham",
    "Merton",
    "Newham",
    "Redbridge",
    "Richmond upon Thames",
    "Southwark",
    "Sutton",
    "Tower Hamlets",
    "Waltham Forest",
    "Wandsworth",
    "Westminster",
)
AREAS = (LONDON, *BOROUGHS)
AREA_CHOICES = [(area, area) for area in AREAS]
BOROUGH_CHOICES = [(borough, borough) for borough in BOROUGHS]

# Crimestoppers' knife-crime figures, as the CSV names them.
MEASURES = {"calls": "Calls", "online_reports": "Online reports"}
MEASURE_CHOICES = list(MEASURES.items())

# The survey agency's two kinds of area, and its three questions.
POLL_AREAS = {"target": "Target boroughs", "comparison": "Comparison boroughs"}
POLL_AREA_CHOICES = list(POLL_AREAS.items())
QUESTIONS = {
    "aware_of_campaign": "Aware of the campaign",
    "knows_anonymous": "Knows Crimestoppers is anonymous",
    "would_call": "Would call Crimestoppers",
}
QUESTION_CHOICES = list(QUESTIONS.items())


def _key(name):
    return " ".join(name.replace("&", "and").split()).casefold()


_AREAS_BY_KEY = {_key(area): area for area in AREAS}


def canonical_area(name):
    """The area's name as we store it (case, spacing and '&' forgiven), or None if it is not London or a borough."""
    return _AREAS_BY_KEY.get(_key(name)) if isinstance(name, str) else None


def closest_area(name):
    """The area a mistyped name most likely meant, or None."""
    matches = difflib.get_close_matches(_key(name), list(_AREAS_BY_KEY), n=1, cutoff=0.75)
    return _AREAS_BY_KEY[matches[0]] if matches else None
