"""Spanish: the default language."""

from __future__ import annotations

STRINGS: dict[str, str | dict[str, str]] = {
    # -- commands: menu description, argument name and example argument ------------------------
    "cmd.mes.description": "estrenos en un mes",
    "cmd.mes.argument": "mes",
    "cmd.mes.example": "enero",
    "cmd.dia.description": "estrenos en un día de la semana",
    "cmd.dia.argument": "día",
    "cmd.dia.example": "sábado",
    "cmd.franquicia.description": "películas y recaudación de una saga",
    "cmd.franquicia.argument": "saga",
    "cmd.franquicia.example": "toy story",
    "cmd.pais.description": "películas producidas en un país",
    "cmd.pais.argument": "país",
    "cmd.pais.example": "reino unido",
    "cmd.productora.description": "películas y recaudación de una productora",
    "cmd.productora.argument": "productora",
    "cmd.productora.example": "pixar",
    "cmd.retorno.description": "presupuesto, recaudación y retorno",
    "cmd.retorno.argument": "película",
    "cmd.retorno.example": "titanic",
    "cmd.recomendar.description": "cinco películas parecidas",
    "cmd.recomendar.argument": "película",
    "cmd.recomendar.example": "toy story",
    "cmd.help.description": "cómo usar el bot",
    # -- answers -------------------------------------------------------------------------------
    "movies": {"one": "{count} película", "other": "{count} películas"},
    "answer.month": {
        "one": "🗓️ En {month} se estrenó {movies} (sumando todos los años).",
        "other": "🗓️ En {month} se estrenaron {movies} (sumando todos los años).",
    },
    "answer.weekday": {
        "one": "📅 {movies} se estrenó un {weekday}.",
        "other": "📅 {movies} se estrenaron un {weekday}.",
    },
    "answer.country": {
        "one": "🌍 {country} ({iso}): {movies} producida allí.",
        "other": "🌍 {country} ({iso}): {movies} producidas allí.",
    },
    "answer.films": "Películas: {count}",
    "revenue.none": "Recaudación: sin datos en el catálogo.",
    "revenue.total": "Recaudación total: {money}",
    "revenue.mean": "Recaudación promedio: {money}",
    "revenue.known": "Recaudación conocida de {known} de {count} películas.",
    "return.budget": "Presupuesto: {value}",
    "return.revenue": "Recaudación: {value}",
    "return.profit": "Ganancia: {value}",
    "return.loss": "Pérdida: {value}",
    "return.ratio": "Retorno: {value}",
    "return.unknown": "Retorno: no se puede calcular sin presupuesto y recaudación.",
    "unknown_value": "sin datos",
    "alternatives": "Otras con ese título: ",
    "recommend.head": "🍿 Si te gustó {title} ({year}):",
    "recommend.none": "No tengo recomendaciones para esta película.",
    "reason.same_collection": "misma saga",
    "reason.similar": "parecida",
    "usage.usage": "Uso: {usage}",
    "usage.example": "Ejemplo: {example}",
    "not_found.mes": "🤷 No encontré «{query}» entre los meses.",
    "not_found.dia": "🤷 No encontré «{query}» entre los días de la semana.",
    "not_found.franquicia": "🤷 No encontré «{query}» entre las sagas.",
    "not_found.pais": "🤷 No encontré «{query}» entre los países.",
    "not_found.productora": "🤷 No encontré «{query}» entre las productoras.",
    "not_found.retorno": "🤷 No encontré «{query}» entre las películas.",
    "not_found.recomendar": "🤷 No encontré «{query}» entre las películas.",
    "did_you_mean": "¿Quisiste decir…?",
    "ambiguous": "🤔 «{query}» puede ser varias cosas. ¿Cuál buscas?",
    "unknown_command": "No conozco el comando {command}. Escribe /help para ver lo que sé hacer.",
    # -- names, honest numbers and the catalog's years ------------------------------------------
    "answer.month_year": {
        "one": "🗓️ En {month} de {year} se estrenó {movies}.",
        "other": "🗓️ En {month} de {year} se estrenaron {movies}.",
    },
    "catalog.years": "El catálogo cubre de {first} a {last}.",
    "doubtful.mark": " (dato dudoso en la fuente)",
    "return.doubtful": (
        "Retorno: no lo doy por cierto, la fuente tiene una cifra dudosa "
        "(seguramente millones escritos como unidades)."
    ),
    "doubtful.films": {
        "one": "{count} película tiene cifras dudosas en la fuente (sumada igualmente).",
        "other": "{count} películas tienen cifras dudosas en la fuente (sumadas igualmente).",
    },
    "company.relatives": "También (no sumadas aquí): {names}",
    "hint.mes.number": "Los meses van del 1 al 12; también puedes escribir su nombre: enero…",
    "hint.dia.number": "Los días van del 1 (lunes) al 7 (domingo); también vale el nombre.",
    "hint.title": "Prueba con el título original y el año, por ejemplo: {example}",
    "hint.inline": "O búscala en cualquier chat escribiendo @ y mi nombre de usuario y el título.",
    # -- help and start ------------------------------------------------------------------------
    "help.title": "Lo que sé responder:",
    "help.forgiving": "Acentos, mayúsculas y erratas no importan; si dudo, te pregunto.",
    "start.greeting": "🎬 ¡Hola! Soy pelibot: datos de {movies} películas, de {first} a {last}.",
    # -- Telegram: around the answers ----------------------------------------------------------
    "apology": "Uy, algo falló al responder. Prueba otra vez en un momento.",
    "stale_button": "Ese botón ya no sirve. Vuelve a preguntar con el comando.",
    "chart_button": "📊 Gráfico",
    "chart_caption": "📊 {label}",
    "chart_unavailable": "No hay gráfico para esta respuesta.",
    "chart_working": "Dibujando el gráfico…",
    "inline_figures": "Presupuesto {budget} · Recaudación {revenue} · Retorno {ret}",
    "inline_similar": "Parecidas: {titles}",
    "inline_prompt": "Escribe un título de película",
    "inline_none": "Ninguna película encaja",
    # -- console -------------------------------------------------------------------------------
    "console.prompt": (
        "Escribe una pregunta, un título o un comando; un número elige una opción; 'salir' "
        "termina."
    ),
    # -- plain words, film cards and the first minute -----------------------------------------
    "cmd.pelicula.description": "la ficha de una película",
    "cmd.pelicula.argument": "película",
    "cmd.pelicula.example": "titanic",
    "card.runtime_hours": "{hours} h {minutes} min",
    "card.runtime_minutes": "{minutes} min",
    "card.rating": {
        "one": "⭐ {average}/10 ({votes} voto)",
        "other": "⭐ {average}/10 ({votes} votos)",
    },
    "card.no_votes": "⭐ sin votos",
    "card.saga": "🎞️ Saga: {name}",
    "card.tmdb": "TMDB: {url}",
    "card.imdb": "IMDb: {url}",
    "card.poster": "Póster: {url}",
    "button.return": "💰 Retorno",
    "button.similar": "🍿 Parecidas",
    "button.saga": "🎬 Saga",
    "button.tmdb": "TMDB",
    "button.imdb": "IMDb",
    "reading.mes": "🗓️ {label} (mes)",
    "reading.dia": "📅 {label} (día)",
    "reading.pais": "🌍 {label} (país)",
    "reading.franquicia": "🎞️ {label} (saga)",
    "reading.productora": "🏢 {label} (productora)",
    "reading.pelicula": "🎬 {label}",
    "reading.retorno": "💰 {label}",
    "reading.recomendar": "🍿 {label}",
    "not_understood.0": "🤔 No sé qué buscas con «{query}». Prueba, por ejemplo:",
    "not_understood.1": "🤷 No he entendido «{query}». Puedes preguntarme cosas como:",
    "not_understood.2": "🙈 «{query}» no me dice nada. ¿Qué tal alguna de estas?",
    "not_understood.greeting": "👋 ¡Hola! Escríbeme un título o una pregunta. Por ejemplo:",
    "not_understood.thanks": "😊 ¡De nada! ¿Algo más? Por ejemplo:",
    "not_understood.ack": "👍 ¿Algo más? Escríbeme un título o una pregunta, por ejemplo:",
    "example.1": "¿Cuántas películas se estrenaron en enero?",
    "example.2": "Titanic",
    "example.3": "Algo como Toy Story",
    "example.4": "¿Cuánto recaudó la saga de James Bond?",
    "example.5": "Películas de Pixar",
    "example.6": "¿Cuánto costó Jurassic Park?",
    "example.7": "Películas producidas en Francia",
    "example.8": "¿Cuántas se estrenaron un viernes?",
    "example.9": "Parecidas a Alien",
    "media_hint": "🎬 Solo leo texto: escríbeme un título (por ejemplo «titanic») o una pregunta.",
    "start.words": (
        "Escríbeme como a una persona: un título («titanic») o una pregunta "
        "(«¿cuántas películas se estrenaron en enero?»)."
    ),
    "start.year": "Si varias comparten título, añade el año: «titanic 1953».",
    "start.inline": "En cualquier chat, escribe @{bot} y un título para compartir su ficha.",
    "start.commands": "Comandos: {commands} · /help los explica.",
    "start.examples": "Toca un ejemplo:",
    # -- charts: titles, legends and notes drawn on the chart images ---------------------------
    "chart.by_month": "Estrenos por mes: {month}",
    "chart.by_weekday": "Estrenos por día de la semana: {weekday}",
    "chart.budget": "Presupuesto",
    "chart.revenue": "Recaudación",
    "chart.collection": "{name}: recaudación por película",
    "chart.decade": "{decade}",
    "chart.decade_movies": "Películas por década",
    "chart.decade_revenue": "Recaudación por década (conocida)",
    "chart.median": {
        "one": "Mediana de {year} ({n} película)",
        "other": "Mediana de {year} ({n} películas)",
    },
    "chart.return": "retorno ×{ratio}",
    "chart.doubtful.budget": "presupuesto de {money}: dato dudoso en la fuente",
    "chart.doubtful.revenue": "recaudación de {money}: dato dudoso en la fuente",
    "chart.doubtful.return": "retorno ×{ratio}: dato dudoso en la fuente",
    # -- report: the catalog report page (pelibot report) -------------------------------------
    "report.title": "Informe del catálogo de pelibot: {movies}",
    "report.section.summary": "El catálogo",
    "report.section.cleaning": "Limpieza",
    "report.section.releases": "Estrenos por año",
    "report.section.money": "Presupuesto y recaudación",
    "report.section.outliers": "Retornos atípicos",
    "report.section.collections": "Sagas con más películas",
    "report.section.companies": "Productoras con más películas",
    "report.section.countries": "Países con más películas",
    "report.section.genres": "Géneros a lo largo del tiempo",
    "report.section.title-words": "Palabras en los títulos",
    "report.fact.movies": "películas",
    "report.fact.years": "años",
    "report.fact.budget_known": "con presupuesto conocido",
    "report.fact.revenue_known": "con recaudación conocida",
    "report.fact.both_known": "con ambos conocidos",
    "report.fact.in_a_collection": "películas en una saga",
    "report.fact.collections": "sagas",
    "report.fact.companies": "productoras",
    "report.fact.countries": "países productores",
    "report.summary.note": (
        "En la fuente, presupuesto y recaudación valen 0 cuando no se conocen; todas las cifras "
        "de dinero de abajo usan solo los valores conocidos."
    ),
    "report.rows": {"one": "{count} fila", "other": "{count} filas"},
    "report.cleaning.text": {
        "one": "Archivo de origen {name} ({rows}, sha256 {sha}…), generado el {built}: "
               "{movies} publicada.",
        "other": "Archivo de origen {name} ({rows}, sha256 {sha}…), generado el {built}: "
                 "{movies} publicadas.",
    },
    "report.col.rule": "regla",
    "report.col.description": "qué hace",
    "report.col.rows_in": "filas de entrada",
    "report.col.rows_out": "filas de salida",
    "report.col.dropped": "descartadas",
    "report.col.unparseable": "celdas ilegibles",
    "report.movies": "películas",
    "report.budget": "presupuesto",
    "report.revenue": "recaudación",
    "report.releases.alt": "Gráfico de barras de las películas estrenadas cada año",
    "report.releases.text": {
        "one": "El año con más estrenos es {year}, con {count} estreno.",
        "other": "El año con más estrenos es {year}, con {count} estrenos.",
    },
    "report.money.alt": "Histogramas de presupuestos y recaudaciones, en escala logarítmica",
    "report.money.text": (
        "Escala logarítmica, solo valores conocidos; las barras por debajo de {limit} van en "
        "rojo: esas cifras no pueden ser reales para un largometraje estrenado."
    ),
    "report.money.panel": {
        "one": "{what}: {count} conocido",
        "other": "{what}: {count} conocidos",
    },
    "report.money.median": "mediana {money} (línea discontinua)",
    "report.col.known": "conocidos",
    "report.col.min": "mín.",
    "report.col.median": "mediana",
    "report.col.max": "máx.",
    "report.col.doubtful": "bajo {limit}",
    "report.outliers.text": {
        "one": "Retorno = recaudación / presupuesto, para la única película con ambos datos. "
               "Las vallas de Tukey sobre log10(retorno) están en {fences}: {above} por encima, "
               "{below} por debajo. Los retornos más extremos no son grandes inversiones sino "
               "datos erróneos: un presupuesto de {tiny} es una cifra en millones escrita como "
               "unidades, o un valor de relleno.",
        "other": "Retorno = recaudación / presupuesto, para las {movies} con ambos datos. "
                 "Las vallas de Tukey sobre log10(retorno) están en {fences}: {above} por "
                 "encima, {below} por debajo. Los retornos más extremos no son grandes "
                 "inversiones sino datos erróneos: un presupuesto de {tiny} es una cifra en "
                 "millones escrita como unidades, o un valor de relleno.",
    },
    "report.fences": "×{low} y ×{high}",
    "report.outliers.alt": "Dispersión del presupuesto frente a la recaudación, escala log-log",
    "report.col.title": "título",
    "report.col.year": "año",
    "report.col.return": "retorno",
    "report.col.why": "por qué",
    "report.why.budget": (
        "presupuesto de {money}: demasiado pequeño para ser real (seguramente millones escritos "
        "como unidades, o un valor de relleno)"
    ),
    "report.why.revenue": (
        "recaudación de {money}: demasiado pequeña para ser real (seguramente millones escritos "
        "como unidades, o un valor de relleno)"
    ),
    "report.why.return": (
        "un retorno de más de ×{limit}: seguramente una de las cifras está mal, revisa ambas"
    ),
    "report.why.hit": (
        "ambas cifras parecen verosímiles: un éxito de bajo presupuesto, pero conviene revisarlo"
    ),
    "report.why.flop": "un fracaso, o una recaudación registrada solo en parte",
    "report.why.usual": "dentro de lo habitual",
    "report.plot.plausible": "ambas cifras verosímiles",
    "report.plot.doubtful": "presupuesto o recaudación bajo {limit}, o retorno de más de ×{ratio}",
    "report.plot.return_one": "retorno ×1",
    "report.plot.upper": "valla superior ×{ratio}",
    "report.plot.lower": "valla inferior ×{ratio}",
    "report.top.alt": "Gráfico de barras: {heading}",
    "report.col.name": "nombre",
    "report.col.revenue_total": "recaudación (conocida)",
    "report.col.revenue_known": "películas con recaudación conocida",
    "report.genres.alt": "Gráfico de líneas: proporción de cada género por década",
    "report.genres.text": (
        "Proporción de las películas de cada década con cada uno de los {genres} géneros más "
        "comunes (una película puede tener varios); se omiten las décadas con menos de {least} "
        "películas."
    ),
    "report.genres.axis": "% de las películas de la década",
    "report.words.alt": "Nube de palabras de los títulos",
    "report.words.text": (
        "Las palabras que aparecen en más títulos, sin palabras vacías del inglés ni del "
        "español: {words}."
    ),
    # -- TMDB's fixed list of genres -----------------------------------------------------------
    "genre.Action": "Acción",
    "genre.Adventure": "Aventura",
    "genre.Animation": "Animación",
    "genre.Comedy": "Comedia",
    "genre.Crime": "Crimen",
    "genre.Documentary": "Documental",
    "genre.Drama": "Drama",
    "genre.Family": "Familia",
    "genre.Fantasy": "Fantasía",
    "genre.Foreign": "Extranjera",
    "genre.History": "Historia",
    "genre.Horror": "Terror",
    "genre.Music": "Música",
    "genre.Mystery": "Misterio",
    "genre.Romance": "Romance",
    "genre.Science Fiction": "Ciencia ficción",
    "genre.TV Movie": "Película de TV",
    "genre.Thriller": "Suspense",
    "genre.War": "Bélica",
    "genre.Western": "Western",
}
