"""`make bench`: our assistant against Rasa's default configuration on the same data.

    make bench                                   # or: make bench BENCH_ARGS=--quick
    .venv/bin/python scripts/bench.py [--quick] [--only ours|default] [--no-production] [--out results/bench.md]

One run measures, for config.yml (ours) and config.default.yml (Rasa 3.6's
default pipeline and policies, trained on the same domain.yml and data/):

- training time and model size (models are cached by fingerprint; a cached
  model reports the training time recorded when it was trained);
- in-process NLU parse latency p50/p95 (Agent.load + parse_message over 100
  real questions of tests/eval/cases.yml, after a warm-up; scripts/parse_latency.py);
- start to ready of Rasa and the action server (scripts/assistant_process.py);
- REST reply latency p50/p95 at 1, 10 and 50 concurrent users, a bounded load
  of real conversations on loopback (scripts/load.py), and the sustained
  messages per second over a fixed time at 50 users, with errors;
- peak memory (VmHWM) of the Rasa server and of the action server;
- the evaluation figures of tests/eval/cases.yml (scripts/eval_cases.py).

Then the throughput of production mode with 1 and 2 instances, when
scripts/production.py exists. The servers of one configuration run at a time.
Prints one table (metric | ours | Rasa default | ratio | target) and writes it as
Markdown to results/bench.md; the servers' logs stay in var/logs/bench/. A
measurement, not a test: exit 0 even when a target is missed (the table says
so) or a measurement failed (its cell says why). --quick uses small loads, to
check the benchmark itself; its figures are not the ones to quote. The first
run trains Rasa's default configuration (about 7 minutes on 2 cores); later
runs reuse it until data/, domain.yml or config.default.yml change.
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.assistant_process import start_assistant  # noqa: E402
from scripts.default_config import DEFAULT_CONFIG, OUR_CONFIG, ensure_model  # noqa: E402
from scripts.load import LoadResult, run_load  # noqa: E402

OURS, DEFAULT, UNTUNED = "ours", "default", "ours-untuned"
CONFIGS = {OURS: OUR_CONFIG, DEFAULT: DEFAULT_CONFIG}
# Stock Rasa: our channel installs fixes for measured per-turn costs
# (bot/runtime_tuning.py) unless this is set. The default configuration is
# measured as Rasa ships it, and ours once more without the fixes.
STOCK_RASA = {"RUNTIME_TUNING": "off"}
WARM_UP_MESSAGES = 20


@dataclass(frozen=True)
class Plan:
    levels: Tuple[Tuple[int, int], ...]  # (users, messages) for the latency rows
    sustained_users: int
    sustained_seconds: float
    production_seconds: float
    parse_questions: int


FULL = Plan(levels=((1, 200), (10, 500), (50, 500)), sustained_users=50, sustained_seconds=60.0,
            production_seconds=45.0, parse_questions=100)
QUICK = Plan(levels=((1, 30), (10, 60), (50, 100)), sustained_users=50, sustained_seconds=10.0,
             production_seconds=10.0, parse_questions=30)


NOTES = [
    "Load: scripts/load.py on loopback, short real conversations (questions, follow-ups that run the "
    "knowledge-base action, an out-of-scope one), a fresh sender per conversation; it runs on the same "
    "2 cores as the servers. Latencies are of successful replies.",
    "Rasa default runs on stock Rasa (RUNTIME_TUNING=off); ours with the fixes of bot/runtime_tuning.py, "
    "and once more without them (the last rows, same configuration and model).",
    "Both configurations run with endpoints.yml (SQLite tracker store, in-memory lock store), one at a time; "
    "production mode with endpoints.prod.yml (nginx, PostgreSQL tracker, Redis locks, one action server).",
]


# --- measuring ---------------------------------------------------------------------------

def say(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", flush=True)


def peak_memory_mb(pid: int) -> Optional[float]:
    """VmHWM (peak resident set) of a process and its descendants, in MB (10^6 bytes)."""
    return memory_mb(pid, "VmHWM")


def memory_mb(pid: int, field: str = "VmRSS") -> Optional[float]:
    """A memory field of /proc/<pid>/status (VmRSS: resident now) over a process and its descendants, in MB."""
    total_kib = 0
    for each in [pid, *descendants(pid)]:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith(f"{field}:"):
                total_kib += int(line.split()[1])
    return total_kib * 1024 / 1e6 if total_kib else None


def descendants(pid: int) -> List[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found += [int(c) for c in children]
        todo += [int(c) for c in children]
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its descendants so far (/proc/<pid>/stat)."""
    ticks = 0
    for each in [pid, *descendants(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time all processes of the machine have used so far, over all cores (/proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")  # guest time is already in user


def cpu_shares(run: Callable[[], Any], pids: Dict[str, int]) -> Tuple[Any, Dict[str, float]]:
    """run()'s result and the CPU each process, this one (the load generator) and everything
    else on the machine (other people's work: noise) used meanwhile, in % of one core."""
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    own, busy = os.times(), machine_busy_seconds()
    began = time.monotonic()
    result = run()
    wall = time.monotonic() - began
    after = os.times()
    shares = {name: 100 * (cpu_seconds(pid) - before[name]) / wall for name, pid in pids.items()}
    shares["load generator"] = 100 * (after.user + after.system - own.user - own.system) / wall
    shares["other processes"] = max(0.0, 100 * (machine_busy_seconds() - busy) / wall - sum(shares.values()))
    return result, shares


def scratch_env(folder: Path) -> Dict[str, str]:
    """The action server's local stores in `folder`: the benchmark leaves no tickets or votes behind.

    No rate limits (bot/rate_limit.py): the load is many messages a second from
    one address, and stock Rasa has none either.
    """
    return {"HANDOFF_DB": str(folder / "handoff.sqlite3"), "FEEDBACK_DB": str(folder / "feedback.sqlite3"),
            "HELPDESK_URL": "", "RATE_LIMIT": "off"}


def parse_latency(model: Path, questions: int, log_dir: Path) -> Dict[str, float]:
    """scripts/parse_latency.py in a process of its own; its last stdout line is JSON."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    log = log_dir / f"parse-{model.stem}.log"
    with open(log, "w") as stderr:
        done = subprocess.run([sys.executable, str(ROOT / "scripts" / "parse_latency.py"), "--model", str(model),
                               "--questions", str(questions)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=stderr, text=True, timeout=600)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"parse_latency.py failed (exit {done.returncode}), see {log}")
    return json.loads(lines[-1])


def evaluation(url: str, cases: Path, out: Path) -> Dict[str, Any]:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_cases.py"), "--cases", str(cases),
                           "--url", url, "--json", str(out)], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)
    if done.returncode == 2 or not out.is_file():
        raise RuntimeError(f"eval_cases.py failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
    return json.loads(out.read_text())["assistant"]


def guarded(figures: Dict[str, Any], key: str, what: Callable[[], Any]) -> Any:
    """Runs one measurement; a failure is recorded as the figure ("failed: ...") and the run goes on."""
    try:
        figures[key] = what()
    except Exception as error:  # noqa: BLE001 - a benchmark reports what broke and goes on
        figures[key] = Failure(f"{type(error).__name__}: {error}")
        say(f"{key} failed: {error}")
        traceback.print_exc()
    return figures[key]


class Failure(str):
    """A measurement that could not be taken; its text says why."""


def measure(label: str, config: str, plan: Plan, cases: Path, scratch: Path,
            extra_env: Optional[Dict[str, str]] = None, full: bool = True) -> Dict[str, Any]:
    figures: Dict[str, Any] = {}
    log_dir = ROOT / "var" / "logs" / "bench" / label  # kept after the run, to look into failures
    data_dir = scratch / label  # tracker store, handoff inbox, evaluation figures: thrown away
    for folder in (log_dir, data_dir):
        folder.mkdir(parents=True, exist_ok=True)
    say(f"{label}: model of {config} (training it if it is not cached; the default takes many minutes)")
    trained = guarded(figures, "model", lambda: ensure_model(ROOT, config, ROOT / "var" / "logs",
                                                             measure_cached=(config == OUR_CONFIG)))
    if isinstance(trained, Failure):
        return figures
    say(f"{label}: {trained.path.relative_to(ROOT)} {'cached' if trained.cached else 'trained now'}, "
        f"training time {fmt(trained.train_seconds, ' s', 1)} ({trained.how_measured})"
        + ("" if trained.inputs_current else f"; {config}, domain.yml or data/ changed while it trained: "
           "the next run trains again"))

    if full:
        say(f"{label}: in-process NLU parse latency")
        guarded(figures, "parse", lambda: parse_latency(trained.path, plan.parse_questions, log_dir))

    # The project's endpoints, with a tracker store of this run's own.
    endpoints = data_dir / "endpoints.yml"
    text = (ROOT / "endpoints.yml").read_text()
    if "db: var/tracker.db" not in text:
        say(f"{label}: endpoints.yml names no var/tracker.db: the run uses its tracker store as it is")
    endpoints.write_text(text.replace("db: var/tracker.db", f"db: {data_dir / 'tracker.db'}"))
    say(f"{label}: starting Rasa and the action server")
    try:
        assistant = start_assistant(trained.path, endpoints=endpoints, log_dir=log_dir,
                                    env={**scratch_env(data_dir), **(extra_env or {})})
    except Exception as error:  # noqa: BLE001
        figures["ready"] = Failure(f"{type(error).__name__}: {str(error)[:300]}")
        say(f"{label}: the assistant did not start: {error}")
        return figures
    with assistant:
        figures["ready"] = assistant.startup_seconds
        say(f"{label}: ready in {assistant.startup_seconds:.1f} s at {assistant.url}")
        run_load(assistant.url, 1, WARM_UP_MESSAGES)  # warm-up, not counted
        for users, messages in (plan.levels if full else [level for level in plan.levels if level[0] == 10]):
            result = guarded(figures, f"load{users}", lambda: run_load(assistant.url, users, messages, 600.0))
            say(f"{label}: {result.summary() if isinstance(result, LoadResult) else result}")
        pids = {"Rasa": assistant.rasa.process.pid, "actions": assistant.actions.process.pid}
        result, figures["sustained_cpu"] = cpu_shares(lambda: guarded(
            figures, "sustained", lambda: run_load(assistant.url, plan.sustained_users, 20_000,
                                                   plan.sustained_seconds)), pids)
        say(f"{label}: sustained: {result.summary() if isinstance(result, LoadResult) else result}")
        if not full:
            return figures
        say(f"{label}: evaluation on {os.path.relpath(cases, ROOT)}")
        guarded(figures, "eval", lambda: evaluation(assistant.url, cases, data_dir / "eval.json"))
        figures["rasa_mb"] = peak_memory_mb(assistant.rasa.process.pid)
        figures["actions_mb"] = peak_memory_mb(assistant.actions.process.pid)
        dead = assistant.exited_child()
        if dead is not None:
            say(f"{label}: a server stopped during the benchmark: {dead.describe_exit()}")
    return figures


def production_throughput(model: Path, instances: int, plan: Plan, scratch: Path) -> LoadResult:
    """Sustained msg/s through nginx with `instances` Rasa servers (PostgreSQL tracker, Redis locks)."""
    from scripts.production import start_production  # the production mode's module

    run_dir = scratch / f"production-{instances}"
    # Free ports and a run folder of our own: a `make prod` may be running.
    with start_production(model, instances=instances, port=None, rasa_port=None, actions_port=None,
                          run_dir=run_dir, env=scratch_env(run_dir)) as production:
        run_load(production.url, 1, WARM_UP_MESSAGES)  # warm-up, not counted
        return run_load(production.url, plan.sustained_users, 20_000, plan.production_seconds)


# --- the table -----------------------------------------------------------------------------

def fmt(value: Any, unit: str = "", digits: int = 0) -> str:
    if isinstance(value, Failure):
        return f"failed ({value[:80]})"
    if value is None:
        return "n/a"
    return f"{value:.{digits}f}{unit}"


def number(value: Any) -> Optional[float]:
    return None if value is None or isinstance(value, (Failure, str)) else float(value)


def ratio(ours: Any, default: Any, lower_is_better: bool) -> str:
    """default/ours when lower is better, ours/default when higher is: above 1 favours ours."""
    ours, default = number(ours), number(default)
    if ours is None or default is None:
        return "-"
    if ours == default == 0:
        return "equal (both 0)"
    if (ours if lower_is_better else default) == 0:
        return f"{'ours' if lower_is_better else 'default'} 0"
    value = default / ours if lower_is_better else ours / default
    return f"{value:.2f}x ({'default/ours' if lower_is_better else 'ours/default'})"


def target(value: Any, limit: float, at_most: bool, shown: str) -> str:
    value = number(value)
    if value is None:
        return f"{shown}: not measured"
    met = value <= limit if at_most else value >= limit
    return f"{shown}: {'met' if met else 'MISSED'}"


def cpu_text(shares: Optional[Dict[str, float]]) -> str:
    return "n/a" if not shares else ", ".join(f"{name} {share:.0f}" for name, share in shares.items())


def get(figures: Dict[str, Any], key: str, attribute: str) -> Any:
    """figures[key].attribute (or [attribute]), passing a Failure or a missing figure through."""
    item = figures.get(key)
    if item is None or isinstance(item, Failure):
        return item
    return item[attribute] if isinstance(item, dict) else getattr(item, attribute)


def share(figures: Dict[str, Any], name: str) -> Any:
    overall = get(figures, "eval", "overall")
    if overall is None or isinstance(overall, Failure):
        return overall
    return None if overall[name] is None else 100 * overall[name]


def passed(figures: Dict[str, Any], part: str, whole: str) -> str:
    overall = get(figures, "eval", "overall")
    if overall is None or isinstance(overall, Failure):
        return fmt(overall)
    return f"{overall[part]}/{overall[whole]}"


def rows(ours: Dict[str, Any], default: Dict[str, Any], plan: Plan,
         production: Dict[int, Any]) -> List[Tuple[str, str, str, str, str]]:
    table: List[Tuple[str, str, str, str, str]] = []

    def row(metric: str, o: Any, d: Any, unit: str = "", digits: int = 0, lower_is_better: bool = True,
            goal: str = "") -> None:
        table.append((metric, fmt(o, unit, digits), fmt(d, unit, digits), ratio(o, d, lower_is_better), goal))

    def training(figures: Dict[str, Any]) -> Any:
        model = figures.get("model")
        return model if model is None or isinstance(model, Failure) else model.train_seconds

    def cached(figures: Dict[str, Any]) -> str:
        model = figures.get("model")
        return fmt(model) if model is None or isinstance(model, Failure) else model.how_measured

    row("training time", training(ours), training(default), " s", 1)
    table.append(("  model: cached? training time from", cached(ours), cached(default), "", ""))
    size = {k: (f["model"].size_bytes / 1e6 if f.get("model") and not isinstance(f["model"], Failure) else None)
            for k, f in ((OURS, ours), (DEFAULT, default))}
    row("model size", size[OURS], size[DEFAULT], " MB", 1)
    row("start to ready (Rasa + action server)", ours.get("ready"), default.get("ready"), " s", 1,
        goal=target(ours.get("ready"), 15, True, "<= 15 s"))
    for name in ("p50", "p95"):
        row(f"NLU parse latency {name}, in process ({plan.parse_questions} questions)",
            get(ours, "parse", f"{name}_ms"), get(default, "parse", f"{name}_ms"), " ms", 1)
    for users, messages in plan.levels:
        key = f"load{users}"
        for name in ("p50", "p95"):
            goal = target(get(ours, key, "p95_ms"), 250, True, "<= 250 ms") if (users, name) == (10, "p95") else ""
            row(f"REST latency {name}, {users} user{'s' if users > 1 else ''} ({messages} messages)",
                get(ours, key, f"{name}_ms"), get(default, key, f"{name}_ms"), " ms", goal=goal)
        row(f"  msg/s at {users} user{'s' if users > 1 else ''}", get(ours, key, "per_second"),
            get(default, key, "per_second"), "", 1, lower_is_better=False)
        goal = target(get(ours, key, "errors"), 0, True, "0 errors") if users == 50 else ""
        row(f"  errors at {users} user{'s' if users > 1 else ''}", get(ours, key, "errors"),
            get(default, key, "errors"), goal=goal)
    label = f"sustained msg/s, {plan.sustained_users} users for {plan.sustained_seconds:.0f} s"
    o, d = get(ours, "sustained", "per_second"), get(default, "sustained", "per_second")
    enough = number(o) is not None and number(d) is not None and number(d) > 0
    row(label, o, d, "", 1, lower_is_better=False,
        goal=(f">= 3x default: {'met' if number(o) >= 3 * number(d) else 'MISSED'}" if enough
              else ">= 3x default: not measured"))
    row("  errors (sustained)", get(ours, "sustained", "errors"), get(default, "sustained", "errors"))
    row("  messages sent (sustained)", get(ours, "sustained", "sent"), get(default, "sustained", "sent"),
        lower_is_better=False)
    table.append(("  CPU meanwhile, % of one core", cpu_text(ours.get("sustained_cpu")),
                  cpu_text(default.get("sustained_cpu")), "", ""))
    row("peak memory, Rasa server (VmHWM)", ours.get("rasa_mb"), default.get("rasa_mb"), " MB",
        goal=target(ours.get("rasa_mb"), 800, True, "<= 800 MB"))
    row("peak memory, action server (VmHWM)", ours.get("actions_mb"), default.get("actions_mb"), " MB")
    for name, part, whole, better_low in (("answered correctly", "in_scope_passed", "in_scope_cases", False),
                                          ("refused correctly", "no_answer_passed", "no_answer_cases", False),
                                          ("wrongly answered out-of-scope", "no_answer_answered",
                                           "no_answer_cases", True)):
        key = name.replace(" ", "_").replace("-", "_")
        o, d = share(ours, key), share(default, key)
        table.append((f"eval: {name}", f"{fmt(o, ' %', 1)} ({passed(ours, part, whole)})",
                      f"{fmt(d, ' %', 1)} ({passed(default, part, whole)})",
                      ratio(o, d, better_low), ""))
    row("eval: failed requests", get(ours, "eval", "failed_requests"), get(default, "eval", "failed_requests"))
    for instances in (1, 2):
        result = production.get(instances)
        if isinstance(result, LoadResult):
            shown = f"{result.per_second:.1f} ({result.errors} errors, p95 {result.p95_ms:.0f} ms)"
        else:
            shown = result if isinstance(result, str) else "not run"
        table.append((f"production mode, {instances} instance{'s' if instances > 1 else ''}: msg/s "
                      f"({plan.sustained_users} users, {plan.production_seconds:.0f} s)", shown, "-", "-", ""))
    return table


def untuned_rows(ours: Dict[str, Any], untuned: Dict[str, Any], plan: Plan) -> List[Tuple[str, ...]]:
    """What the runtime fixes give: ours with them (first column) and without (second)."""
    table = []
    for key, name in (("load10", "msg/s at 10 users"), ("sustained", "sustained msg/s")):
        o, u = get(ours, key, "per_second"), get(untuned, key, "per_second")
        table.append((f"{name}: ours (with fixes) / ours on stock Rasa", fmt(o, "", 1), fmt(u, "", 1),
                      ratio(o, u, False) + " (with/without)", ""))
    o, u = get(ours, "load10", "p95_ms"), get(untuned, "load10", "p95_ms")
    table.append(("REST latency p95 at 10 users: ours (with fixes) / ours on stock Rasa", fmt(o, " ms"),
                  fmt(u, " ms"), ratio(o, u, True) + " (without/with)", ""))
    return table


def skipped_notes(figures: Dict[str, Dict[str, Any]]) -> List[str]:
    notes = []
    for label, config in CONFIGS.items():
        model = figures[label].get("model")
        if model is not None and not isinstance(model, Failure) and model.skipped:
            notes.append(f"{config}: Rasa skipped training {', '.join(model.skipped)}: data/ has no "
                         "training data for them (its warning in the training log).")
    return notes


def machine() -> str:
    cpu = platform.machine()
    try:
        names = [line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Linux {platform.release()}, "
            f"Python {platform.python_version()}, Rasa {metadata.version('rasa')}, "
            f"load average at start {load}")


def render_text(table: List[Tuple[str, ...]], header: Tuple[str, ...]) -> str:
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, table)])


def render_markdown(table: List[Tuple[str, ...]], header: Tuple[str, ...]) -> str:
    cell = lambda c: c.replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(cell(c) for c in r) + " |" for r in table])


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small loads, to check the benchmark itself")
    parser.add_argument("--cases", type=Path, default=ROOT / "tests" / "eval" / "cases.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "bench.md")
    parser.add_argument("--only", choices=[OURS, DEFAULT], help="measure one configuration only")
    parser.add_argument("--no-production", action="store_true", help="leave production mode out")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    began = time.monotonic()
    host = machine()
    say(f"machine: {host}")

    figures: Dict[str, Dict[str, Any]] = {OURS: {}, DEFAULT: {}, UNTUNED: {}}
    production: Dict[int, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        for label, config in CONFIGS.items():
            if args.only in (None, label):
                figures[label] = measure(label, config, plan, args.cases.resolve(), Path(scratch),
                                         extra_env=STOCK_RASA if label == DEFAULT else None)
        if args.only in (None, OURS):
            figures[UNTUNED] = measure(UNTUNED, OUR_CONFIG, plan, args.cases.resolve(), Path(scratch),
                                       extra_env=STOCK_RASA, full=False)
        model = figures[OURS].get("model")
        if args.no_production:
            production = {n: "left out (--no-production)" for n in (1, 2)}
        elif not (ROOT / "scripts" / "production.py").is_file():
            production = {n: "not available yet (scripts/production.py does not exist)" for n in (1, 2)}
        elif model is None or isinstance(model, Failure):
            production = {n: "not run (no model of ours)" for n in (1, 2)}
        else:
            for instances in (1, 2):
                say(f"production mode, {instances} instance(s)")
                try:
                    production[instances] = production_throughput(model.path, instances, plan, Path(scratch))
                    say(f"production {instances}: {production[instances].summary()}")
                except Exception as error:  # noqa: BLE001
                    production[instances] = f"failed ({type(error).__name__}: {str(error)[:120]})"
                    say(f"production mode with {instances} instance(s) failed: {error}")
                    traceback.print_exc()

    header = ("metric", "ours (config.yml)", "Rasa default (config.default.yml)",
              "ratio (>1: ours better)", "target (ours)")
    table = rows(figures[OURS], figures[DEFAULT], plan, production)
    table += untuned_rows(figures[OURS], figures[UNTUNED], plan)
    minutes = (time.monotonic() - began) / 60
    stamp = time.strftime("%Y-%m-%d %H:%M")
    footer = "\n".join([
        f"Total benchmark time {minutes:.1f} min{' (--quick)' if args.quick else ''}.",
        "Ratios: default/ours for times, sizes, latencies, memory and errors; ours/default for rates "
        "and shares; above 1 favours ours.",
        *NOTES, *skipped_notes(figures)])
    print()
    print(f"Benchmark {stamp}, machine: {host}")
    print(render_text(table, header))
    print(footer)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(f"# Benchmark, {stamp}\n\nMachine: {host}\n\n`make bench` (scripts/bench.py"
                        f"{' --quick' if args.quick else ''})\n\n{render_markdown(table, header)}\n\n"
                        + "\n".join(f"- {line}" for line in footer.splitlines()) + "\n")
    print(f"Written to {os.path.relpath(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
