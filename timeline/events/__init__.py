"""The event engine: who did what to whom, where, read from spaCy's parse.

``nlp`` loads the pipeline, ``entities`` finds and merges names, ``places`` geocodes
(with ``gazetteer``, the populated-places index, ``namesakes``, which chooses between
places of one name, ``place_phrases``, which reads a place phrase, and
``sentence_places``, which places an event at its sentence's places when its clause
names none), ``clauses`` reads subjects, counterparts and places off the parse,
``lexicon`` loads the rule files, ``taxonomy`` codes a clause's type (ours, ACLED,
CAMEO, PLOVER) and modality, ``roles`` its actor1/actor2, ``casualties`` its fatalities
and injuries, ``anchoring`` picks the time that dates an event, ``clause_events`` turns
one clause into one event, ``article_steps`` reads the article's events together and
``noise`` sets bylines, captions and link lists aside.
``timeline.pipeline`` joins this engine to the temporal one.
"""
