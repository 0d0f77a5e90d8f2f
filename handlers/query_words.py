"""The words of questions about the catalog, as data: each phrase (folded: lower case, no
accents) says which slot of a ``Query`` it fills and with what.

Read by ``handlers.reader``. A new way of saying something is a new row here, and a row in the
regression table of ``tests/test_reader.py``.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from handlers.text import fold

Row = tuple[str, str, str]
"""(phrase, slot, value). Slots: genre (TMDB name), topic (a TMDB keyword), order, money (an
order said by a bare noun), intent, like, country (ISO code of a nationality), language (ISO
639-1), runtime ("short"/"long"), one ("una": a single film asked for), filler (said, but asks
nothing)."""

GENRE_WORDS: tuple[tuple[str, str], ...] = (
    (
        "Horror",
        "terror|de terror|horror|de horror|miedo|de miedo|que den miedo|scary|de sustos"
        "|horror movies|slasher|slashers|zombies|de zombies",
    ),
    (
        "Comedy",
        "comedia|comedias|de comedia|de risa|graciosa|graciosas|divertida|divertidas"
        "|comica|comicas|comedy|comedies|funny|para reir|para reirse|que den risa|que me haga reir"
        "|de humor|humor|comedia ligera",
    ),
    (
        "Romance",
        "romantica|romanticas|romantico|romanticos|de amor|romance|romances|romantic"
        "|romcom|romcoms|amor|romanticonas|en pareja|con mi novia|con mi novio|con mi pareja"
        "|date night|para una cita",
    ),
    ("Action", "accion|de accion|action"),
    (
        "Science Fiction",
        "ciencia ficcion|de ciencia ficcion|sci fi|scifi|science fiction|cifi"
        "|ciencia ficcion y|futuristas",
    ),
    (
        "Animation",
        "animacion|animada|animadas|animados|de animacion|dibujos|dibujos animados"
        "|animated|animation|cartoon|cartoons|anime",
    ),
    (
        "Family",
        "infantil|infantiles|para ninos|para ninas|para chicos|para los ninos|para ninos"
        "|familiar|familiares|para toda la familia|en familia|family|for kids|kids movies"
        "|for children|children s|childrens|kid friendly",
    ),
    ("Documentary", "documental|documentales|documentary|documentaries"),
    ("Western", "western|westerns|del oeste|de vaqueros|vaqueros|cowboy|cowboys"),
    (
        "War",
        "belica|belicas|belico|belicos|de guerra|guerra|war movies|war films|war movie|war film",
    ),
    ("Music", "musical|musicales|de musica|musicals|music"),
    ("Thriller", "suspense|de suspense|suspenso|de suspenso|thriller|thrillers|intriga|de intriga"),
    (
        "Crime",
        "policiaca|policiacas|policiaco|policiacos|policial|policiales|crimen|criminal"
        "|de crimenes|crime|gangster|gangsters|de gangsters|mafia|de mafia|de mafiosos|heist",
    ),
    ("Mystery", "misterio|de misterio|misterios|mystery|mysteries|whodunit"),
    ("Fantasy", "fantasia|de fantasia|fantastica|fantasticas|fantasy"),
    ("Adventure", "aventura|aventuras|de aventura|de aventuras|adventure|adventures"),
    (
        "History",
        "historica|historicas|historico|historicos|de historia|history|historical|de epoca",
    ),
    (
        "Drama",
        "drama|dramas|dramatica|dramaticas|de drama|dramatic|triste|tristes|para llorar"
        "|que hagan llorar|lacrimogena|lacrimogenas|sad|tearjerker|tearjerkers",
    ),
    (
        "TV Movie",
        "telefilm|telefilms|pelicula de tv|peliculas de tv|tv movie|tv movies|made for tv",
    ),
    ("Foreign", "foreign"),
)
"""Genres and the words people use for them (``|``-separated phrases)."""

TOPIC_WORDS: tuple[tuple[str, str], ...] = (
    ("christmas", "de navidad|navidenas|navidena|navidenos|christmas|xmas"),
    ("vampire", "vampiros|vampiro|de vampiros|vampire|vampires"),
    ("dinosaur", "dinosaurios|de dinosaurios|dinosaurio|dinosaurs|dinosaur"),
    ("superhero", "superheroes|de superheroes|superheroe|superhero|superheroes movies"),
    ("time travel", "viajes en el tiempo|viaje en el tiempo|viajes temporales|time travel"),
    ("robot", "robots|de robots|robot"),
    ("extraterrestrial", "extraterrestres|alienigenas|marcianos|extraterrestrial|aliens"),
    ("shark", "tiburones|de tiburones|sharks|shark"),
    ("dystopia", "distopicas|distopia|distopias|dystopia|dystopian"),
    ("serial killer", "asesinos en serie|asesino en serie|serial killer|serial killers"),
    ("heist", "atracos|robos|de atracos|de robos|heist|heists"),
    ("based on novel", "basadas en libros|basadas en novelas|basada en un libro|based on a book"
     "|based on books|based on novels"),
    ("biography", "biograficas|biografias|biopic|biopics|biography|biographies"),
    ("world war ii", "segunda guerra mundial|2a guerra mundial|world war ii|world war 2|wwii"
     "|ww2"),
    ("space", "espacio|del espacio|espacio exterior|espaciales|space|in space|outer space"),
    ("friendship", "amistad|de amistad|friendship"),
    ("sport", "deportes|deportivas|de deportes|sports|sport"),
    ("boxing", "boxeo|de boxeo|boxing"),
    ("martial arts", "artes marciales|kung fu|karate|martial arts"),
    ("prison", "carcel|carceles|prision|de presos|prison|jail"),
    ("high school", "instituto|secundaria|preparatoria|high school"),
    ("road movie", "road movie|road movies|de carretera|roadtrip|road trip"),
    ("witch", "brujas|bruja|de brujas|witches|witch"),
    ("ghost", "fantasmas|de fantasmas|fantasma|ghosts|ghost"),
    ("dog", "perros|de perros|perro|dogs|dog"),
    ("independent film", "independientes|cine independiente|indie|indies|independent"),
    ("based on comic", "basadas en comics|de comics|comics|comic|based on comics"),
    ("haunted house", "casas encantadas|casa encantada|haunted house|haunted houses"),
    ("monster", "monstruos|de monstruos|monsters|monster"),
    ("pirate", "piratas|de piratas|pirates|pirate"),
    ("spy", "espias|de espias|espionaje|spies|spy"),
    ("revenge", "venganza|de venganza|revenge"),
    ("wedding", "bodas|de bodas|weddings|wedding"),
    ("vietnam war", "vietnam|guerra de vietnam|vietnam war"),
    ("hitman", "sicarios|asesinos a sueldo|hitman|hitmen"),
    ("kidnapping", "secuestros|secuestro|kidnapping"),
    ("teenager", "adolescentes|de adolescentes|teen|teens|teenagers"),
    ("magic", "magia|de magia|magos|magic|wizards"),
    ("post-apocalyptic", "postapocalipticas|postapocaliptica|post apocalipticas"
     "|post apocalyptic|apocalipsis|apocalyptic"),
    ("artificial intelligence", "inteligencia artificial|artificial intelligence"),
    ("horse", "caballos|de caballos|horses"),
    ("cat", "gatos|de gatos|cats"),
    ("basketball", "baloncesto|basquet|basketball"),
    ("baseball", "beisbol|baseball"),
    ("soccer", "futbol|de futbol|soccer"),
    ("new york", "en nueva york|nueva york|in new york|new york"),
    ("paris", "en paris|in paris"),
    ("dragon", "dragones|de dragones|dragons"),
    ("jazz", "jazz|de jazz"),
)  # fmt: skip
"""Topics: TMDB keywords, by the words people use ("pelis de vampiros", "de navidad")."""

ORDER_WORDS: tuple[tuple[str, str], ...] = (
    (
        "rating",
        "mejor|mejores|la mejor|las mejores|mejor valorada|mejor valoradas|mejor valorados"
        "|mejor puntuada|mejor puntuadas|mejor calificadas|mas valoradas|buenas|buenisimas"
        "|top|best|the best|best rated|top rated|highest rated|greatest|good|great"
        "|de culto|imprescindibles|obras maestras|que valen la pena|recomendadas",
    ),
    (
        "worst",
        "peor|peores|la peor|las peores|peor valoradas|peor valorada|peor puntuadas"
        "|malas|malisimas|worst|worst rated|lowest rated|bad|terrible",
    ),
    (
        "revenue",
        "taquilleras|taquillera|mas taquilleras|mas taquillera|exitos de taquilla"
        "|mas recaudaron|que mas recaudaron|mayor recaudacion|que mas ganaron|mas exitosas"
        "|highest grossing|top grossing|biggest hits|blockbusters|top box office"
        "|mas dinero|que mas dinero|mas dinero recaudaron|que mas dinero recaudaron"
        "|que mas dinero ganaron|mas dinero ganaron|made the most money|most money"
        "|mayores exitos|mayores exitos de taquilla|grandes exitos|biggest grossing"
        "|mas rentables en taquilla|por taquilla|por recaudacion|top taquilla|mas recaudo"
        "|que mas recaudo|mas gano|que mas gano|grossed the most|made the most",
    ),
    (
        "budget",
        "mas caras|mas cara|mas costosas|mayor presupuesto|con mas presupuesto"
        "|most expensive|biggest budget|biggest budgets|highest budget|por presupuesto",
    ),
    (
        "return",
        "mas rentables|mas rentable|rentables|mayor retorno|mejor retorno|por retorno"
        "|most profitable|best return|highest return",
    ),
    (
        "votes",
        "mas votadas|mas votada|mas populares|mas popular|populares|mas vistas"
        "|mas famosas|famosas|conocidas|mas conocidas|most voted|most popular|popular|famous"
        "|best known|well known",
    ),
    ("longest", "mas largas|mas larga|mas extensas|longest"),
    ("shortest", "mas cortas|mas corta|shortest"),
    (
        "newest",
        "mas nuevas|mas nueva|mas recientes|mas reciente|recientes|ultimas|ultima"
        "|newest|latest|most recent|recent|new",
    ),
    (
        "oldest",
        "mas antiguas|mas antigua|mas viejas|mas vieja|antiguas|primeras|oldest|earliest|old",
    ),
)
"""Orders, the best first unless one of these says otherwise."""

MONEY_ORDER_WORDS: tuple[tuple[str, str], ...] = (
    ("revenue", "taquilla|recaudacion|box office|grossing|gross|revenue"),
    ("budget", "presupuesto|budget|coste|costo"),
    ("return", "retorno|roi|rentabilidad|return|profit"),
)
"""Bare money nouns: an order in ``/top taquilla 1997`` or beside filters ("taquilla de los 90"),
but alone with a name they ask about that film's money ("presupuesto de forrest gump")."""

