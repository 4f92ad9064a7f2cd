"""Deterministic generator of realistic news pages for the speed benchmark.

Each page is a ~600-word article (English or Italian) about a strike, a march
or a protest met by the police, written from sentence templates filled with
real city names and invented people, unions and outlets.  Around the article
sits the furniture a real news site serves — cookie banner, navigation,
breaking-news ticker, share bar, captioned photo, inline "read more" box,
comments, related and most-read lists, footer, JSON-LD and scripts — so that
trafilatura does the work it does on real pages.

Contract: ``generate_one(i, seed)`` depends on ``(i, seed)`` only (its own
``random.Random``), so a page is the same whatever ``n`` is and on every
machine and Python version (string seeds hash with SHA-512).  No network, no
files.  The body (the paragraphs a perfect extractor returns, without the
headline) is ``Article.body``; its length is drawn between 520 and 680 words
and may overshoot by one paragraph.
"""

from __future__ import annotations

import datetime as dt
import html
import random
from collections.abc import Callable
from dataclasses import dataclass

MIN_WORDS = 520
MAX_WORDS = 680
# Share of English pages; the rest are Italian.
ENGLISH_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Article:
    """One generated page and the facts a reader could check it against."""

    index: int
    language: str  # "en" | "it"
    url: str
    title: str
    published: dt.date
    city: str
    body: str  # paragraphs joined by a blank line; no headline
    html: str

    @property
    def words(self) -> int:
        """Whitespace-separated words of the body."""
        return len(self.body.split())


# --------------------------------------------------------------------------
# Facts: places, actors, people.  Cities are real; everyone else is invented.

# (city, country, square or landmark, building the crowd heads for)
_CITIES_EN = (
    ("Manchester", "Britain", "Piccadilly Gardens", "the town hall"),
    ("Liverpool", "Britain", "St George's Plateau", "the Cunard Building"),
    ("Glasgow", "Scotland", "George Square", "the City Chambers"),
    ("Marseille", "France", "the Vieux-Port", "the prefecture"),
    ("Lyon", "France", "Place Bellecour", "the regional council"),
    ("Madrid", "Spain", "the Puerta del Sol", "the labour ministry"),
    ("Barcelona", "Spain", "Plaça de Catalunya", "the Generalitat"),
    ("Lisbon", "Portugal", "Praça do Comércio", "the parliament building"),
    ("Athens", "Greece", "Syntagma Square", "parliament"),
    ("Thessaloniki", "Greece", "Aristotelous Square", "the ministry of northern Greece"),
    ("Nairobi", "Kenya", "Uhuru Park", "parliament buildings"),
    ("Lagos", "Nigeria", "Ojota", "the state house"),
    ("Johannesburg", "South Africa", "Mary Fitzgerald Square", "the provincial legislature"),
    ("Buenos Aires", "Argentina", "the Plaza de Mayo", "the Casa Rosada"),
    ("Santiago", "Chile", "Plaza Italia", "the La Moneda palace"),
    ("Bogotá", "Colombia", "the Plaza de Bolívar", "the Capitolio"),
    ("Lima", "Peru", "the Plaza San Martín", "Congress"),
    ("Dhaka", "Bangladesh", "Shahbagh", "the secretariat"),
    ("Seoul", "South Korea", "Gwanghwamun Square", "the presidential office"),
    ("Belgrade", "Serbia", "Slavija Square", "the National Assembly"),
    ("Tbilisi", "Georgia", "Rustaveli Avenue", "parliament"),
    ("Hamburg", "Germany", "the Jungfernstieg", "the city hall"),
    ("Antwerp", "Belgium", "the Groenplaats", "the port authority"),
    ("Istanbul", "Turkey", "Kadıköy square", "the governor's office"),
)
# (city, "in <country>", square, building)
_CITIES_IT = (
    ("Torino", "in Italia", "piazza Castello", "il palazzo della Regione"),
    ("Milano", "in Italia", "piazza del Duomo", "Palazzo Marino"),
    ("Genova", "in Italia", "piazza De Ferrari", "la sede dell'Autorità portuale"),
    ("Napoli", "in Italia", "piazza del Plebiscito", "la prefettura"),
    ("Roma", "in Italia", "piazza San Giovanni", "il ministero del Lavoro"),
    ("Bologna", "in Italia", "piazza Maggiore", "il palazzo della Regione"),
    ("Taranto", "in Italia", "piazza della Vittoria", "la prefettura"),
    ("Palermo", "in Italia", "piazza Politeama", "Palazzo d'Orléans"),
    ("Bari", "in Italia", "piazza della Libertà", "la prefettura"),
    ("Firenze", "in Italia", "piazza della Signoria", "Palazzo Vecchio"),
    ("Trieste", "in Italia", "piazza Unità d'Italia", "la sede della Regione"),
    ("Cagliari", "in Italia", "piazza Garibaldi", "il palazzo del Consiglio regionale"),
    ("Parigi", "in Francia", "place de la République", "l'Assemblea nazionale"),
    ("Marsiglia", "in Francia", "place Castellane", "la prefettura"),
    ("Atene", "in Grecia", "piazza Syntagma", "il Parlamento"),
    ("Lisbona", "in Portogallo", "piazza del Commercio", "il Parlamento"),
    ("Madrid", "in Spagna", "plaza Mayor", "il ministero del Lavoro"),
    ("Buenos Aires", "in Argentina", "plaza de Mayo", "la Casa Rosada"),
)

