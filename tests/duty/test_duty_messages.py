"""Why a duty change was refused, in the officer's words: no code, state value or
contract sentence of the platform's shows through (views/duty/messages.py)."""

from __future__ import annotations

from services.duty.contract import pattern_problem, person_problem
from services.duty.refusals import REVERSED, TIMES_FIXED, Refusal
from views.duty.messages import problem_text, refusal_text


def test_swap_states_are_named_not_coded():
    text = refusal_text(Refusal("swap_move", "approved", REVERSED))
    assert text == "The swap is approved already; it cannot be undone now."
    assert refusal_text(Refusal("swap_move", "withdrawn", "accepted")) == \
        "The swap is withdrawn already; it cannot be accepted now."


def test_the_contract_sentences_are_said_in_the_officers_words():
    too_long = pattern_problem({"name": "长班", "room": "CQ", "zone": "Asia/Shanghai", "start_time": "08:00",
                                "end_time": "21:00", "posts": [["officer", 1]]}, 12)
    assert problem_text(too_long) == "A shift of 13 hours is longer than the maximum of 12 hours."
    phone = person_problem({"person_name": "李四", "phone": "call me"})
    assert refusal_text(Refusal("person", "李四", phone)) == "李四: The phone number is not valid."
    assert problem_text("start_time must be a time of day as HH:MM") == "Start must be a time of day such as 08:30."
    assert refusal_text(Refusal("pattern", "白班", TIMES_FIXED)).endswith("retire it and add a new one.")
    assert problem_text("something new") == "something new"  # an unknown sentence stays as it is


def test_a_swap_whose_place_is_gone_says_so():
    assert "entry-1" not in refusal_text(Refusal("unknown_entry", "entry-1"))