INTENT_WORDS: tuple[tuple[str, str], ...] = (
    ("count", "cuantas|cuantos|cuanta|how many|numero de|cantidad de|count|number of|total de"),
    (
        "list",
        "que peliculas|que pelis|cuales|cuales son|which movies|which films|what movies"
        "|what films|lista|lista de|listado|list|muestrame|ensename|dame|show me|give me"
        "|ver peliculas|ver las peliculas|ver|see|todas las|all",
    ),
    (
        "pick",
        "sorprendeme|sorprendenos|surprise me|random|aleatoria|al azar|cualquiera|pick one"
        "|cualquier|whatever|me aburro|estoy aburrido|estoy aburrida|aburrido|aburrida|i m bored"
        "|im bored|bored"
        "|elige una|escoge una|que veo|que puedo ver|que vemos|que miro|what should i watch"
        "|what to watch|something to watch|algo para ver|que vemos hoy|que podemos ver"
        "|que vemos esta noche|que pelicula vemos|que peli vemos|what should we watch"
        "|what do we watch|what can we watch|movie night|noche de peli|noche de pelis"
        "|noche de cine",
    ),
    (
        "suggest",  # a pick once something says what kind: "recomiéndame una de terror"
        "recomiendame una|recomiendame algo|recomienda una|recomiendanos una|recomiendame alguna"
        "|sugiereme una|sugiereme algo|sugiere una|recommend me a|recommend a|recommend me one"
        "|recommend me something|recommend something|suggest a|suggest something|una buena"
        "|a good|dame una|give me a",
    ),
)

ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (
        "director",
        "dirigidas por|dirigida por|dirigidos por|dirigio|dirigidas|dirigido|ha dirigido"
        "|han dirigido|dirige|directed by|directed|direct|directs|directing|director|directora"
        "|del director|de la directora|por el director|by|made by|dirigidas x|dirigida x"
        "|dirigidos x|dirigido x",
    ),
    (
        "cast",
        "con|sale|salen|sale en|donde sale|en las que sale|en que sale|ha salido|actua|actuan"
        "|actuo|actua en|actuo en|ha actuado|han actuado|actuado|en las que actua|donde actua"
        "|aparece|aparecen|aparece en|aparecio|ha aparecido|donde aparece|participa|participo"
        "|protagonizadas por|protagonizada por|protagoniza|protagonizo|starring|with|actor"
        "|actriz|del actor|de la actriz|stars|starred|appeared in|appeared|appears in|appears"
        "|been in|has been in|acted in|acted|acts in|played in|plays in|trabaja|trabajo"
        "|ha trabajado|en las que trabaja|donde trabaja|worked in|works in",
    ),
)
"""Whether a person named is asked about as a director or in the cast."""

