"""The event engine: who did what to whom, where, read from spaCy's parse.

``nlp`` loads the pipeline, ``entities`` finds and merges names, ``places`` geocodes,
``clauses`` reads subjects, counterparts and places off the parse, ``lexicon`` loads the
rule files, ``anchoring`` picks the time that dates an event, and ``clause_events`` turns
one clause into one event. ``timeline.pipeline`` joins this engine to the temporal one.
"""