# (actor, employer, "over <issue>", "to demand <demand>", union, vehicles or workplace)
_ACTORS_EN = (
    (
        "dock workers",
        "the port authority",
        "automation at the container terminal",
        "a guarantee that no jobs will be cut",
        "the Port and Harbour Workers' Union",
        "ships",
    ),
    (
        "nurses",
        "the regional health service",
        "staffing levels on hospital wards",
        "more staff on every ward",
        "the Nurses' and Midwives' Federation",
        "ambulances",
    ),
    (
        "teachers",
        "the education ministry",
        "pay and class sizes",
        "a pay rise in line with inflation",
        "the National Teachers' Union",
        "school buses",
    ),
    (
        "bus drivers",
        "the city transport company",
        "new shift patterns",
        "safer working hours",
        "the Transport Workers' Union",
        "buses",
    ),
    (
        "rail workers",
        "the national rail operator",
        "plans to close ticket offices",
        "a halt to the closures",
        "the Union of Rail and Maritime Staff",
        "trains",
    ),
    (
        "students",
        "the government",
        "rising rents and tuition fees",
        "affordable student housing",
        "the National Students' Assembly",
        "buses",
    ),
    (
        "farmers",
        "the agriculture ministry",
        "fuel prices and cheap imports",
        "fair prices for their crops",
        "the Smallholders' Federation",
        "tractors",
    ),
    (
        "steelworkers",
        "the plant's owners",
        "the planned closure of the mill",
        "a rescue plan for the plant",
        "the Metal and Steel Workers' Union",
        "lorries",
    ),
    (
        "delivery riders",
        "the delivery platforms",
        "cuts to the rate paid per order",
        "proper employment contracts",
        "the Couriers' Network",
        "scooters",
    ),
    (
        "miners",
        "the mining company",
        "months of unpaid wages",
        "payment of their arrears",
        "the Mineworkers' Union",
        "lorries",
    ),
    (
        "pensioners",
        "the government",
        "a freeze on pensions",
        "pensions that keep up with prices",
        "the Pensioners' Alliance",
        "buses",
    ),
    (
        "tenants",
        "the city council",
        "a wave of evictions",
        "a cap on rents",
        "the Tenants' Union",
        "buses",
    ),
)
# (actor with article, "di" + actor, "contro <issue>", "per chiedere <demand>", union, employer)
_ACTORS_IT = (
    (
        "i portuali",
        "dei portuali",
        "l'automazione del terminal container",
        "garanzie sui posti di lavoro",
        "l'Usb",
        "l'Autorità portuale",
    ),
    (
        "gli infermieri",
        "degli infermieri",
        "la carenza di personale nei reparti",
        "nuove assunzioni negli ospedali",
        "il Nursind",
        "l'azienda sanitaria",
    ),
    (
        "gli insegnanti",
        "degli insegnanti",
        "i tagli alla scuola pubblica",
        "un aumento degli stipendi",
        "la Flc Cgil",
        "il ministero dell'Istruzione",
    ),
    (
        "gli autisti dei bus",
        "degli autisti dei bus",
        "i nuovi turni di servizio",
        "più sicurezza a bordo dei mezzi",
        "la Filt Cgil",
        "l'azienda dei trasporti",
    ),
    (
        "i ferrovieri",
        "dei ferrovieri",
        "la chiusura delle biglietterie",
        "il rinnovo del contratto nazionale",
        "l'Orsa",
        "la società ferroviaria",
    ),
    (
        "gli studenti",
        "degli studenti",
        "il caro affitti",
        "più alloggi universitari a prezzi calmierati",
        "la Rete degli studenti",
        "il governo",
    ),
    (
        "gli agricoltori",
        "degli agricoltori",
        "l'aumento del gasolio agricolo",
        "prezzi equi per i raccolti",
        "il coordinamento degli agricoltori",
        "il ministero",
    ),
    (
        "i metalmeccanici",
        "dei metalmeccanici",
        "la chiusura dello stabilimento",
        "un piano di rilancio dell'acciaieria",
        "la Fiom",
        "la proprietà",
    ),
    (
        "i rider",
        "dei rider",
        "il taglio del compenso a consegna",
        "un contratto di lavoro subordinato",
        "il sindacato di base dei rider",
        "la piattaforma",
    ),
    (
        "i minatori",
        "dei minatori",
        "i salari non pagati da mesi",
        "il pagamento degli arretrati",
        "la Filctem",
        "la compagnia mineraria",
    ),
    (
        "i pensionati",
        "dei pensionati",
        "il blocco della rivalutazione delle pensioni",
        "pensioni adeguate al costo della vita",
        "lo Spi Cgil",
        "il governo",
    ),
    (
        "gli inquilini",
        "degli inquilini",
        "l'ondata di sfratti",
        "un tetto agli affitti",
        "il sindacato inquilini",
        "il Comune",
    ),
)