LIKE_WORDS = (
    "algo como|como|pelis como|peliculas como|una como|otra como|otras como|parecidas a"
    "|parecida a|parecidas|parecidos a|similares a|similar a|similar to|parecidas al"
    "|del estilo de|al estilo de|tipo|like|something like|movies like|films like|more like"
)
"""A film named after these is the one the answer must resemble ("algo como alien")."""

ONE_WORDS = "una|un|una peli|una pelicula|un film|alguna|a movie|a film|one"
"""A single film asked for: with a genre or filter, a pick ("una comedia de los 90")."""

RUNTIME_WORDS: tuple[tuple[str, str], ...] = (
    ("short", "cortas|corta|cortitas|cortita|short|shorts|cortometraje|cortometrajes"),
    ("long", "largas|larga|largometrajes largos|long|epic length"),
)
SHORT_MINUTES = 90
"""A short film: at most this long. A long one: at least ``LONG_MINUTES``."""
LONG_MINUTES = 150

QUERY_FILLERS = (
    "peliculas|pelicula|pelis|peli|films|film|movies|movie|filmes|cine|cintas|titulos"
    "|filmografia|filmography|obras|trabajos|ha hecho|han hecho|hecho"
    "|estrenos|estreno|estrenaron|estrenadas|estrenada|estreno|se estrenaron|salieron|salio"
    "|lanzadas|lanzaron|released|came out|come out|that came out|out|made|producidas|producida"
    "|producidos|hechas|rodadas|filmadas|produced|shot|hay|tienes|tiene|tengas|existen|has|have"
    "|there are|are there|en total|de los|del|de la|de|d|los|las|la|el|lo|en|a|an|the|of|in"
    "|from|recaudaron|recaudo|ganaron|gano|dinero|money"
    "|y|and|con|with|pero|but|que|que sean|that are|which are|are|is|son|sea|sean|fueron|were"
    "|was|fue|ano|anos|year|years|epoca|por favor|porfa|xfa|please|pls|plis|algo|something|some"
    "|che|s|make|makes|has made|have made|else|demas|las demas|los demas|otras|otros|hermanos"
    "|brothers"
    "|algunas|algunos|alguna|unas|unos|me|mi|my|nos|us|i|yo|quiero|quisiera|want|would|like to"
    "|puedes|podrias|can|could|you|tu|dime|tell|decime|para|for|to|ver|watch|verlas|mirar"
    "|busca|buscar|buscame|encuentra|find|search|10|diez|cinco|solo|solamente|only"
    "|just|mas|more|most|muy|very|bien|well|esta noche|tonight|hoy|today|ahora|now"
    "|recomiendame|recomienda|recommend|recomendacion|recomendaciones|recommendations"
    "|sugerencias|suggestions|sugiereme|suggest|favor|hola|hi|hey|oye|gracias|thanks|ok|vale"
    "|bueno|pues|entonces|so|also|tambien|otra|otro|another|other|dias|dia|day|days|un dia"
    "|on a|el dia|en un|mes|month|pais|country|genero|genre|tipo de|kind of|sort of"
    "|productora|estudio|studio|saga|franquicia|coleccion|collection|director|by|por"
    "|habladas|hablada|hablado|spoken|idioma|language|en idioma|de habla|speaking|subtituladas"
    "|se|produjeron|produjo|producen|produce|hicieron|hizo|hacen|hace|se hicieron|rodaron|rodo"
    "|filmaron|lanzaron|lanzo|estrenan|estrena|estrenado|estrenados|salen|sale|salido"
    "|realizadas|realizaron|hubo|habia|han salido|han estrenado|was made|were made|produce"
    "|release|releases|premiered|came|come|comes|get|got|do|does|did|you have|u|ur"
    "|de todos los tiempos|de la historia|of all time|ever|in history|all time|alltime"
    "|cual es|cuales son|what is|what are|which is|which are|what|which|how|como son|me das"
    "|quiero ver|i want|i want to|let s|lets|vamos|veamos|mira|sabes|know|conoces|tenes"
    "|catalogo|catalog|database|base de datos|tu catalogo|your catalog|aqui|here|ahi|there"
    "|duren|dure|duracion|que duren|runtime|lasting|nota|puntuacion|valoracion|rating"
    "|calificacion|score|rated|estrellas|stars|votos|votes"
)
"""Words a question says around its filters that ask nothing on their own."""

