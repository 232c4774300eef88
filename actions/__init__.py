"""Custom actions of the assistant (rasa-sdk). Thin: the logic lives in bot/."""
