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
    "start.try": "Try, for example:",
    # -- Telegram: around the answers ----------------------------------------------------------
    "apology": "Sorry, something went wrong. Please try again in a moment.",
    "stale_button": "That button no longer works. Please ask again with the command.",
    "chart_button": "📊 Chart",
    "chart_caption": "📊 {label}",
    "chart_unavailable": "There is no chart for this answer.",
    "chart_working": "Drawing the chart…",
    "private_hint": "Ask me with a command, for example /return titanic. /help lists them all.",
    "inline_figures": "Budget {budget} · Box office {revenue} · Return {ret}",
    "inline_similar": "Similar: {titles}",
    "inline_prompt": "Type a movie title",
    "inline_none": "No movie matches",
    # -- console -------------------------------------------------------------------------------
    "console.prompt": "Type a command, a number to pick a choice, or 'quit'.",
    # -- TMDB's fixed list of genres -----------------------------------------------------------
    **{f"genre.{name}": name for name in GENRES},
}