DECADE_WORDS: dict[str, int] = {
    "veinte": 1920,
    "veintes": 1920,
    "twenties": 1920,
    "treinta": 1930,
    "treintas": 1930,
    "thirties": 1930,
    "cuarenta": 1940,
    "cuarentas": 1940,
    "forties": 1940,
    "cincuenta": 1950,
    "cincuentas": 1950,
    "fifties": 1950,
    "sesenta": 1960,
    "sesentas": 1960,
    "sixties": 1960,
    "setenta": 1970,
    "setentas": 1970,
    "seventies": 1970,
    "ochenta": 1980,
    "ochentas": 1980,
    "eighties": 1980,
    "noventa": 1990,
    "noventas": 1990,
    "nineties": 1990,
    "dos mil": 2000,
    "dosmil": 2000,
    "two thousands": 2000,
    "aughts": 2000,
    **{
        f"{stem}ter{end}": year
        for stem, year in (("sesen", 1960), ("seten", 1970), ("ochen", 1980), ("noven", 1990))
        for end in ("o", "a", "os", "as")
    },
    "dosmileras": 2000,
    "dosmileros": 2000,
}
"""Decades said in words ("los ochenta", "the eighties")."""

NATIONALITIES_ES: dict[str, str] = {
    "US": "estadounidense americano norteamericano gringo hollywoodense",
    "GB": "britanico ingles escoces galés",
    "FR": "frances",
    "MX": "mexicano",
    "ES": "espanol",
    "JP": "japones nipon",
    "IT": "italiano",
    "DE": "aleman",
    "KR": "coreano surcoreano",
    "CN": "chino",
    "IN": "indio hindu",
    "RU": "ruso",
    "SE": "sueco",
    "DK": "danes",
    "NO": "noruego",
    "AR": "argentino",
    "BR": "brasileno brasilero",
    "CA": "canadiense",
    "AU": "australiano",
    "IE": "irlandes",
    "NL": "holandes neerlandes",
    "BE": "belga",
    "CH": "suizo",
    "AT": "austriaco",
    "PL": "polaco",
    "CZ": "checo",
    "HU": "hungaro",
    "GR": "griego",
    "TR": "turco",
    "IR": "irani",
    "IL": "israeli",
    "EG": "egipcio",
    "ZA": "sudafricano",
    "NZ": "neozelandes",
    "CL": "chileno",
    "CO": "colombiano",
    "PE": "peruano",
    "CU": "cubano",
    "VE": "venezolano",
    "UY": "uruguayo",
    "FI": "finlandes",
    "PT": "portugues",
    "HK": "hongkones",
    "TW": "taiwanes",
    "TH": "tailandes",
    "PH": "filipino",
    "IS": "islandes",
    "RO": "rumano",
}
"""Spanish nationality adjectives (masculine singular; the other forms are derived)."""

