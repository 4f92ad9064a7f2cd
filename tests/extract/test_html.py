"""HTML extraction: keep the article, drop the page furniture."""

from __future__ import annotations

import datetime as dt

from contention.extract.html import extract_html, lxml_dump

PARAS = (
    "Hundreds of oil workers walked off the job in Zhanaozen on Sunday, demanding that the "
    "government reverse a sharp rise in the price of liquefied gas.",
    "The protest spread on Monday to Aktau, the regional capital of Mangystau, where several "
    "thousand people filled the main square until late at night.",
    "Police said no arrests had been made, but the regional governor warned that unauthorised "
    "gatherings would be dispersed.",
)
FURNITURE = (
    "World news section",
    "Share on Facebook",
    "Protesters gather on the central square",
    "Read our earlier coverage",
    "Share this story",
    "Comment from reader",
    "All rights reserved",
)

BOILERPLATE_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Oil workers strike in Zhanaozen | Steppe Herald</title>
<meta property="og:site_name" content="Steppe Herald">
<meta property="article:published_time" content="2022-01-04T09:30:00+06:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news section</a></li></ul></nav>
<header><div class="share-bar">Share on Facebook Share on Twitter Email this article</div></header>
<article><h1>Oil workers strike in Zhanaozen</h1>
<p>{PARAS[0]}</p>
<figure><img src="a.jpg" alt="square"><figcaption>Protesters gather on the central square of
Zhanaozen in a photo taken by a local reporter.</figcaption></figure>
<p>{PARAS[1]}</p>
<aside><p>Related: Read our earlier coverage of energy market reforms in Central Asia.</p></aside>
<p>{PARAS[2]}</p>
<div class="share">Share this story: Facebook Twitter WhatsApp</div>
</article>
<div id="comments"><p>Comment from reader: the government must resign now.</p></div>
<footer><p>Copyright 2022 Steppe Herald. All rights reserved.</p></footer>
</body></html>"""


def test_boilerplate_is_dropped_title_date_outlet_kept() -> None:
    parts = extract_html(BOILERPLATE_PAGE, "https://steppeherald.example/2022/01/04/strike")
    for para in PARAS:
        assert para in parts.text
    for junk in FURNITURE:
        assert junk not in parts.text, junk
    assert parts.title == "Oil workers strike in Zhanaozen"
    assert parts.text.startswith("Oil workers strike in Zhanaozen\n\n")
    assert parts.date == dt.date(2022, 1, 4)
    assert parts.sitename == "Steppe Herald"
    assert parts.method == "trafilatura"


def test_paragraphs_are_blank_line_separated() -> None:
    parts = extract_html(BOILERPLATE_PAGE)
    assert "\n\n".join(PARAS) in parts.text
    assert "\n\n\n" not in parts.text


def test_broken_html_with_unclosed_tags() -> None:
    page = (
        "<html><head><title>Sciopero a Taranto</title><body><div><p>Gli operai dell'acciaieria di "
        "Taranto hanno incrociato le braccia per otto ore contro la cassa integrazione."
        "<p>Il presidio davanti ai cancelli è durato fino a sera, con centinaia di lavoratori"
        " e le bandiere dei sindacati metalmeccanici.<div><b>Nessun incidente è stato segnalato"
    )
    parts = extract_html(page)
    assert "Gli operai dell'acciaieria di Taranto hanno incrociato le braccia" in parts.text
    assert "Il presidio davanti ai cancelli è durato fino a sera" in parts.text
    assert "<p>" not in parts.text and "<b>" not in parts.text


def test_tiny_page_falls_back_to_text_dump() -> None:
    page = "<html><body><nav>Menu</nav><p>Miners struck in Karaganda.</p></body></html>"
    parts = extract_html(page)
    assert "Miners struck in Karaganda." in parts.text
    assert "Menu" not in parts.text


def test_page_without_text_is_empty() -> None:
    assert (
        extract_html("<html><head><script>var a = 1;</script></head><body></body></html>").text
        == ""
    )


def test_lxml_dump_blocks_and_furniture() -> None:
    text, title = lxml_dump(
        "<html><head><title> Port  strike </title></head><body><header>Site</header>"
        "<h2>Genoa</h2><p>Dockers <i>walked</i> out.</p><figure><figcaption>Photo</figcaption>"
        "</figure><p>Second<br>line</p><footer>(c) 2023</footer></body></html>"
    )
    assert title == "Port strike"
    assert text == "Genoa\n\nDockers walked out.\n\nSecond\n\nline"
