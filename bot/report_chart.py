"""chart.png of the staff report: answers per topic (bars) and the no-answer rate per day (line)."""
import warnings
from pathlib import Path
from typing import Union

from bot.report import Digest

TOPICS_SHOWN = 20  # the most answered; the rest are in answers_per_topic.csv


def draw_chart(digest: Digest, path: Union[str, Path]) -> Path:
    """Draws the two panels into `path` (PNG) with matplotlib's Agg backend."""
    with warnings.catch_warnings():
        # matplotlib 3.5 (Rasa's pin) calls pyparsing names that pyparsing 3 deprecates.
        warnings.filterwarnings("ignore", message=".* deprecated - use ")
        return _draw(digest, Path(path))


def _draw(digest: Digest, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    rows = [row for row in digest.answers_per_topic() if row[1] > 0][:TOPICS_SHOWN]
    days = digest.daily()
    fig, (bars, line) = plt.subplots(
        2, 1, figsize=(10, 4 + 0.3 * max(len(rows), 4)),
        gridspec_kw={"height_ratios": [max(len(rows), 4), 6]}, constrained_layout=True)

    if rows:
        topics = [row[0] for row in reversed(rows)]  # most answered on top
        counts = [row[1] for row in reversed(rows)]
        drawn = bars.barh(topics, counts, color="#2f6f9f")
        bars.bar_label(drawn, padding=3)
        bars.set_xlim(0, max(counts) * 1.12)
        bars.xaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        bars.text(0.5, 0.5, "No answers yet", ha="center", va="center", transform=bars.transAxes)
        bars.set_yticks([])
    bars.set_title("Answers per topic")
    bars.set_xlabel("answers")

    if days:
        x = [d.day for d in days]
        rates = [d.no_answer_rate for d in days]
        line.plot(x, rates, marker="o", color="#c0392b")
        for day in days:
            line.annotate(f"{day.no_answers}/{day.content_turns}", (day.day, day.no_answer_rate),
                          textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
        line.set_ylim(0, min(1.0, max(rates) * 1.25 + 0.05))
        line.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        line.xaxis.set_major_formatter(DateFormatter("%d %b"))
        if len(days) <= 10:
            line.set_xticks(x)  # one tick per day, not hours in between
        else:
            line.xaxis.set_major_locator(AutoDateLocator(maxticks=12))
    else:
        line.text(0.5, 0.5, "No questions yet", ha="center", va="center", transform=line.transAxes)
    line.set_title("No-answer rate per day (not answered / questions about content)")
    line.set_ylabel("no-answer rate")
    line.grid(axis="y", alpha=0.3)

    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