NATIONALITIES_EN: dict[str, str] = {
    "US": "american|hollywood|us",
    "GB": "british|english|uk|scottish|welsh",
    "FR": "french",
    "MX": "mexican",
    "ES": "spanish",
    "JP": "japanese",
    "IT": "italian|spaghetti",
    "DE": "german",
    "KR": "korean|south korean",
    "CN": "chinese",
    "IN": "indian|bollywood",
    "RU": "russian|soviet",
    "SE": "swedish",
    "DK": "danish",
    "NO": "norwegian",
    "AR": "argentine|argentinian",
    "BR": "brazilian",
    "CA": "canadian",
    "AU": "australian|aussie",
    "IE": "irish",
    "NL": "dutch",
    "BE": "belgian",
    "CH": "swiss",
    "AT": "austrian",
    "PL": "polish",
    "CZ": "czech",
    "HU": "hungarian",
    "GR": "greek",
    "TR": "turkish",
    "IR": "iranian",
    "IL": "israeli",
    "EG": "egyptian",
    "ZA": "south african",
    "NZ": "new zealand|kiwi",
    "CL": "chilean",
    "CO": "colombian",
    "PE": "peruvian",
    "CU": "cuban",
    "FI": "finnish",
    "PT": "portuguese",
    "HK": "hong kong",
    "TW": "taiwanese",
    "TH": "thai",
    "PH": "filipino",
    "IS": "icelandic",
    "RO": "romanian",
}