_FIRST_EN = (
    "Maria",
    "Daniel",
    "Aisha",
    "Tomás",
    "Elena",
    "Kwame",
    "Sofia",
    "Jamal",
    "Irene",
    "Nikos",
    "Grace",
    "Carlos",
    "Fatima",
    "Peter",
    "Ana",
    "Yusuf",
)
_LAST_EN = (
    "Okafor",
    "Papadakis",
    "Herrera",
    "Lindqvist",
    "Mendes",
    "Kariuki",
    "O'Donnell",
    "Rahman",
    "Petrović",
    "Moreau",
    "Alvarez",
    "Kim",
    "Dlamini",
)
_FIRST_IT = (
    "Giulia",
    "Marco",
    "Francesca",
    "Luca",
    "Chiara",
    "Giuseppe",
    "Anna",
    "Salvatore",
    "Elisa",
    "Davide",
    "Rosaria",
    "Matteo",
    "Paola",
    "Antonio",
)
_LAST_IT = (
    "Esposito",
    "Ferrari",
    "Russo",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
)

_OUTLETS_EN = (
    ("The Harbour Courier", "harbourcourier.example"),
    ("The Continental Ledger", "continentalledger.example"),
    ("Metro Dispatch", "metrodispatch.example"),
    ("The Evening Observer", "eveningobserver.example"),
)
_OUTLETS_IT = (
    ("Il Corriere del Porto", "corrieredelporto.example"),
    ("La Voce del Lavoro", "vocedellavoro.example"),
    ("Gazzetta Metropolitana", "gazzettametropolitana.example"),
    ("Il Quotidiano Civico", "quotidianocivico.example"),
)

_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_IT = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS_IT = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)

# --------------------------------------------------------------------------
# Sentence pools, one per paragraph role.  Placeholders are filled from the
# facts dict built in ``_facts_en`` / ``_facts_it``.

_EN: dict[str, tuple[str, ...]] = {
    "lede": (
        "{Count} {actor} walked out in {city} on {weekday} over {issue}, in the largest "
        "stoppage the city has seen this year.",
        "{Count} {actor} marched through the centre of {city} on {weekday} to demand "
        "{demand}, bringing traffic to a standstill for most of the afternoon.",
        "{Actor} in {city} began a {duration} strike on {weekday} over {issue}, after talks "
        "with {employer} broke down late on {prev_weekday}.",
    ),
    "lede2": (
        "Organisers said the turnout had exceeded their expectations, while {official} put "
        "the figure at less than half of theirs.",
        "It was the third day of action called by {union} since the start of the year.",
        "The protest came a week after {employer} rejected a final offer from the unions.",
    ),
    "detail": (
        "The march set off from {square} shortly after ten in the morning and wound its way "
        "through the old town before stopping outside {building}.",
        "Pickets gathered at the gates before dawn, and by mid-morning only a handful of "
        "{vehicles} had moved.",
        'Demonstrators carried banners reading "{slogan}" and chanted as they passed the '
        "offices of the regional government.",
        "Shops along the route pulled down their shutters as the crowd approached, and several "
        "bus lines were diverted for the rest of the day.",
        "A group of protesters blocked the ring road for about an hour, causing long queues on "
        "the approaches to the city.",
        "Local reporters described the atmosphere as tense but largely good-humoured, with "
        "families and children among the crowd.",
        "By early afternoon the square in front of {building} was full, and speakers addressed "
        "the crowd from the back of a lorry.",
    ),
    "demands": (
        "{Union_cap} says {actor} have lost about {pct} per cent of their purchasing power "
        "since {year0}.",
        "Union leaders want {demand}, and say they will not return to the table until "
        "{employer} makes a written offer.",
        "{Employer_cap} has offered a rise of {pct_low} per cent, which the union described as "
        "an insult to people who kept the city running during the pandemic.",
        "The dispute began in {month_prev}, when {employer} announced plans that the union says "
        "would put {jobs} jobs at risk.",
        "The protesters also called for the resignation of the official responsible for the "
        "negotiations, whom they accuse of bad faith.",
    ),
    "quote": (
        '"We have been patient for months and nobody listened," said {person}, who has worked '
        'in {city} for {years} years. "Today they had to listen."',
        '"This is not only about money, it is about dignity," {person} of {union} told '
        "reporters near {square}.",
        '"If the government thinks we will give up after one day, it is mistaken," said '
        "{person}, one of the organisers.",
        '"My parents did this job and so did I, and I want my children to be able to live '
        'here," said {person}, {age}.',
    ),
    "police_hard": (
        "Riot police used tear gas and water cannon to disperse a group of protesters who had "
        "tried to reach {building}.",
        "Police said {arrested} people had been arrested for public order offences and that "
        "{injured} officers were slightly hurt.",
        "Witnesses said officers charged the crowd with batons near {square}, and at least "
        "{injured} demonstrators were treated in hospital.",
        "A police spokesperson said the force had acted to protect public property after "
        "stones and bottles were thrown.",
    ),
    "police_soft": (
        "Police reported no arrests and said the march had passed off without serious incident.",
        "A large police presence lined the route, but officers kept their distance from the "
        "marchers.",
    ),
    "official": (
        "{Official_cap} called the strike irresponsible and said the government's offer "
        "remained on the table.",
        "In a statement, {employer} said it regretted the disruption and remained open to "
        "dialogue.",
        "{Official_cap} told a press conference that the demands were unaffordable at a time of "
        "high public debt.",
        "Opposition politicians accused the government of ignoring months of warnings from staff.",
    ),
    "disruption": (
        "Schools in several districts closed early and hospitals postponed non-urgent operations.",
        "Most services were cancelled across the region, and the port authority said dozens of "
        "ships were waiting offshore.",
        "Commuters faced long delays, and many chose to work from home.",
        "Traders at the central market said they had lost most of a day's business.",
    ),
    "background": (
        "{Actor} in {country} have staged a series of stoppages since {year0}, when inflation "
        "began to outpace wages.",
        "The last comparable protest in {city}, in {year0}, ended with dozens of arrests and "
        "weeks of negotiations.",
        "Economists say wages in the sector have fallen in real terms for most of the last decade.",
        "Similar protests took place in other cities across {country} last month, though on a "
        "smaller scale.",
        "The government has faced growing discontent over the cost of living, with energy "
        "bills up sharply since {year0}.",
        "Official figures published last week put unemployment in the region at {unemp} per "
        "cent, well above the national average.",
    ),
    "outlook": (
        "{Union_cap} said it would hold a further {duration} strike on {next_date} if no "
        "agreement was reached.",
        "Organisers have called another demonstration for {next_weekday}, and said they "
        "expected more people to join.",
        "Talks between the two sides are due to resume on {next_date}, according to the labour "
        "ministry.",
        "Union leaders warned that the action could spread to other sectors before the end of "
        "the month.",
    ),
}

