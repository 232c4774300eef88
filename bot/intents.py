"""The intents of the answering core, grouped by what they ask, and how sure a guess must be."""

# Below this intent confidence the assistant does not answer on its own guess.
LOW_CONFIDENCE_THRESHOLD = 0.30

# Questions about a topic the page tells rather than lists; each is answered by its summary.
TOPIC_INTENTS = {
    "ask_international_relations": "international-relations",
    "ask_welcome_centre": "welcome-centre",
    "ask_internationalisation_policy": "internationalisation-policy",
    "ask_international_trade": "international-trade",
}
TOPIC_INTENT_OF = {topic: intent for intent, topic in TOPIC_INTENTS.items()}

PARTNER_CITY_INTENTS = ("ask_partner_cities", "ask_is_partner_city", "ask_city_link")

# The classifier's ways of saying it found no question about the page.
UNSURE_INTENTS = ("out_of_scope", "nlu_fallback")