LANGUAGES = [
    "es",
    "en",
    "fr",
    "it",
    "de",
    "ja",
    "ko",
    "zh",
    "cn",
    "ru",
    "sv",
    "da",
    "no",
    "pt",
    "hi",
    "nl",
    "pl",
    "fi",
    "tr",
    "fa",
    "he",
    "el",
    "hu",
    "cs",
    "th",
    "ar",
    "ro",
    "is",
]
"""Original languages people ask for by name ("en francés", "in japanese"); names from babel."""
LANGUAGE_CUES = (
    "en|in|habladas en|hablada en|hablado en|hablados en|spoken in|en idioma|idioma|language"
    "|de habla|en version original en|rodadas en|filmadas en|dubbed in|originally in"
)
"""Said before a language's name; "<name> language" and "<name> speaking" work too."""
EXTRA_LANGUAGE_NAMES = {
    "es": "castellano|espanol latino|hispana",
    "zh": "mandarin",
    "cn": "cantones",
}


def _spanish_forms(base: str) -> list[str]:
    """A Spanish adjective's four forms: "mexicano" → mexicano, mexicana, mexicanos, mexicanas;
    "frances" → frances, francesa, franceses, francesas; "canadiense" → …, canadienses."""
    if base.endswith("o"):
        return [base, base[:-1] + "a", base + "s", base[:-1] + "as"]
    if base.endswith("e") or base.endswith("a"):
        return [base, base + "s"]
    if base.endswith("i") or base.endswith("u"):
        return [base, base + "es", base + "s"]
    return [base, base + "a", base + "es", base + "as"]


