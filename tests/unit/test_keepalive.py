"""Calls to one endpoint share one open HTTP session within an event loop."""
from rasa.utils.endpoints import EndpointConfig

from bot import keepalive


async def test_calls_to_one_endpoint_share_a_session_that_stays_open():
    endpoint = EndpointConfig(url="http://127.0.0.1:5055/webhook")
    async with keepalive.kept_session(endpoint) as first:
        pass
    async with keepalive.kept_session(endpoint) as second:
        pass
    assert first is second and not first.closed
    await first.close()


async def test_a_closed_session_is_replaced():
    endpoint = EndpointConfig(url="http://127.0.0.1:5055/webhook")
    async with keepalive.kept_session(endpoint) as first:
        await first.close()
    async with keepalive.kept_session(endpoint) as second:
        assert second is not first and not second.closed
    await second.close()


async def test_different_endpoints_get_their_own_session():
    one, other = EndpointConfig(url="http://127.0.0.1:1/a"), EndpointConfig(url="http://127.0.0.1:2/b")
    async with keepalive.kept_session(one) as first, keepalive.kept_session(other) as second:
        assert first is not second
    await first.close()
    await second.close()


def test_install_makes_rasa_use_the_kept_session(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", keepalive._make_session)
    keepalive.install()
    assert EndpointConfig.session is keepalive.kept_session
