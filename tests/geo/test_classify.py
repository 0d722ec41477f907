import pytest

from geo.classify import classify


@pytest.mark.parametrize(
    ("sentence", "dated", "kind"),
    [
        (
            "During the meeting, both sides agreed to conduct more joint operations against ISIS.",
            False,
            "agreement",
        ),
        (
            "Peshmerga forces carried out a clearance operation in Garmiyan on Monday.",
            True,
            "operation",
        ),
        (
            "ISIS militants ambushed a patrol near Daquq on Sunday, killing two soldiers.",
            True,
            "attack",
        ),
        ("Iraqi jets struck ISIS hideouts in the Hamrin mountains on Friday.", True, "airstrike"),
        ("Security forces arrested four ISIS suspects in Kirkuk on Thursday.", True, "arrest"),
        ("A delegation met in Baghdad on Saturday with the JOC.", True, "meeting"),
        ("Gunmen kidnapped two shepherds near Khanaqin on Thursday.", True, "attack"),
    ],
)
def test_sentence_type(sentence, dated, kind):
    verdict = classify(sentence, dated=dated)
    assert verdict is not None
    assert verdict.type == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "The Iraqi air force would provide air support to the joint operations.",
        "The air force routinely conducts airstrikes against suspected ISIS positions.",
        "The Peshmerga plan to launch a joint operation next week.",
        "ISIS remains capable of launching sporadic attacks against civilians.",
        "Security officials denied reports that ISIS had attacked a checkpoint.",
        "The agreement will enter into force as of Sunday.",
        "The coalition welcomed the agreement and the next steps.",
    ],
)
def test_what_did_not_happen_is_no_event(sentence):
    assert classify(sentence, dated=True) is None


def test_statistics_are_one_aggregate_record():
    verdict = classify(
        "Peshmerga units conducted at least 6 unilateral clearance operations "
        "against ISIS in the second quarter of 2022.",
        dated=True,
    )
    assert verdict is not None
    assert (verdict.type, verdict.aggregate, verdict.count, verdict.joint) == (
        "operation",
        True,
        6,
        False,
    )


def test_joint_operation_flag():
    verdict = classify(
        "Peshmerga and Iraqi forces jointly carried out an operation on Monday.", dated=True
    )
    assert verdict is not None
    assert verdict.joint is True


def test_trigger_inside_an_actor_name_is_ignored():
    # "Joint Operations Command" is an actor, not an operation.
    verdict = classify(
        "A delegation met the Joint Operations Command in Baghdad on Saturday.", dated=True
    )
    assert verdict is not None
    assert verdict.type == "meeting"
