"""Small evaluation files whose figures are worked out by hand in tests/test_evaluation_figures.py."""

import datetime

from wagtail.models import Site

from evaluation.models import EvaluationSettings, OutcomeFigure, PollResult
from pages.models import CampaignSettings

# Launch on Wednesday 13 March 2024: the launch week starts on Monday 11 March, the baseline is the 8 weeks from
# Monday 15 January to Sunday 10 March, and the latest imported week starts on 25 March.
LAUNCH = datetime.date(2024, 3, 13)
TARGET = ["Lambeth", "Southwark"]
COMPARISON = ["Lewisham"]

SMALL_OUTCOMES = """week_start,area,measure,count
2024-01-08,London,calls,999
2024-01-15,London,calls,100
2024-01-29,London,calls,110
2024-02-12,London,calls,90
2024-03-04,London,calls,100
2024-03-11,London,calls,120
2024-03-18,London,calls,130
2024-02-26,London,online_reports,40
2024-03-04,London,online_reports,60
2024-03-11,London,online_reports,55
2024-03-18,London,online_reports,56
2024-03-25,London,online_reports,56
2024-02-26,Lambeth,calls,12
2024-03-04,Lambeth,calls,8
2024-02-26,Southwark,calls,18
2024-03-11,Lambeth,calls,20
2024-03-11,Southwark,calls,18
2024-03-18,Lambeth,calls,3
2024-02-26,Lewisham,calls,10
2024-03-04,Lewisham,calls,14
2024-03-11,Lewisham,calls,9
2024-03-25,Lewisham,calls,15
2024-03-25,Camden,calls,0
"""

SMALL_POLL = """wave,fieldwork_start,fieldwork_end,area,question,sample_size,yes
Wave A,2024-02-01,2024-02-10,target,aware_of_campaign,263,81
Wave A,2024-02-01,2024-02-10,comparison,aware_of_campaign,148,15
Wave B,2024-04-01,2024-04-14,target,aware_of_campaign,20,0
Wave B,2024-04-01,2024-04-14,comparison,aware_of_campaign,29,1
"""


def set_launch_date(day):
    """The launch date in the default site's campaign settings (Wagtail's first migration makes that site)."""
    campaign = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    campaign.launch_date = day
    campaign.save()
    return campaign


def choose_boroughs(target=TARGET, comparison=COMPARISON):
    chosen = EvaluationSettings.load()
    chosen.target_boroughs, chosen.comparison_boroughs = list(target), list(comparison)
    chosen.save()
    return chosen


def stored_rows():
    """Every stored outcome figure and poll result, to compare before and after a refused import."""
    outcomes = sorted(OutcomeFigure.objects.values_list("week_start", "area", "measure", "count"))
    poll = sorted(
        PollResult.objects.values_list(
            "wave", "fieldwork_start", "fieldwork_end", "area", "question", "sample_size", "yes"
        )
    )
    return outcomes, poll
