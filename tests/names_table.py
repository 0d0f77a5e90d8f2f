"""Names people type for films, collections and studios, in Spanish and English, with what each
must find on the real slice (the first 4,627 rows of the Kaggle file): TMDB ids for films, names
as the catalog spells them for collections and companies.

Plain data, no imports: ``tests/test_names.py`` checks it and ``benchmarks/eval_names.py`` scores
any version of the code against it.
"""

from __future__ import annotations

TCF = "Twentieth Century Fox Film Corporation"
MGM = "Metro-Goldwyn-Mayer (MGM)"
TITLES = [  # (typed, TMDB id)
    # Spanish titles, as released in Spain and in Latin America
    ("/retorno el padrino", 238), ("/retorno El Padrino", 238), ("/retorno el padrino 2", 240),
    ("/retorno el padrino parte 3", 242), ("/retorno volver al futuro", 105),
    ("/retorno regreso al futuro", 105), ("/retorno volver al futuro 2", 165),
    ("/retorno regreso al futuro III", 196), ("/retorno la guerra de las galaxias", 11),
    ("/retorno el imperio contraataca", 1891), ("/retorno el retorno del jedi", 1892),
    ("/retorno el regreso del jedi", 1892), ("/retorno la amenaza fantasma", 1893),
    ("/retorno cadena perpetua", 278), ("/retorno sueños de libertad", 278),
    ("/retorno suenos de libertad", 278), ("/retorno el club de la lucha", 550),
    ("/retorno el club de la pelea", 550), ("/retorno tiempos violentos", 680),
    ("/retorno parque jurasico", 329), ("/retorno parque jurásico 3", 331),
    ("/retorno salvar al soldado ryan", 857), ("/retorno rescatando al soldado ryan", 857),
    ("/retorno el silencio de los corderos", 274), ("/retorno el silencio de los inocentes", 274),
    ("/retorno la lista de schindler", 424), ("/retorno el perfecto asesino", 101),
    ("/retorno leon el profesional", 101), ("/retorno terminator 2 el juicio final", 280),
    ("/retorno el exterminador", 218), ("/retorno la milla verde", 497),
    ("/retorno milagros inesperados", 497), ("/retorno la jungla de cristal", 562),
    ("/retorno duro de matar", 562), ("/retorno duro de matar 2", 1573),
    ("/retorno en busca del arca perdida", 85), ("/retorno los cazadores del arca perdida", 85),
    ("/retorno el resplandor", 694), ("/retorno eduardo manostijeras", 162),
    ("/retorno el joven manos de tijera", 162), ("/retorno la vida es bella", 637),
    ("/retorno aladin", 812), ("/retorno a todo gas", 9799), ("/retorno rapido y furioso", 9799),
    ("/retorno belleza americana", 14), ("/retorno la naranja mecanica", 185),
    ("/retorno corazon valiente", 197), ("/retorno e.t. el extraterrestre", 601),
    ("/retorno sospechosos habituales", 629), ("/retorno naufrago", 8358),
    ("/retorno el sexto sentido", 745), ("/retorno uno de los nuestros", 769),
    ("/retorno buenos muchachos", 769), ("/retorno 2001 odisea del espacio", 62),
    ("/retorno la bella y la bestia", 10020),
    ("/retorno caracortada", 111), ("/retorno el precio del poder", 111),
    ("/retorno alguien volo sobre el nido del cuco", 510), ("/retorno atrapado sin salida", 510),
    ("/retorno el gran lebowski", 115), ("/retorno tiburon", 578),
    ("/retorno la chaqueta metalica", 600), ("/retorno solo en casa", 771),
    ("/retorno mi pobre angelito", 771), ("/retorno doce monos", 63), ("/retorno 12 monos", 63),
    ("/retorno cazafantasmas", 620), ("/retorno los cazafantasmas", 620),
    ("/retorno psicosis", 539), ("/retorno el bueno el feo y el malo", 429),
    ("/retorno el bueno, el malo y el feo", 429), ("/retorno atrapado en el tiempo", 137),
    ("/retorno doce hombres sin piedad", 389), ("/retorno 12 hombres en pugna", 389),
    ("/retorno depredador", 106), ("/retorno la sirenita", 10144),
    ("/retorno desafio total", 861), ("/retorno el vengador del futuro", 861),
    ("/retorno vaselina", 621), ("/retorno cuenta conmigo", 235), ("/retorno el mago de oz", 630),
    ("/retorno blancanieves y los siete enanitos", 408), ("/retorno mision imposible", 954),
    ("/retorno misión imposible 2", 955), ("/retorno el quinto elemento", 18),
    ("/retorno alien el octavo pasajero", 348), ("/retorno hombres de negro", 607),
    ("/recomendar el rey leon", 8587), ("/recomendar la momia", 564),
    # English titles: punctuation, numbers, roman numerals, missing articles
    ("/retorno e.t.", 601), ("/retorno et", 601), ("/retorno E.T", 601), ("/retorno se7en", 807),
    ("/retorno seven", 807), ("/retorno mission impossible", 954),
    ("/retorno mission: impossible ii", 955), ("/retorno terminator 2", 280),
    ("/retorno terminator ii", 280), ("/retorno 2001 a space odyssey", 62),
    ("/retorno schindlers list", 424), ("/retorno one flew over the cuckoos nest", 510),
    ("/retorno the good the bad and the ugly", 429), ("/retorno leon the professional", 101),
    ("/retorno face off", 754), ("/retorno faceoff", 754), ("/retorno alien 3", 8077),
    ("/retorno mrs doubtfire", 788), ("/retorno the godfather part ii", 240),
    ("/retorno godfather 2", 240), ("/retorno godfather part 3", 242),
    ("/retorno back to the future 3", 196),
    ("/retorno home alone 2", 772), ("/retorno toy story 2", 863), ("/retorno lion king", 8587),
    ("/return the matrix", 603), ("/retorno matrix", 603), ("/recommend goodfellas", 769),
]  # fmt: skip
COMPANIES = [  # (typed, company as the catalog spells it)
    ("/productora 20th century fox", TCF), ("/productora 20th Century Fox", TCF),
    ("/productora twentieth century fox", TCF), ("/productora fox", TCF),
    ("/productora la fox", TCF), ("/company Fox", TCF),
    ("/productora dreamworks", "DreamWorks SKG"),
    ("/productora dream works", "DreamWorks SKG"), ("/productora disney", "Walt Disney Pictures"),
    ("/productora walt disney", "Walt Disney Pictures"),
    ("/productora estudios disney", "Walt Disney Pictures"), ("/productora mgm", MGM),
    ("/productora metro goldwyn mayer", MGM), ("/productora la metro", MGM),
    ("/productora warner", "Warner Bros."), ("/productora warner brothers", "Warner Bros."),
    ("/company warner bros", "Warner Bros."), ("/productora universal", "Universal Pictures"),
    ("/productora columbia", "Columbia Pictures"),
    ("/company columbia pictures", "Columbia Pictures"),
    ("/productora paramount", "Paramount Pictures"), ("/productora lionsgate", "Lions Gate Films"),
    ("/productora miramax", "Miramax Films"), ("/productora new line", "New Line Cinema"),
    ("/productora pixar", "Pixar Animation Studios"), ("/productora ghibli", "Studio Ghibli"),
    ("/productora tristar", "TriStar Pictures"), ("/productora touchstone", "Touchstone Pictures"),
    ("/productora fox searchlight", "Fox Searchlight Pictures"),
    ("/productora fox 2000", "Fox 2000 Pictures"), ("/productora amblin", "Amblin Entertainment"),
    ("/productora castle rock", "Castle Rock Entertainment"),
    ("/productora orion", "Orion Pictures"), ("/productora united artists", "United Artists"),
    ("/productora lucasfilm", "Lucasfilm"), ("/productora canal plus", "Canal+"),
    ("/productora studio canal", "StudioCanal"), ("/productora gaumont", "Gaumont"),
    ("/productora paramout", "Paramount Pictures"), ("/productora univeral", "Universal Pictures"),
    ("/productora warnr bros", "Warner Bros."),
]  # fmt: skip
COLLECTIONS = [  # (typed, collection): Spanish titles of a collection's films name it too
    ("/franquicia el padrino", "The Godfather Collection"),
    ("/franquicia la guerra de las galaxias", "Star Wars Collection"),
    ("/franquicia volver al futuro", "Back to the Future Collection"),
    ("/franquicia parque jurasico", "Jurassic Park Collection"),
    ("/franquicia duro de matar", "Die Hard Collection"),
    ("/franquicia jungla de cristal", "Die Hard Collection"),
    ("/franquicia mi pobre angelito", "Home Alone Collection"),
    ("/franquicia el exterminador", "The Terminator Collection"),
    ("/franquicia la momia", "The Mummy Collection"),
    ("/franquicia los cazafantasmas", "Ghostbusters Collection"),
    ("/franquicia tiburon", "The Jaws Collection"),
    ("/collection indiana jones", "Indiana Jones Collection"),
]

ASKED_BACK = [
    # a near miss of the Spanish title: "Did you mean 2001: una odisea del espacio?"
    ("/retorno 2001 una odisea en el espacio", 62),
    # DreamWorks SKG (27 films) does not dominate DreamWorks Animation (5) enough for a typo
    ("/company dreamwork", "DreamWorks SKG"),
]

MISSES = [
    # films and studios that are not in the first 4,627 rows of the Kaggle file
    "/retorno harry potter y la piedra filosofal", "/retorno titanic 2", "/retorno terminator 3",
    "/retorno avatar", "/retorno el señor de los anillos", "/retorno el caballero oscuro",
    "/retorno los vengadores", "/retorno shrek 2", "/retorno toy story 3", "/retorno frozen",
    "/productora netflix", "/productora marvel studios", "/productora a24",
    "/productora acme films",
]  # fmt: skip
