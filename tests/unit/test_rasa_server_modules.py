"""The Rasa server keeps JAX out: TensorFlow imports it when installed, Rasa never uses it."""
import subprocess
import sys

from scripts.assistant_process import PROJECT_ROOT

PROBE = ("import sys, bot.rasa_server as s; s.keep_out_unused_modules(); "
         "import tensorflow.lite.python.util; print('jaxlib' in sys.modules)")


def run_probe(tuning: str) -> str:
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", PROBE], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_ROOT),
                                                       "RUNTIME_TUNING": tuning, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_tensorflow_loads_without_jax_in_the_tuned_server():
    assert run_probe("on") == "False"


def test_stock_rasa_keeps_jax_as_it_ships():
    assert run_probe("off") == "True"