_IT: dict[str, tuple[str, ...]] = {
    "lede": (
        "{Count} {bare_actor} hanno incrociato le braccia {weekday} a {city} contro {issue}, nella "
        "protesta più partecipata dell'anno in città.",
        "{Count} {bare_actor} hanno sfilato {weekday} per le vie del centro di {city} per chiedere "
        "{demand}, bloccando il traffico per gran parte del pomeriggio.",
        "È cominciato {weekday} a {city} lo sciopero di {duration} {di_actor} contro {issue}, "
        "dopo la rottura delle trattative con {employer}.",
    ),
    "lede2": (
        "Secondo gli organizzatori la partecipazione è andata oltre le attese, mentre per la "
        "questura i manifestanti erano meno della metà.",
        "È la terza giornata di mobilitazione proclamata {da_union} dall'inizio dell'anno.",
        "La protesta arriva una settimana dopo il no {employer_di} all'ultima proposta dei "
        "sindacati.",
    ),
    "detail": (
        "Il corteo è partito da {square} poco dopo le dieci e ha attraversato il centro storico "
        "fino {a_building}.",
        "I picchetti si sono formati davanti ai cancelli prima dell'alba e a metà mattina il "
        "servizio era praticamente fermo.",
        'I manifestanti portavano striscioni con la scritta "{slogan}" e hanno scandito cori '
        "sotto le finestre della Regione.",
        "Molti negozi lungo il percorso hanno abbassato le saracinesche al passaggio del "
        "corteo, e diverse linee di autobus sono state deviate.",
        "Un gruppo di manifestanti ha bloccato la tangenziale per circa un'ora, provocando "
        "lunghe code in ingresso in città.",
        "I cronisti presenti hanno descritto un clima teso ma in gran parte pacifico, con "
        "famiglie e bambini tra la folla.",
        "Nel primo pomeriggio la piazza davanti {a_building} era piena, e gli interventi dal "
        "palco si sono susseguiti fino a sera.",
    ),
    "demands": (
        "Secondo {union}, {actor} hanno perso circa il {pct} per cento del potere d'acquisto "
        "dal {year0}.",
        "I sindacati chiedono {demand} e dicono che non torneranno al tavolo senza una proposta "
        "scritta.",
        "{Employer_cap} ha offerto un aumento del {pct_low} per cento, giudicato dai sindacati "
        "un'offesa per chi ha tenuto in piedi la città durante la pandemia.",
        "La vertenza è cominciata a {month_prev}, quando {employer} ha presentato un piano che "
        "secondo i sindacati mette a rischio {jobs} posti di lavoro.",
        "I manifestanti hanno chiesto anche le dimissioni del responsabile della trattativa, "
        "accusato di malafede.",
    ),
    "quote": (
        "«Abbiamo aspettato per mesi e nessuno ci ha ascoltato», ha detto {person}, che lavora "
        "a {city} da {years} anni. «Oggi hanno dovuto ascoltarci».",
        "«Non è solo una questione di soldi, è una questione di dignità», ha spiegato "
        "{person} ai cronisti in {square}.",
        "«Se il governo pensa che ci arrenderemo dopo un giorno si sbaglia», ha detto "
        "{person}, tra gli organizzatori della protesta.",
        "«I miei genitori facevano questo lavoro e anch'io, e voglio che i miei figli possano "
        "vivere qui», ha raccontato {person}, {age} anni.",
    ),
    "police_hard": (
        "La polizia in tenuta antisommossa ha usato lacrimogeni e idranti per disperdere un "
        "gruppo di manifestanti che cercava di raggiungere {building}.",
        "La questura ha reso noto che {arrested} persone sono state fermate e che {injured} "
        "agenti sono rimasti lievemente feriti.",
        "Secondo alcuni testimoni gli agenti hanno caricato il corteo con i manganelli vicino "
        "a {square}, e almeno {injured} manifestanti sono stati medicati in ospedale.",
        "Dalla questura hanno spiegato che le forze dell'ordine sono intervenute dopo il lancio "
        "di pietre e bottiglie.",
    ),
    "police_soft": (
        "La questura non ha segnalato fermi e ha detto che il corteo si è svolto senza "
        "incidenti di rilievo.",
        "Un ampio schieramento di polizia ha seguito il percorso, ma gli agenti sono rimasti a "
        "distanza dai manifestanti.",
    ),
    "official": (
        "{Official_cap} ha definito lo sciopero irresponsabile e ha detto che la proposta del "
        "governo resta valida.",
        "In una nota, {employer} ha espresso rammarico per i disagi e disponibilità al dialogo.",
        "{Official_cap} ha dichiarato in conferenza stampa che le richieste sono insostenibili "
        "con un debito pubblico così alto.",
        "Le opposizioni hanno accusato il governo di aver ignorato per mesi gli allarmi dei "
        "lavoratori.",
    ),
    "disruption": (
        "In diversi quartieri le scuole hanno chiuso in anticipo e gli ospedali hanno rinviato "
        "gli interventi non urgenti.",
        "Gran parte delle corse è stata cancellata in tutta la regione, e decine di navi sono "
        "rimaste in rada.",
        "I pendolari hanno dovuto fare i conti con lunghi ritardi, e molti hanno scelto di "
        "lavorare da casa.",
        "I commercianti del mercato centrale hanno detto di aver perso quasi un giorno intero "
        "di incassi.",
    ),
    "background": (
        "Dal {year0} {actor} {country} hanno organizzato una serie di scioperi, da quando "
        "l'inflazione ha cominciato a correre più dei salari.",
        "L'ultima protesta di queste dimensioni a {city}, nel {year0}, si era chiusa con decine "
        "di fermi e settimane di trattative.",
        "Secondo gli economisti i salari del settore hanno perso valore reale per quasi tutto "
        "l'ultimo decennio.",
        "Proteste simili si sono svolte il mese scorso in altre città, anche se con numeri più "
        "contenuti.",
        "Il governo deve fare i conti con un malcontento crescente per il caro vita, con le "
        "bollette in forte aumento dal {year0}.",
        "I dati diffusi la settimana scorsa indicano un tasso di disoccupazione del {unemp} per "
        "cento nella regione, ben sopra la media nazionale.",
    ),
    "outlook": (
        "{Union_cap} ha annunciato un nuovo sciopero di {duration} per il {next_date} se non si "
        "arriverà a un accordo.",
        "Gli organizzatori hanno convocato un'altra manifestazione per {next_weekday} e si "
        "aspettano una partecipazione ancora più ampia.",
        "Le trattative tra le parti dovrebbero riprendere il {next_date}, secondo il ministero "
        "del Lavoro.",
        "I sindacati avvertono che la mobilitazione potrebbe estendersi ad altri settori entro "
        "la fine del mese.",
    ),
}