def _language_names(code: str) -> list[str]:
    names = [fold(Locale.parse(lang).languages.get(code, "")) for lang in ("es", "en")]
    names += EXTRA_LANGUAGE_NAMES.get(code, "").split("|")
    return [n for n in dict.fromkeys(names) if n]


@cache
def rows() -> tuple[Row, ...]:
    """Every phrase of the vocabulary with its slot and value."""
    table: list[Row] = []
    table += [(p, "genre", g) for g, phrases in GENRE_WORDS for p in phrases.split("|")]
    table += [(p, "topic", t) for t, phrases in TOPIC_WORDS for p in phrases.split("|")]
    table += [(p, "order", o) for o, phrases in ORDER_WORDS for p in phrases.split("|")]
    table += [(p, "money", o) for o, phrases in MONEY_ORDER_WORDS for p in phrases.split("|")]
    table += [(p, "intent", i) for i, phrases in INTENT_WORDS for p in phrases.split("|")]
    table += [(p, "like", "") for p in LIKE_WORDS.split("|")]
    table += [(p, "role", r) for r, phrases in ROLE_WORDS for p in phrases.split("|")]
    table += [(p, "one", "") for p in ONE_WORDS.split("|")]
    table += [(p, "runtime", r) for r, phrases in RUNTIME_WORDS for p in phrases.split("|")]
    for iso, bases in NATIONALITIES_ES.items():
        table += [(fold(f), "country", iso) for b in bases.split() for f in _spanish_forms(b)]
    for iso, names in NATIONALITIES_EN.items():
        table += [(n, "country", iso) for n in names.split("|")]
    for code in LANGUAGES:
        for name in _language_names(code):
            table += [(f"{cue} {name}", "language", code) for cue in LANGUAGE_CUES.split("|")]
            table += [(f"{name} {tail}", "language", code) for tail in ("language", "speaking")]
    table += [(p, "filler", "") for p in QUERY_FILLERS.split("|")]
    return tuple(table)


