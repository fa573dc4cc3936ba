"""Plain-text helpers shared by ingestion and the temporal engine."""
