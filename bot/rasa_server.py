"""`rasa run` with the HTTP API set from the environment: python -m bot.rasa_server run --model ...

The same as `python -m rasa run ...`, plus the arguments of Rasa's HTTP API
when RASA_ENABLE_API is on (bot/security_settings.py): --enable-api with
--auth-token or --jwt-secret. They are added here, inside the process, so the
token never appears in the process list (`ps` shows every user the command line).
Refuses to start, exit 2, when the API is on without a token. Rasa's
telemetry is switched off here whatever the environment says.
"""
import os
import sys

from bot.security_settings import SettingsError, rasa_api_arguments

# TensorFlow 2.12 imports JAX whenever it is installed (tensorflow.lite's
# helpers try `from jax import ...`); Rasa never uses it, and it costs the
# server about 70 MB. A None entry makes that import fail as if JAX were
# missing, which TensorFlow handles. Off with RUNTIME_TUNING=off (stock Rasa).
UNUSED_MODULES = ("jax",)


def keep_out_unused_modules(env=os.environ) -> None:
    if env.get("RUNTIME_TUNING", "on").lower() != "off":
        for name in UNUSED_MODULES:
            sys.modules.setdefault(name, None)


def main() -> None:
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"  # before Rasa reads it
    keep_out_unused_modules()
    try:
        sys.argv += rasa_api_arguments(os.environ)
    except SettingsError as error:
        print(f"rasa_server: {error}", file=sys.stderr)
        sys.exit(2)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