# Paragraph roles in reading order; the tail repeats until the word target is met.
_PLAN = (
    "detail",
    "demands",
    "quote",
    "police",
    "official",
    "disruption",
    "background",
    "quote",
    "outlook",
    "detail",
    "background",
    "demands",
    "official",
    "disruption",
)

_SLOGANS_EN = (
    "No to the cuts",
    "We keep this city moving",
    "Fair pay now",
    "Homes not profits",
    "Our jobs, our future",
)
_SLOGANS_IT = (
    "No ai tagli",
    "Il lavoro non si tocca",
    "Salari dignitosi subito",
    "Case, non profitti",
    "Il nostro futuro non è in vendita",
)
_HEADLINES_EN = (
    "{Actor} strike in {city} over {issue}",
    "Thousands march in {city} as {actor} demand {demand}",
    "Police and protesting {actor} clash in {city}",
    "{city} brought to a halt as {actor} walk out",
)
_HEADLINES_IT = (
    "Sciopero a {city}, {actor} in piazza contro {issue}",
    "{city}, migliaia in corteo: {actor} chiedono {demand}",
    "Tensione a {city} tra polizia e manifestanti",
    "{city} si ferma per la protesta {di_actor}",
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_FUSED = {
    "il ": "l ",
    "lo ": "llo ",
    "la ": "lla ",
    "l'": "ll'",
    "i ": "i ",
    "gli ": "gli ",
    "le ": "lle ",
}


def _fuse(prep: str, noun_phrase: str) -> str:
    """Italian "a"/"da"/"di" fused with the article: a + il → al, di + la → della."""
    stem = {"a": "a", "da": "da", "di": "de"}[prep]
    for article in _FUSED:
        if noun_phrase.startswith(article):
            rest = noun_phrase[len(article) :]
            return stem + _FUSED[article] + rest
    return f"{prep} {noun_phrase}"


def _count_en(rng: random.Random) -> str:
    n = rng.choice((300, 800, 1500, 2500, 4000, 7000, 12000, 20000, 35000))
    return rng.choice(("about {:,}", "more than {:,}", "some {:,}", "at least {:,}")).format(n)


def _count_it(rng: random.Random) -> str:
    n = rng.choice((300, 800, 1500, 2500, 4000, 7000, 12000, 20000, 35000))
    figure = f"{n // 1000}mila" if n >= 10000 else f"{n:,}".replace(",", ".")
    return rng.choice(("circa {}", "oltre {}", "almeno {}")).format(figure)


def _person(rng: random.Random, first: tuple[str, ...], last: tuple[str, ...]) -> str:
    return f"{rng.choice(first)} {rng.choice(last)}"


def _facts_en(rng: random.Random, published: dt.date, event: dt.date) -> dict[str, str]:
    city, country, square, building = rng.choice(_CITIES_EN)
    actor, employer, issue, demand, union, vehicles = rng.choice(_ACTORS_EN)
    nxt = published + dt.timedelta(days=rng.randint(6, 20))
    prev = event - dt.timedelta(days=1)
    official = rng.choice(
        (
            "the interior minister",
            "the city's mayor",
            "the labour minister",
            "a government spokesperson",
        )
    )
    count = _count_en(rng)
    return {
        "city": city,
        "country": country,
        "square": square,
        "building": building,
        "actor": actor,
        "Actor": _cap(actor),
        "employer": employer,
        "Employer_cap": _cap(employer),
        "issue": issue,
        "demand": demand,
        "union": union,
        "Union_cap": _cap(union),
        "vehicles": vehicles,
        "count": count,
        "Count": _cap(count),
        "weekday": _WEEKDAYS_EN[event.weekday()],
        "prev_weekday": _WEEKDAYS_EN[prev.weekday()],
        "next_weekday": _WEEKDAYS_EN[nxt.weekday()],
        "next_date": f"{nxt.day} {_MONTHS_EN[nxt.month - 1]}",
        "month_prev": _MONTHS_EN[(published.month - 3) % 12],
        "duration": rng.choice(("24-hour", "48-hour", "three-day", "week-long")),
        "official": official,
        "Official_cap": _cap(official),
        "slogan": rng.choice(_SLOGANS_EN),
        "person": _person(rng, _FIRST_EN, _LAST_EN),
        "years": str(rng.randint(4, 30)),
        "age": str(rng.randint(22, 67)),
        "pct": str(rng.randint(8, 25)),
        "pct_low": str(rng.randint(1, 4)),
        "year0": str(published.year - rng.randint(2, 6)),
        "jobs": f"{rng.randint(2, 40) * 50:,}",
        "arrested": str(rng.randint(3, 60)),
        "injured": str(rng.randint(2, 20)),
        "unemp": str(rng.randint(9, 24)),
    }


def _facts_it(rng: random.Random, published: dt.date, event: dt.date) -> dict[str, str]:
    city, country_in, square, building = rng.choice(_CITIES_IT)
    actor, di_actor, issue, demand, union, employer = rng.choice(_ACTORS_IT)
    nxt = published + dt.timedelta(days=rng.randint(6, 20))
    official = rng.choice(
        ("il ministro dell'Interno", "il sindaco", "il ministro del Lavoro", "il prefetto")
    )
    count = _count_it(rng)
    return {
        "city": city,
        "country": country_in,
        "square": square,
        "building": building,
        "a_building": _fuse("a", building),
        "da_union": _fuse("da", union),
        "actor": actor,
        "Actor": _cap(actor),
        "di_actor": di_actor,
        "bare_actor": actor.split(" ", 1)[1],
        "employer": employer,
        "employer_di": _fuse("di", employer),
        "Employer_cap": _cap(employer),
        "issue": issue,
        "demand": demand,
        "union": union,
        "Union_cap": _cap(union),
        "count": count,
        "Count": _cap(count),
        "weekday": _WEEKDAYS_IT[event.weekday()],
        "next_weekday": _WEEKDAYS_IT[nxt.weekday()],
        "next_date": f"{nxt.day} {_MONTHS_IT[nxt.month - 1]}",
        "month_prev": _MONTHS_IT[(published.month - 3) % 12],
        "duration": rng.choice(("24 ore", "48 ore", "tre giorni", "una settimana")),
        "official": official,
        "Official_cap": _cap(official),
        "slogan": rng.choice(_SLOGANS_IT),
        "person": _person(rng, _FIRST_IT, _LAST_IT),
        "years": str(rng.randint(4, 30)),
        "age": str(rng.randint(22, 67)),
        "pct": str(rng.randint(8, 25)),
        "pct_low": str(rng.randint(1, 4)),
        "year0": str(published.year - rng.randint(2, 6)),
        "jobs": f"{rng.randint(2, 40) * 50:,}".replace(",", "."),
        "arrested": str(rng.randint(3, 60)),
        "injured": str(rng.randint(2, 20)),
        "unemp": str(rng.randint(9, 24)),
    }


def _body(
    rng: random.Random, pools: dict[str, tuple[str, ...]], facts: dict[str, str], clashes: bool
) -> str:
    """Paragraphs until the drawn word target is reached; no sentence used twice."""
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    police = "police_hard" if clashes else "police_soft"
    left = {role: list(sentences) for role, sentences in pools.items()}
    for sentences in left.values():
        rng.shuffle(sentences)

    def take(role: str, k: int) -> list[str]:
        got, left[role] = left[role][:k], left[role][k:]
        return [s.format_map(facts) for s in got]

    paragraphs = [" ".join(take("lede", 1) + take("lede2", 1))]
    words = len(paragraphs[0].split())
    for role in _PLAN:
        if words >= target:
            break
        name = police if role == "police" else role
        para = " ".join(take(name, 1 if name == "quote" else rng.randint(2, 3)))
        if para:
            paragraphs.append(para)
            words += len(para.split())
    return "\n\n".join(paragraphs)


# --------------------------------------------------------------------------
# Page furniture.

_NAV_EN = (
    "World",
    "Europe",
    "Politics",
    "Business",
    "Strikes & Labour",
    "Climate",
    "Culture",
    "Sport",
    "Opinion",
    "Podcasts",
    "Subscribe",
)
_NAV_IT = (
    "Cronaca",
    "Politica",
    "Economia",
    "Lavoro",
    "Esteri",
    "Ambiente",
    "Cultura",
    "Sport",
    "Opinioni",
    "Podcast",
    "Abbonati",
)
_FOOTER_EN = (
    "About us",
    "Contact",
    "Advertise",
    "Privacy policy",
    "Cookie settings",
    "Terms of use",
    "Careers",
    "Corrections",
    "Newsletters",
    "RSS",
)
_FOOTER_IT = (
    "Chi siamo",
    "Contatti",
    "Pubblicità",
    "Privacy",
    "Impostazioni cookie",
    "Note legali",
    "Lavora con noi",
    "Rettifiche",
    "Newsletter",
    "RSS",
)
_TICKER_EN = (
    "Live: general strike halts trains and ferries across the region",
    "Markets slip as energy prices climb again",
    "Storm warning issued for the north coast",
)
_TICKER_IT = (
    "Diretta: sciopero generale, treni e traghetti fermi",
    "Borsa in calo, pesano i prezzi dell'energia",
    "Allerta meteo arancione sulla costa tirrenica",
)
_TEXTS = {
    "en": {
        "cookie": "We use cookies to personalise content and ads, to provide social media "
        "features and to analyse our traffic. You can change your choices at any time.",
        "accept": "Accept all",
        "manage": "Manage settings",
        "by": "By",
        "share": "Share on Facebook | Share on X | Share on WhatsApp | Copy link",
        "photo": "Photo",
        "read_more": "Read more",
        "related": "Related stories",
        "most_read": "Most read",
        "comments": "Comments",
        "newsletter": "Get the morning briefing in your inbox. Sign up to our free newsletter.",
        "signup": "Sign up",
        "rights": "All rights reserved.",
        "tags": "Topics",
        "comment1": "Good luck to them, they deserve a fair deal.",
        "comment2": "Another day of chaos for ordinary commuters.",
        "caption": "Protesters gather in {square}, {city}.",
    },
    "it": {
        "cookie": "Questo sito utilizza cookie tecnici e di profilazione, anche di terze "
        "parti. Puoi modificare le tue scelte in qualsiasi momento.",
        "accept": "Accetta tutti",
        "manage": "Gestisci preferenze",
        "by": "di",
        "share": "Condividi su Facebook | Condividi su X | Condividi su WhatsApp | Copia link",
        "photo": "Foto",
        "read_more": "Leggi anche",
        "related": "Articoli correlati",
        "most_read": "I più letti",
        "comments": "Commenti",
        "newsletter": "Ricevi ogni mattina le notizie principali. "
        "Iscriviti alla newsletter gratuita.",
        "signup": "Iscriviti",
        "rights": "Tutti i diritti riservati.",
        "tags": "Argomenti",
        "comment1": "Hanno ragione, forza ragazzi.",
        "comment2": "Sempre i soliti disagi per chi deve andare a lavorare.",
        "caption": "Manifestanti in {square} a {city}.",
    },
}


def _headline(
    rng: random.Random, language: str, facts: dict[str, str], clashes: bool = True
) -> str:
    pool = _HEADLINES_EN if language == "en" else _HEADLINES_IT
    # The last-but-one headline speaks of clashes: only for pages that report some.
    candidates = pool if clashes else pool[:2] + pool[3:]
    return _cap(rng.choice(candidates).format_map(facts))


def _other_headline(rng: random.Random, language: str, seed_date: dt.date) -> str:
    facts = (_facts_en if language == "en" else _facts_it)(rng, seed_date, seed_date)
    return _headline(rng, language, facts)


def _slug(text: str) -> str:
    kept = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in kept.split("-") if part)[:80]


