"""The typed records behind the content and theme models: leniency, limits, errors."""

import pickle
from typing import Annotated, Literal

import pytest

from brochure.records import After, Before, Field, Invalid, Record, Refused


def _upper(value: str) -> str:
    if value == "no":
        raise Refused("said_no", "said no")
    return value.upper()


class Inner(Record):
    size: float = Field(10, gt=3, le=200)
    on: bool = True


class Outer(Record):
    name: Annotated[str, Before(str), After(_upper)]
    kind: Literal["a", "b"] = "a"
    count: int = Field(1, ge=1)
    cmyk: tuple[float, float, float, float] = (0, 0, 0, 0)
    items: Annotated[list[Inner], Field(max_length=2)] = Field(default_factory=list)
    named: dict[str, Inner] = Field(default_factory=dict)
    inner: Inner | None = None


def problems(data) -> list[tuple]:
    with pytest.raises(Invalid) as caught:
        Outer.read(data)
    return [(e["type"], e["loc"]) for e in caught.value.errors]


def test_values_are_read_leniently_as_yaml_and_csv_cells_need():
    outer = Outer.read({"name": 5, "count": "3", "cmyk": [0, "40", 100, 0.5],
                        "items": [{"size": "12", "on": "no"}], "inner": {"on": 1}})
    assert (outer.name, outer.count, outer.cmyk) == ("5", 3, (0.0, 40.0, 100.0, 0.5))
    assert outer.items == [Inner(size=12.0, on=False)]
    assert outer.inner.on is True and outer.inner.size == 10


def test_every_problem_is_reported_at_its_place():
    assert sorted(problems({"kind": "c", "count": 2.5, "cmyk": [1, 2, 3], "zz": 1,
                            "items": [{"size": 1}, {"on": "maybe"}, {}],
                            "named": {"x": {"size": None}}, "inner": "text"})) == sorted([
        ("missing", ("name",)), ("literal_error", ("kind",)), ("int_from_float", ("count",)),
        ("missing", ("cmyk", 3)), ("greater_than", ("items", 0, "size")),
        ("bool_parsing", ("items", 1, "on")), ("float_type", ("named", "x", "size")),
        ("model_type", ("inner",)), ("extra_forbidden", ("zz",))])


def test_limits_on_lists_and_after_functions_refuse():
    assert problems({"name": "no", "items": [{}, {}, {}]}) == [
        ("said_no", ("name",)), ("too_long", ("items",))]


def test_records_are_frozen_comparable_hashable_and_picklable():
    inner = Inner(size=20)
    with pytest.raises(AttributeError):
        inner.size = 30
    assert inner == Inner(size="20") and hash(inner) == hash(Inner(size=20.0))
    assert inner != Inner(size=21)
    outer = Outer.read({"name": "x", "named": {"k": {}}})
    assert pickle.loads(pickle.dumps(outer)) == outer
    assert outer.dump()["named"] == {"k": {"size": 10, "on": True}}


def test_defaults_from_factories_are_not_shared():
    assert Outer.read({"name": "a"}).items is not Outer.read({"name": "b"}).items


class Tagged(Record):
    tag: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")]
    size: float = Field(10, gt=3)
    items: int  # named like a Record method, and still required


def test_odd_numbers_and_texts_are_refused_not_crashed_on():
    def kinds(data):
        with pytest.raises(Invalid) as caught:
            Tagged.read({"tag": "en", "items": 1, **data})
        return [(e["type"], e["input"]) for e in caught.value.errors]

    assert kinds({"size": 10**400}) == [("float_parsing", 10**400)]
    assert kinds({"tag": "en-GB\n"}) == [("string_pattern_mismatch", "en-GB\n")]
    assert kinds({"items": "1e1"}) == [("int_parsing", "1e1")]
    assert kinds({"items": "\u0663"}) == [("int_parsing", "\u0663")]  # an Arabic-Indic 3
    assert kinds({"size": True}) == [("greater_than", True)]  # shown as written
    assert Tagged.read({"tag": "en-GB", "items": " 7 "}).items == 7
    with pytest.raises(Invalid):
        Tagged.read({"tag": "en"})  # items is missing
    with pytest.raises(Invalid):
        Inner.read({"on": " Yes "})


def test_a_field_cannot_be_deleted():
    inner = Inner()
    with pytest.raises(AttributeError):
        del inner.size
