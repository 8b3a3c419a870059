"""What of a round's answers may be shown: no figure or count ever stands for fewer than five people.

The threshold counts people who gave an answer, not people who took part: five respondents of whom
four chose "don't know" on a statement have given one answer to it, and a figure over that statement
would be that one person's answer. So:

- **Dimensions.** A dimension's figure is the mean of all answers to its statements, and it is shown
  only when *every* statement of the dimension has at least ``MIN_RESPONDENTS`` answers other than
  "don't know"; otherwise the dimension has no figure. (Averaging only over the statements that reach
  the threshold would also keep small groups out, but the figure would then stand for different
  statements from round to round and from organisation to organisation, so the change and the
  network average would compare unlike things.) Thus no answer to a statement with fewer than five
  answers enters any figure, and the same holds for the change since the last round (a difference of
  two shown figures) and the network average (a mean of other organisations' shown figures).
- **Counts** (the facts): an option chosen by 1–4 people is shown as "fewer than five", never as its
  number. Because the number of respondents is shown, the people not accounted for by the shown
  counts (small options and those who left the question empty) can be worked out as a total; while
  that total is 1–4, the smallest shown count is hidden as well, until the total is 0 or at least five.
"""

from .models import MIN_RESPONDENTS

SMALL = "small"  # 1 to MIN_RESPONDENTS - 1 people: shown as "fewer than five"
HIDDEN = "hidden"  # large enough, hidden so that a small count cannot be worked out from the total


def dimension_means(
    statements: dict[int, list[int]], tallies: dict[int, tuple[int, int]]
) -> dict[int, float]:
    """The mean per dimension of ``statements`` ({dimension: [statement]}) from ``tallies``
    ({statement: (answers other than "don't know", their sum)}), leaving out every dimension that has
    a statement with fewer than MIN_RESPONDENTS answers."""
    means = {}
    for dimension, members in statements.items():
        counted = [tallies.get(pk, (0, 0)) for pk in members]
        if not counted or any(n < MIN_RESPONDENTS for n, _total in counted):
            continue
        means[dimension] = round(sum(total for _n, total in counted) / sum(n for n, _total in counted), 1)
    return means


def protect_counts(counts: dict[str, int], respondents: int) -> dict[str, int | str]:
    """The counts of one question's options as they may be shown: a number, SMALL or HIDDEN."""
    cells: dict[str, int | str] = {
        option: n if n == 0 or n >= MIN_RESPONDENTS else SMALL for option, n in counts.items()
    }
    while True:
        shown = {option: n for option, n in cells.items() if isinstance(n, int)}
        unaccounted = respondents - sum(shown.values())
        candidates = [option for option, n in shown.items() if n > 0]
        if not 0 < unaccounted < MIN_RESPONDENTS or not candidates:
            return cells
        cells[min(candidates, key=lambda option: (shown[option], option))] = HIDDEN