def _page(
    rng: random.Random,
    language: str,
    url: str,
    outlet: str,
    title: str,
    published: dt.date,
    author: str,
    body: str,
    facts: dict[str, str],
) -> str:
    t = _TEXTS[language]
    e: Callable[[str], str] = html.escape
    nav = "\n".join(
        f'      <li><a href="/{_slug(item)}">{e(item)}</a></li>'
        for item in (_NAV_EN if language == "en" else _NAV_IT)
    )
    related = [_other_headline(rng, language, published) for _ in range(5)]
    most_read = [_other_headline(rng, language, published) for _ in range(5)]
    paragraphs = body.split("\n\n")
    cut = max(2, len(paragraphs) // 2)
    par_html = [f"    <p>{e(p)}</p>" for p in paragraphs]
    par_html.insert(
        cut,
        f'    <aside class="read-more"><strong>{t["read_more"]}:</strong> '
        f'<a href="/{_slug(related[0])}">{e(related[0])}</a></aside>',
    )
    iso = published.isoformat()
    hour = rng.randint(6, 22)
    footer = "\n".join(
        f'    <li><a href="/{_slug(x)}">{e(x)}</a></li>'
        for x in (_FOOTER_EN if language == "en" else _FOOTER_IT)
    )
    ticker = rng.choice(_TICKER_EN if language == "en" else _TICKER_IT)
    caption = t["caption"].format_map(facts)
    description = e(paragraphs[0][:160])

    def items(titles: list[str]) -> str:
        return "\n".join(f'      <li><a href="/{_slug(x)}">{e(x)}</a></li>' for x in titles)

    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{e(title)} | {e(outlet)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{description}">
<meta property="og:title" content="{e(title)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{e(outlet)}">
<meta property="article:published_time" content="{iso}T{hour:02d}:15:00+00:00">
<meta name="author" content="{e(author)}">
<link rel="canonical" href="{e(url)}">
<link rel="stylesheet" href="/static/css/site.min.css">
<style>.cookie-consent{{position:fixed;bottom:0}} .ticker{{overflow:hidden}}</style>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{e(title)}", "datePublished": "{iso}T{hour:02d}:15:00+00:00",
"author": {{"@type": "Person", "name": "{e(author)}"}},
"publisher": {{"@type": "Organization", "name": "{e(outlet)}"}}}}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "news"}});</script>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>{e(t["cookie"])}</p>
  <button>{t["accept"]}</button> <button>{t["manage"]}</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{e(outlet)}</a>
  <nav class="main-nav">
    <ul>
{nav}
    </ul>
  </nav>
  <div class="ticker">{e(ticker)}</div>
