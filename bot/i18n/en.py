"""English."""

from __future__ import annotations

GENRES = (
    "Action", "Adventure", "Animation", "Comedy", "Crime", "Documentary", "Drama", "Family",
    "Fantasy", "Foreign", "History", "Horror", "Music", "Mystery", "Romance", "Science Fiction",
    "TV Movie", "Thriller", "War", "Western",
)  # fmt: skip
"""TMDB's fixed list of genres: the source's own English names."""

STRINGS: dict[str, str | dict[str, str]] = {
    # -- commands: menu description, argument name and example argument ------------------------
    "cmd.mes.description": "releases in a month",
    "cmd.mes.argument": "month",
    "cmd.mes.example": "January",
    "cmd.dia.description": "releases on a weekday",
    "cmd.dia.argument": "day",
    "cmd.dia.example": "Saturday",
    "cmd.franquicia.description": "films and box office of a collection",
    "cmd.franquicia.argument": "collection",
    "cmd.franquicia.example": "toy story",
    "cmd.pais.description": "movies produced in a country",
    "cmd.pais.argument": "country",
    "cmd.pais.example": "United Kingdom",
    "cmd.productora.description": "films and box office of a company",
    "cmd.productora.argument": "company",
    "cmd.productora.example": "pixar",
    "cmd.retorno.description": "budget, box office and return",
    "cmd.retorno.argument": "title",
    "cmd.retorno.example": "titanic",
    "cmd.recomendar.description": "five similar movies",
    "cmd.recomendar.argument": "title",
    "cmd.recomendar.example": "toy story",
    "cmd.help.description": "how to use the bot",
    # -- answers -------------------------------------------------------------------------------
    "movies": {"one": "{count} movie", "other": "{count} movies"},
    "answer.month": {
        "one": "🗓️ {movies} was released in {month} (all years together).",
        "other": "🗓️ {movies} were released in {month} (all years together).",
    },
    "answer.weekday": {
        "one": "📅 {movies} was released on a {weekday}.",
        "other": "📅 {movies} were released on a {weekday}.",
    },
    "answer.country": "🌍 {country} ({iso}): {movies} produced there.",
    "answer.films": "Films: {count}",
    "revenue.none": "Box office: not in the catalog.",
    "revenue.total": "Total box office: {money}",
    "revenue.mean": "Average box office: {money}",
    "revenue.known": "Box office known for {known} of {count} films.",
    "return.budget": "Budget: {value}",
    "return.revenue": "Box office: {value}",
    "return.profit": "Profit: {value}",
    "return.loss": "Loss: {value}",
    "return.ratio": "Return: {value}",
    "return.unknown": "Return: cannot be computed without budget and box office.",
    "unknown_value": "unknown",
    "alternatives": "Others with that title: ",
    "recommend.head": "🍿 If you liked {title} ({year}):",
    "recommend.none": "I have no recommendations for this movie.",
    "reason.same_collection": "same collection",
    "reason.similar": "similar",
    "usage.usage": "Usage: {usage}",
    "usage.example": "Example: {example}",
    "not_found.mes": "🤷 I found no months matching “{query}”.",
    "not_found.dia": "🤷 I found no weekdays matching “{query}”.",
    "not_found.franquicia": "🤷 I found no collections matching “{query}”.",
    "not_found.pais": "🤷 I found no countries matching “{query}”.",
    "not_found.productora": "🤷 I found no companies matching “{query}”.",
    "not_found.retorno": "🤷 I found no movies matching “{query}”.",
    "not_found.recomendar": "🤷 I found no movies matching “{query}”.",
    "did_you_mean": "Did you mean…?",
    "ambiguous": "🤔 “{query}” could be several things. Which one?",
    "unknown_command": "I don't know the command {command}. Send /help to see what I can do.",
    # -- names, honest numbers and the catalog's years ------------------------------------------
    "answer.month_year": {
        "one": "🗓️ {movies} was released in {month} {year}.",
        "other": "🗓️ {movies} were released in {month} {year}.",
    },
    "catalog.years": "The catalog covers {first} to {last}.",
    "doubtful.mark": " (doubtful in the source)",
    "return.doubtful": (
        "Return: not stated, the source has a doubtful figure "
        "(probably millions typed as units)."
    ),
    "doubtful.films": {
        "one": "{count} film has doubtful figures in the source (added all the same).",
        "other": "{count} films have doubtful figures in the source (added all the same).",
    },
    "company.relatives": "Also (not counted here): {names}",
    "hint.mes.number": "Months go from 1 to 12; you can also type the name: January…",
    "hint.dia.number": "Days go from 1 (Monday) to 7 (Sunday); the name works too.",
    "hint.title": "Try the original title and the year, for example: {example}",
    "hint.inline": "Or search in any chat by typing @, my username and the title.",
    # -- help and start ------------------------------------------------------------------------
    "help.title": "What I can answer:",
    "help.forgiving": "Accents, case and typos are fine; if unsure, I ask back.",
    "start.greeting": "🎬 Hi! I'm pelibot: facts about {movies} movies, from {first} to {last}.",
    # -- Telegram: around the answers ----------------------------------------------------------
    "apology": "Sorry, something went wrong. Please try again in a moment.",
    "stale_button": "That button no longer works. Please ask again with the command.",
    "chart_button": "📊 Chart",
    "chart_caption": "📊 {label}",
    "chart_unavailable": "There is no chart for this answer.",
    "chart_working": "Drawing the chart…",
    "inline_figures": "Budget {budget} · Box office {revenue} · Return {ret}",
    "inline_similar": "Similar: {titles}",
    "inline_prompt": "Type a movie title",
    "inline_none": "No movie matches",
    # -- console -------------------------------------------------------------------------------
    "console.prompt": (
        "Type a question, a title or a command; a number picks a choice; 'quit' ends."
    ),
    # -- plain words, film cards and the first minute -----------------------------------------
    "cmd.pelicula.description": "a film's card",
    "cmd.pelicula.argument": "title",
    "cmd.pelicula.example": "titanic",
    "card.runtime_hours": "{hours} h {minutes} min",
    "card.runtime_minutes": "{minutes} min",
    "card.rating": {
        "one": "⭐ {average}/10 ({votes} vote)",
        "other": "⭐ {average}/10 ({votes} votes)",
    },
    "card.no_votes": "⭐ no votes",
    "card.saga": "🎞️ Collection: {name}",
    "card.tmdb": "TMDB: {url}",
    "card.imdb": "IMDb: {url}",
    "card.poster": "Poster: {url}",
    "button.return": "💰 Return",
    "button.similar": "🍿 Similar",
    "button.saga": "🎬 Collection",
    "button.tmdb": "TMDB",
    "button.imdb": "IMDb",
    "reading.mes": "🗓️ {label} (month)",
    "reading.dia": "📅 {label} (weekday)",
    "reading.pais": "🌍 {label} (country)",
    "reading.franquicia": "🎞️ {label} (collection)",
    "reading.productora": "🏢 {label} (company)",
    "reading.pelicula": "🎬 {label}",
    "reading.retorno": "💰 {label}",
    "reading.recomendar": "🍿 {label}",
    "not_understood.0": "🤔 I'm not sure what you mean by “{query}”. Try, for example:",
    "not_understood.1": "🤷 I didn't get “{query}”. You can ask me things like:",
    "not_understood.2": "🙈 “{query}” doesn't ring a bell. How about one of these?",
    "not_understood.greeting": "👋 Hi! Send me a title or a question. For example:",
    "not_understood.thanks": "😊 You're welcome! Anything else? For example:",
    "not_understood.ack": "👍 Anything else? Send me a title or a question, for example:",
    "example.1": "How many films came out in January?",
    "example.2": "Titanic",
    "example.3": "Something like Toy Story",
    "example.4": "How much did the James Bond films earn?",
    "example.5": "Pixar movies",
    "example.6": "What was the budget of Jurassic Park?",
    "example.7": "Films made in France",
    "example.8": "How many films came out on a Friday?",
    "example.9": "Movies similar to Alien",
    "media_hint": "🎬 I only read text: send me a title (say “titanic”) or a question.",
    "start.words": (
        "Write to me as to a person: a title (“titanic”) or a question "
        "(“how many films came out in January?”)."
    ),
    "start.year": "When several share a title, add the year: “titanic 1953”.",
    "start.inline": "In any chat, type @{bot} and a title to share its card.",
    "start.commands": "Commands: {commands} · /help explains them.",
    "start.examples": "Tap an example:",
    # -- charts: titles, legends and notes drawn on the chart images ---------------------------
    "chart.by_month": "Releases by month: {month}",
    "chart.by_weekday": "Releases by weekday: {weekday}",
    "chart.budget": "Budget",
    "chart.revenue": "Box office",
    "chart.collection": "{name}: box office per film",
    "chart.decade": "{decade}s",
    "chart.decade_movies": "Movies per decade",
    "chart.decade_revenue": "Box office per decade (known)",
    "chart.median": {"one": "{year} median ({n} film)", "other": "{year} median ({n} films)"},
    "chart.return": "return ×{ratio}",
    "chart.doubtful.budget": "a {money} budget: doubtful in the source data",
    "chart.doubtful.revenue": "a {money} box office: doubtful in the source data",
    "chart.doubtful.return": "a ×{ratio} return: doubtful in the source data",
    # -- report: the catalog report page (pelibot report) -------------------------------------
    "report.title": "pelibot catalog report: {movies}",
    "report.section.summary": "The catalog",
    "report.section.cleaning": "Cleaning",
    "report.section.releases": "Releases per year",
    "report.section.money": "Budget and box office",
    "report.section.outliers": "Return outliers",
    "report.section.collections": "Top collections",
    "report.section.companies": "Top production companies",
    "report.section.countries": "Top production countries",
    "report.section.genres": "Genres over time",
    "report.section.title-words": "Words in titles",
    "report.fact.movies": "movies",
    "report.fact.years": "years",
    "report.fact.budget_known": "budget known",
    "report.fact.revenue_known": "box office known",
    "report.fact.both_known": "both known",
    "report.fact.in_a_collection": "movies in a collection",
    "report.fact.collections": "collections",
    "report.fact.companies": "production companies",
    "report.fact.countries": "production countries",
    "report.summary.note": (
        "Budget and box office are 0 in the source when unknown; every money figure below uses "
        "known values only."
    ),
    "report.rows": {"one": "{count} row", "other": "{count} rows"},
    "report.cleaning.text": (
        "Source file {name} ({rows}, sha256 {sha}…), built {built}: {movies} published."
    ),
    "report.col.rule": "rule",
    "report.col.description": "what it does",
    "report.col.rows_in": "rows in",
    "report.col.rows_out": "rows out",
    "report.col.dropped": "dropped",
    "report.col.unparseable": "cells not parsed",
    "report.movies": "movies",
    "report.budget": "budget",
    "report.revenue": "box office",
    "report.releases.alt": "Bar chart of movies released per year",
    "report.releases.text": {
        "one": "The busiest year is {year} with {count} release.",
        "other": "The busiest year is {year} with {count} releases.",
    },
    "report.money.alt": "Histograms of budgets and box office, log scale",
    "report.money.text": (
        "Log scale, known values only; bars under {limit} are red: such figures cannot be real "
        "for a released feature film."
    ),
    "report.money.panel": "{what}: {count} known",
    "report.money.median": "median {money} (dashed line)",
    "report.col.known": "known",
    "report.col.min": "min",
    "report.col.median": "median",
    "report.col.max": "max",
    "report.col.doubtful": "under {limit}",
    "report.outliers.text": {
        "one": "Return = box office / budget, for the only movie with both known. Tukey fences "
               "on log10(return) lie at {fences}: {above} above, {below} below. The most "
               "extreme returns are not great investments but bad data: a budget of {tiny} is "
               "a figure in millions typed as units, or a placeholder.",
        "other": "Return = box office / budget, for the {movies} with both known. Tukey fences "
                 "on log10(return) lie at {fences}: {above} above, {below} below. The most "
                 "extreme returns are not great investments but bad data: a budget of {tiny} "
                 "is a figure in millions typed as units, or a placeholder.",
    },
    "report.fences": "×{low} and ×{high}",
    "report.outliers.alt": "Scatter of budget against box office, log-log",
    "report.col.title": "title",
    "report.col.year": "year",
    "report.col.return": "return",
    "report.col.why": "why",
    "report.why.budget": (
        "budget of {money}: too small to be real (probably millions entered as units, or a "
        "placeholder)"
    ),
    "report.why.revenue": (
        "box office of {money}: too small to be real (probably millions entered as units, or a "
        "placeholder)"
    ),
    "report.why.return": (
        "a return above ×{limit}: one of the figures is probably wrong, check both"
    ),
    "report.why.hit": "both figures look plausible: a low-budget hit, but worth checking",
    "report.why.flop": "a flop, or box office only partly recorded",
    "report.why.usual": "within the usual range",
    "report.plot.plausible": "both figures plausible",
    "report.plot.doubtful": "budget or box office under {limit}, or a return above ×{ratio}",
    "report.plot.return_one": "return ×1",
    "report.plot.upper": "upper fence ×{ratio}",
    "report.plot.lower": "lower fence ×{ratio}",
    "report.top.alt": "Bar chart: {heading}",
    "report.col.name": "name",
    "report.col.revenue_total": "box office (known)",
    "report.col.revenue_known": "films with known box office",
    "report.genres.alt": "Line chart of genre shares per decade",
    "report.genres.text": (
        "Share of each decade's movies tagged with the {genres} commonest genres (a movie can "
        "have several); decades with fewer than {least} movies are left out."
    ),
    "report.genres.axis": "% of the decade's movies",
    "report.words.alt": "Word cloud of words in movie titles",
    "report.words.text": (
        "Words used in most titles, without English and Spanish stopwords: {words}."
    ),
    # -- TMDB's fixed list of genres -----------------------------------------------------------
    **{f"genre.{name}": name for name in GENRES},
}
