"""Share links under each story: plain links to each network, no third-party script until the visitor chooses."""

from urllib.parse import quote, urlencode

from pages.links import page_url


def share_text(story, cta):
    """The suggested words for a post about a story (the link and hashtag are added by each network)."""
    return f"{story.summary} Call Crimestoppers free and 100% anonymously on {cta['phone_display']}."


def share_links_for(story, cta, url=None):
    """The story's address, title, text and one link per network."""
    url = url or page_url(story)
    hashtag = cta["hashtag"]
    text = share_text(story, cta)
    return {
        "url": url,
        "title": story.title,
        "text": f"{text} {hashtag}",
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{text} {hashtag} {url}"}, quote_via=quote),
        "x": "https://x.com/intent/post?"
        + urlencode({"text": text, "url": url, "hashtags": hashtag.lstrip("#")}, quote_via=quote),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url, "hashtag": hashtag}),
        "email": "mailto:?"
        + urlencode({"subject": story.title, "body": f"{text} {hashtag}\n\n{url}"}, quote_via=quote),
    }