</header>
<main>
  <div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/news">News</a></div>
  <article>
    <h1>{e(title)}</h1>
    <p class="byline">{t["by"]} {e(author)} &middot; <time datetime="{iso}">{iso}</time></p>
    <div class="share-bar">{e(t["share"])}</div>
    <figure>
      <img src="/img/{_slug(title)}.jpg" alt="{e(caption)}">
      <figcaption>{e(caption)} {t["photo"]}: {e(author)}</figcaption>
    </figure>
{chr(10).join(par_html)}
    <div class="newsletter-box"><p>{e(t["newsletter"])}</p>
      <form action="/newsletter"><input type="email" name="email">
      <button>{t["signup"]}</button></form></div>
    <ul class="tags"><li>{t["tags"]}:</li><li><a href="/tag/{_slug(facts["city"])}">
      {e(facts["city"])}</a></li></ul>
  </article>
  <section id="comments" class="comments">
    <h3>{t["comments"]} (2)</h3>
    <div class="comment"><p>{e(t["comment1"])}</p></div>
    <div class="comment"><p>{e(t["comment2"])}</p></div>
  </section>
  <aside class="related">
    <h2>{t["related"]}</h2>
    <ul>
{items(related)}
    </ul>
  </aside>
  <aside class="most-read">
    <h2>{t["most_read"]}</h2>
    <ol>
{items(most_read)}
    </ol>
  </aside>