@cache
def phrase_table() -> dict[tuple[str, ...], tuple[str, str]]:
    """Folded phrase (as words) → (slot, value); the first row of a phrase wins."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for phrase, slot, value in rows():
        table.setdefault(tuple(fold(phrase).split()), (slot, value))
    return table


CHAT_WORDS = {
    "q": "que",
    "k": "que",
    "ke": "que",
    "d": "de",
    "xq": "porque",
    "pq": "porque",
    "tb": "tambien",
    "tmb": "tambien",
    "prota": "protagonista",
    "protas": "protagonistas",
}
"""Chat spellings, read as the word they stand for ("q pelis hizo spielberg")."""

ASPECT_WORDS: tuple[tuple[str, str], ...] = (
    (
        "sinopsis",
        "de que trata|de que va|de que se trata|de que trata la pelicula|sinopsis|sinopsis de"
        "|argumento|argumento de|trama|trama de|resumen de|resumen|what is the plot of|plot of"
        "|plot|synopsis|synopsis of|summary of|what happens in|que pasa en",
    ),
    ("trailer", "trailer|trailers|trailer de|el trailer de|avance de|teaser|ver el trailer"),
    (
        "donde",
        "donde ver|donde verla|donde puedo ver|donde la puedo ver|donde la dan|donde la pasan"
        "|donde la echan|en que plataforma|en que plataforma esta|esta en netflix|netflix|hbo"
        "|hbo max|disney plus|prime video|amazon prime|streaming|where to watch"
        "|where can i watch|where can i stream|where to stream|is it on netflix|on netflix",
    ),
    (
        "people",
        "quien dirigio|quien la dirigio|quien dirige|director de|directora de|el director de"
        "|who directed|director of|the director of|directed by|actores de|los actores de"
        "|reparto de|el reparto de|reparto|elenco de|elenco|quien sale en|quienes salen en"
        "|quien actua en|quienes actuan en|protagonistas de|protagonista de|quien protagoniza"
        "|who stars in|who starred in|cast of|the cast of|actors in|actors of|who is in"
        "|who plays in|quien hizo|quien hace de|cast|director|directors|directores|actores"
        "|actors|protagonistas|cast for|who made|who acted in|who acts in|who played in"
        "|quien actuo en|que actores salen en|que actores hay en|quienes son los actores de"
        "|quien es el director de|quien fue el director de|who was the director of"
        "|who is the director of|main actor of|main actors of|starring in|quien es el"
        " protagonista de|quienes son los protagonistas de|quien la protagoniza"
        "|quien dirigio la pelicula|who directed the movie|who directed the film|personajes de"
        "|personajes|actrices de|actrices|quienes trabajan en|quien trabaja en|who worked on"
        "|kien dirigio|quien dirijio|q actores salen en|ke actores salen en|que actores tiene"
        "|who was in|who were in|quien sale|quienes salen|quien actua|quienes actuan|who is in it"
        "|who s in it|who stars in it|who directed it|quien es el protagonista|quienes son los"
        " protagonistas|quien mas sale|quienes mas salen|quien la hizo|quien hizo la pelicula"
        "|quien hizo la peli|reparto completo de|reparto completo|casting de|el casting de|casting"
        "|dirigida por quien|dirigido por quien|quien la dirige|que director hizo|que director"
        " tiene|que director dirigio|director tiene|who was the director|who are the actors in"
        "|who played in|who acted in it|who made it",
    ),
    (
        "director_films",
        "que otras peliculas dirigio|que otras pelis dirigio|otras peliculas que dirigio|que mas"
        " dirigio|que mas ha dirigido|que otras dirigio|otras peliculas del director|otras pelis"
        " del director|otras del director|mas del director|mas peliculas del director|mas pelis"
        " del director|del mismo director|peliculas del mismo director|what else did he direct"
        "|what else did she direct|what else has he directed|what else has she directed"
        "|other movies by the director|other films by the director|more by the director"
        "|more from the director|more from this director|same director|que mas hizo ese director"
        "|que mas hizo el director|que otras pelis tiene el director|el director que otras pelis"
        " tiene|pelis del director|peliculas del director|more films by the director|films by"
        " the director|movies by the director|more movies by the director|cuantas pelis mas"
        " dirigio|cuantas peliculas mas dirigio|cuantas peliculas dirigio|cuantas pelis dirigio"
        "|que mas dirigio ese director|otras pelis de ese director|mas pelis de ese director"
        "|what else did the director make|other films by the director of|what else did he make",
    ),
    (
        "cast_films",
        "que mas hizo el protagonista|otras del protagonista|otras peliculas del protagonista"
        "|mas del protagonista|mas con el protagonista|mas pelis del protagonista|que otras"
        " peliculas hizo el protagonista|en que mas sale el protagonista|que mas ha hecho el"
        " protagonista|otras de la protagonista|mas de la protagonista|what else was the lead in"
        "|other movies with the lead|other films with the lead|more with the lead actor"
        "|more with the star|more with the lead|mas pelis del protagonista|otras pelis de ese"
        " actor|otras peliculas de ese actor|mas pelis de ese actor|que otras pelis tiene ese"
        " actor|mas pelis de la actriz|otras pelis de la actriz|otras peliculas de la actriz"
        "|mas peliculas de la actriz|what else has he been in|what else has she been in|what"
        " else was he in|what else was she in|other movies with him|other movies with her|more"
        " with him|more with her|que otras pelis tiene|que otras peliculas tiene|y las demas pelis"
        "|otras pelis del protagonista|peliculas del protagonista",
    ),
)
"""Questions about one side of a film: its synopsis, trailer, where to watch it, its people."""


@cache
def aspect_table() -> dict[tuple[str, ...], str]:
    """Folded phrase (as words) → the aspect it asks about."""
    return {
        tuple(p.split()): aspect for aspect, phrases in ASPECT_WORDS for p in phrases.split("|")
    }
