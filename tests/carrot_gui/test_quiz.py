"""Predict, then reveal without a window: reading typed guesses, the tolerance's verdict, the score, and the
questions the Expression and Network labs make from their recorded backward passes."""

import numpy as np
import pytest

from carrot_gui.expression.playback import EDGE
from carrot_gui.expression.predict import EdgeQuestions
from carrot_gui.expression.session import load_source
from carrot_gui.network.backward import BackwardPlayback
from carrot_gui.network.lab_model import NetworkLabModel
from carrot_gui.network.predict import LayerQuestions
from carrot_gui.quiz import GuessError, Question, Quiz, Tolerance, Verdict, parse_guess, verdict_text


@pytest.mark.parametrize(
    ("text", "shape", "expected"),
    [
        ("2", (), 2.0),
        (" -0.5 ", (), -0.5),
        ("1e-3", (), 0.001),
        ("−0.25", (), -0.25),  # the minus sign the app itself prints
        ("[3.0]", (), 3.0),
        ("[0.42, -0.42]", (2,), [0.42, -0.42]),
        ("0.42 -0.42", (2,), [0.42, -0.42]),
        ("[[0.42 -0.42]\n [0.1  0.2 ]]", (2, 2), [[0.42, -0.42], [0.1, 0.2]]),  # as NumPy prints
        ("[1, 2, 3, 4]", (2, 2), [[1, 2], [3, 4]]),  # the numbers in order
    ],
)
def test_guesses_are_read_as_students_type_them(text, shape, expected):
    got = parse_guess(text, shape)
    assert got.shape == shape
    np.testing.assert_allclose(got, expected)


@pytest.mark.parametrize(
    ("text", "shape", "words"),
    [
        ("", (), "Type your guess"),
        ("two", (), "“two” is not a number"),
        ("[1, 2", (2,), "not closed"),
        ("1, 2]", (2,), "without its"),
        ("[[1, 2], [3]]", (2, 2), "different lengths"),
        ("[1, 2]", (), "one number"),
        ("1", (2, 2), "4 numbers (shape 2×2)"),
        ("nan", (), "finite"),
    ],
)
def test_a_bad_entry_says_what_to_type(text, shape, words):
    with pytest.raises(GuessError, match=words.replace("(", r"\(").replace(")", r"\)")):
        parse_guess(text, shape)


def test_the_tolerance_decides_the_verdict():
    q = Question("k", "z → x", np.asarray(4.0), "∂z/∂x = y = 4.0, so 1.0 × 4.0 = 4.0")
    quiz = Quiz(Tolerance(0.01, 0.01))
    assert quiz.answer(q, "4.06").verdict == Verdict.WRONG  # 0.06 > 0.01 + 1 % of 4
    quiz.set_tolerance(0.02, 0.0)
    assert quiz.answer(q, "4.05").verdict == Verdict.RIGHT  # 0.05 ≤ 2 % of 4
    assert quiz.answer(q, "4.1").verdict == Verdict.WRONG
    assert Tolerance(0.0, 0.0).accepts(np.asarray(np.inf), np.asarray(np.inf))


def test_the_score_counts_right_wrong_and_revealed_and_a_bad_entry_changes_nothing():
    quiz = Quiz()
    changes = []
    quiz.changed.connect(lambda: changes.append(1))
    qs = [Question(k, f"q{k}", np.asarray(float(k)), "") for k in range(4)]
    assert quiz.score_text() == "No answers yet"
    quiz.answer(qs[0], "0")
    quiz.answer(qs[1], "5")
    with pytest.raises(GuessError):
        quiz.answer(qs[2], "oops")
    assert not quiz.answered(2) and len(changes) == 2
    quiz.answer(qs[2], "2.0")
    quiz.reveal(qs[3])
    assert quiz.score_text() == "2 of 4 right"
    assert quiz.summary_text() == "Done: ✓ 2 right · ✗ 1 wrong · ◇ 1 revealed"
    assert quiz.end_text() == "Pass done: 2 of 4 right — ✓ 2 right, ✗ 1 wrong, ◇ 1 revealed without a guess"
    wrong = verdict_text(quiz.outcome(1), lambda a: f"{float(a):.1f}")
    assert wrong.startswith("✗ Wrong: you said 5.0, it is 1.0")
    quiz.reset()
    assert quiz.outcomes == {} and quiz.score_text() == "No answers yet"


def test_every_edge_of_the_recorded_backward_is_a_question_with_its_rule():
    tl = load_source("a = 3.0; z = a*2 + a*3").timeline()
    questions = EdgeQuestions(tl)
    assert questions.indices == [k for k, s in enumerate(tl.steps) if s.kind == EDGE]
    answers = {q.prompt.split(":")[0]: float(q.answer) for q in map(questions.question, questions.indices)}
    assert answers == {"z → a·2": 1.0, "z → a·3": 1.0, "a·3 → a": 3.0, "a·2 → a": 2.0}
    last = questions.question(questions.indices[-1])
    assert last.rule == "∂(a·2)/∂a = 2, so 1.0 × 2.0 = 2.0"
    assert "∇ ?" not in last.prompt and "2.0" not in last.prompt.split("(")[0]  # the prompt tells nothing


def test_playback_may_not_pass_an_unanswered_question():
    tl = load_source("x = 2.0; y = 4.0; z = x*y").timeline()
    questions, quiz = EdgeQuestions(tl), Quiz()
    first, second = questions.indices
    assert questions.limit(quiz, 0, len(tl)) == first  # stops before the first edge fires
    assert questions.pending(quiz, first).rule == "∂z/∂x = y = 4.0, so 1.0 × 4.0 = 4.0"
    assert questions.pending(quiz, first - 1) is None
    quiz.answer(questions.question(first), "4")
    assert questions.limit(quiz, first, len(tl)) == second
    assert questions.limit(quiz, second, 1) == 1  # going back is always free
    quiz.reveal(questions.question(second))
    assert questions.limit(quiz, 0, len(tl)) == len(tl) and questions.finished(quiz)


def test_each_layer_of_the_network_asks_for_one_weight_gradient_with_its_rule():
    session = NetworkLabModel().session  # the XOR preset
    session.step()
    playback = BackwardPlayback(session)
    questions = LayerQuestions(playback)
    quiz = Quiz()
    assert questions.limit(quiz, 0, len(playback)) == 0
    for stop in range(1, len(playback) + 1):
        layer, i, j = questions.weight(stop)
        assert layer == playback.layer(stop)
        q = questions.question(stop)
        true = playback.gradients(len(playback))[layer][i, j]
        assert float(q.answer) == true
        a, d = questions._terms(layer, i, j)
        assert np.isclose((a * d).sum(), true)  # the rule's numbers give the answer
        assert q.rule.startswith(f"∂L/∂w{chr(0x2080 + i + 1)}{chr(0x2080 + j + 1)} = Σ a")
        assert "over the 10 samples, so" in q.rule
        quiz.reveal(q)
    assert questions.finished(quiz)