</main>
<footer class="site-footer">
  <ul>
{footer}
  </ul>
  <p>&copy; {published.year} {e(outlet)}. {t["rights"]}</p>
</footer>
<script src="/static/js/app.min.js" defer></script>
</body>
</html>
"""


def generate_one(index: int, seed: int = 7) -> Article:
    """Page number ``index`` of the stream ``seed`` (same inputs, same page)."""
    rng = random.Random(f"contention-bench:{seed}:{index}")
    language = "en" if rng.random() < ENGLISH_SHARE else "it"
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    event = published - dt.timedelta(days=rng.choice((0, 1, 1, 2)))
    if language == "en":
        facts = _facts_en(rng, published, event)
        outlet, domain = rng.choice(_OUTLETS_EN)
        author = _person(rng, _FIRST_EN, _LAST_EN)
        pools = _EN
    else:
        facts = _facts_it(rng, published, event)
        outlet, domain = rng.choice(_OUTLETS_IT)
        author = _person(rng, _FIRST_IT, _LAST_IT)
        pools = _IT
    clashes = rng.random() < 0.5
    title = _headline(rng, language, facts, clashes)
    body = _body(rng, pools, facts, clashes)
    url = f"https://www.{domain}/{published:%Y/%m/%d}/{_slug(title)}-{index}"
    page = _page(rng, language, url, outlet, title, published, author, body, facts)
    return Article(index, language, url, title, published, facts["city"], body, page)


def generate(n: int, seed: int = 7) -> list[Article]:
    """Pages ``0 .. n-1`` of the stream ``seed``."""
    return [generate_one(i, seed) for i in range(n)]
