"""Which of two readings of a typed title to give (`resolver.TitleResolver`): the title read
without its qualifier or whole (`surer`), with its spelling corrected or as typed
(`spelt_better`). Pure functions of two resolutions."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.titles.resolver import TitleResolution


def surer(unqualified: TitleResolution, whole: TitleResolution) -> bool:
    """Whether the title read without its qualifier is the surer reading: confident without a
    warning, and its evidence closer than any of the whole title's ("Night Filler", "Student
    Teacher": known titles, stay whole; "student nurse" matches no name as closely as "nurse")."""
    if not unqualified.confident or unqualified.warning or not unqualified.candidates:
        return False
    if not whole.confident or not whole.candidates:
        return True
    closest_whole = max(c.label_score for c in whole.candidates)
    return unqualified.candidates[0].label_score > closest_whole + 1e-3


def named(resolution: TitleResolution) -> bool:
    """Whether the title reads, surely, as a name the taxonomy gives an occupation (an ESCO
    label, a curated title, its level said as ESCO says it)."""
    return resolution.confident and resolution.candidates[0].exact


def spelt_better(spelt: TitleResolution, typed: TitleResolution, sure: bool) -> bool:
    """Whether the title with its spelling corrected is the reading to give: where the title as
    typed finds no confident match at all ("Translater", "recepsionist") and the corrected one
    does; or where the correction is a long word's plain typo (`sure`: `spelling.sure_typos`)
    that makes the title a name of the taxonomy and the title as typed is none ("bookeeper",
    read plainly as *bookmaker*: *bookkeeper*; "warehouse supervisior", doubtfully as *warehouse
    worker*: *warehouse manager*). Known job titles are full of rare trade words one letter from
    common ones ("Weeder", "Serger", "Knotter", "Planter"): on the noisy set's development part,
    each title left out of the known titles, correcting also a doubtful or a plain reading changed
    47 or 31 titles' first occupation for the worse against 7 or 5 for the better; taking a
    correction that makes the title a name changed 15 for the worse, none for the better (with
    words of 8 letters or more: 2 and none; of 9 or more, as `sure`: no title changed)."""
    if spelt.confident and not typed.confident:
        return True
    return sure and named(spelt) and not named(typed)
