"""The public health route (GET /webhooks/health/public) says up or down, nothing about the store."""
from bot.health_channel import public_view


def test_healthy_is_ok_only():
    assert public_view((200, {"status": "ok", "tracker_store": "SQLTrackerStore", "database": "reachable"})) == (
        200, {"status": "ok"})


def test_unhealthy_keeps_its_status_and_drops_the_reason():
    details = {"status": "unhealthy", "database": "unreachable",
               "reason": "the database does not answer: connection to 10.0.0.5:5432 refused"}
    assert public_view((503, details)) == (503, {"status": "unhealthy"})
