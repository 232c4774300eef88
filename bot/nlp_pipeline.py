"""Builds the spaCy pipeline that Rasa's SpacyNLP loads (no model download).

A blank English pipeline with the lookup lemmatizer from spacy-lookups-data
(so the featurizer sees "partners" and "partner" as one word) and an entity
ruler whose phrases are every alias in the knowledge base, each labelled with
its kind and carrying its knowledge-base id.

    python -m bot.nlp_pipeline [--out var/spacy/en_kb]
"""
import argparse
from pathlib import Path

import spacy

from bot.knowledge import DEFAULT_DIR, load_knowledge_base
from bot.names import AliasIndex

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "var" / "spacy" / "en_kb"


def build_pipeline(knowledge_dir: Path = DEFAULT_DIR) -> "spacy.language.Language":
    index = AliasIndex(load_knowledge_base(knowledge_dir))
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    nlp.initialize()  # loads the lookup tables from spacy-lookups-data
    ruler.add_patterns(index.phrase_patterns())
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    nlp = build_pipeline()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    print(f"spaCy pipeline with {len(nlp.get_pipe('entity_ruler'))} name patterns written to {args.out}")


if __name__ == "__main__":
    main()
