"""Frozen records: immutable dataclasses that pydantic checks where data comes in.

The workspace's records (app/model.py) and the protocols (app/protocol.py) are frozen
dataclasses, not pydantic models, so that the first screen paints before pydantic is loaded:
in the browser, installing pydantic-core, importing pydantic and building the models took
about 450 ms of every start (README, "How the page starts"). pydantic still checks every
record that comes from outside (a file, stored data, an action's fields), through a
`TypeAdapter` built on first use, and writes every file. The methods keep pydantic's names
(`model_copy`, `model_dump`, `model_validate`...), so that the core reads the same whether a
class is a record or a pydantic model (the actions, the summaries).

`from_plain` is the other way in, for data this app stored itself: JSON turned back into
records by their type hints, without pydantic and without checking values beyond their
types. Start-up reads the stored workspace with it; once pydantic is up, the shell reads the
same data again with every check and keeps that result if they differ (app/web/startup/checks.py).
"""

from __future__ import annotations

import dataclasses
import json
import operator
import types
import typing
from functools import cache
from typing import Any, Callable, Literal, TypeVar

R = TypeVar("R", bound="Frozen")
V = TypeVar("V", bound="Value")


@typing.dataclass_transform(kw_only_default=True, frozen_default=True)
def frozen(cls: type[V] | None = None, /, *, kw_only: bool = True) -> Any:
    """The class (a `Value`) as an immutable dataclass whose fields are given by name, or
    also in order (`@frozen(kw_only=False)`).

    Making the classes is most of what the first screen's imports cost in the browser:
    dataclasses writes the source of each class's `__init__`, `__eq__` and frozen
    `__setattr__`, then compiles it, and compiling is slow in Python's first seconds in
    the page. So dataclasses only reads the fields here (it still gives `fields()`,
    `replace()` and what pydantic reads), and `Value` holds those methods once for every
    class, from what is worked out below. A class without a docstring gets its name as
    one (dataclasses would otherwise write its signature there, which costs as much again).
    """
    if cls is None:
        return lambda cls: frozen(cls, kw_only=kw_only)
    if not issubclass(cls, Value):
        raise TypeError(f"@frozen makes subclasses of Value: {cls.__qualname__} is not one")
    cls.__doc__ = cls.__doc__ or cls.__name__
    cls = dataclasses.dataclass(init=False, repr=False, eq=False, match_args=False, kw_only=kw_only)(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    missing = dataclasses.MISSING
    # Every field in order, at its default (or None until its factory or the caller gives it).
    cls._template = {f.name: None if f.default is missing else f.default for f in fields}  # type: ignore[attr-defined]
    # What may come in order: the fields that are not keyword-only, as dataclasses would take them.
    positional = [f for f in fields if not f.kw_only]
    for before, after in zip(positional, positional[1:]):
        if after.default is missing and after.default_factory is missing and (
                before.default is not missing or before.default_factory is not missing):
            raise TypeError(f"non-default argument {after.name!r} follows default argument {before.name!r}")
    cls._positional = tuple(f.name for f in positional)  # type: ignore[attr-defined]
    cls._factories = tuple((f.name, f.default_factory) for f in fields if f.default_factory is not missing)  # type: ignore[attr-defined]
    cls._required = frozenset(  # type: ignore[attr-defined]
        f.name for f in fields if f.default is missing and f.default_factory is missing)
    values = operator.attrgetter(*cls._template) if fields else (lambda record: ())  # type: ignore[attr-defined]
    # A tuple for any number of fields; static, so that a function is not bound to the record.
    cls._values = staticmethod(values if len(fields) != 1 else (lambda record: (values(record),)))  # type: ignore[attr-defined]
    cls._post_init = hasattr(cls, "__post_init__")  # type: ignore[attr-defined]
    return cls


class Limits:
    """Bounds that pydantic checks, by the names of its `Field` (`min_length`, `max_length`,
    `ge`, `le`, `pattern`), in a field's `Annotated[...]`. annotated-types says the same, but importing
    it took 30 ms of the start for four bounds; this is read only when pydantic builds a
    checker, and gives the same checks, messages and JSON Schema."""

    def __init__(self, **bounds: int | str) -> None:
        self.bounds = bounds

    def __repr__(self) -> str:
        return f"Limits({', '.join(f'{k}={v}' for k, v in self.bounds.items())})"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        return {**schema, **self.bounds}


class Value:
    """An immutable value (`frozen` makes its subclasses): what dataclasses would write for
    each class, written once. Built by field names (and in order where the class allows
    it), compared and hashed by its fields' values, never changed once made."""

    # Set on each class by `frozen`.
    _template: typing.ClassVar[dict[str, Any]]
    _positional: typing.ClassVar[tuple[str, ...]]
    _factories: typing.ClassVar[tuple[tuple[str, Callable[[], Any]], ...]]
    _required: typing.ClassVar[frozenset[str]]
    _values: typing.ClassVar[Callable[[Any], tuple]]
    _post_init: typing.ClassVar[bool]

    def __init__(self, *args: Any, **values: Any) -> None:
        cls = type(self)
        template = cls._template
        if args:
            names = cls._positional
            if len(args) > len(names):
                raise TypeError(f"{cls.__qualname__}.__init__() takes {len(names) + 1} positional "
                                f"argument{'s' if names else ''} but {len(args) + 1} were given")
            given = dict(zip(names, args))
            for name in values:
                if name in given:
                    raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument {name!r}")
            values = given | values
        if not values.keys() <= template.keys():
            unknown = next(name for name in values if name not in template)
            raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument {unknown!r}")
        if not cls._required <= values.keys():
            missing = [name for name in template if name in cls._required and name not in values]
            kind = "positional" if missing[0] in cls._positional else "keyword-only"
            raise TypeError(f"{cls.__qualname__}.__init__() missing {len(missing)} required {kind} "
                            f"argument{'s' if len(missing) > 1 else ''}: {', '.join(map(repr, missing))}")
        state = {**template, **values}  # the fields' order, the given values
        for name, factory in cls._factories:
            if name not in values:
                state[name] = factory()
        object.__setattr__(self, "__dict__", state)
        if cls._post_init:
            self.__post_init__()  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self is other or self._values(self) == other._values(other)

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._template, self._values(self)))
        return f"{type(self).__name__}({fields})"


class Frozen(Value):
    """What records share: copies with changes, plain data, and pydantic at the boundaries."""

    __pydantic_config__ = {"extra": "ignore"}  # unknown fields are dropped, as files require

    def model_copy(self: R, *, update: dict[str, Any] | None = None) -> R:
        """A copy with the fields in `update` changed (unchecked, as pydantic's)."""
        return dataclasses.replace(self, **update) if update else self

    def model_dump(self, *, mode: str = "python", include: typing.Collection[str] | None = None,
                   exclude: typing.Collection[str] = ()) -> dict[str, Any]:
        """The fields as plain data: records become dicts; tuples, dicts and values stay
        (`mode="json"`: as JSON would hold them, through pydantic)."""
        if mode == "json":
            return adapter(type(self)).dump_python(self, mode="json", include=include, exclude=set(exclude) or None)
        return {
            name: _plain(value)
            for name, value in zip(self._template, self._values(self))
            if (include is None or name in include) and name not in exclude
        }

    def model_dump_json(self, **options: Any) -> str:
        """JSON as pydantic writes it (`exclude`, `exclude_defaults`...): needs pydantic."""
        return adapter(type(self)).dump_json(self, **options).decode()

    @classmethod
    def model_validate(cls: type[R], data: Any) -> R:
        """Checked by pydantic: a `ValidationError` names what is wrong."""
        return adapter(cls).validate_python(data)

    @classmethod
    def model_validate_json(cls: type[R], data: str | bytes) -> R:
        return adapter(cls).validate_json(data)


@cache
def adapter(cls: type) -> Any:
    """pydantic's validator and serializer of a record class, built once, on first use."""
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def _plain(value: Any) -> Any:
    if isinstance(value, Frozen):
        return value.model_dump()
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def dumps(record: Frozen) -> str:
    """A record as compact JSON, without pydantic (a timer in the page's markup, say)."""
    return json.dumps(record.model_dump(), separators=(",", ":"), ensure_ascii=False)


class NotPlain(ValueError):
    """Data that does not have the shape of the record: read it with pydantic instead."""


def from_plain(hint: Any, value: Any) -> Any:
    """`value` (parsed JSON) as the type `hint`: records built from dicts by their type hints
    (unknown keys dropped, missing ones at their defaults), lists as tuples, dict keys
    converted. Raises `NotPlain` where the data does not have that shape."""
    return _reader(hint)(value)


Reader = Callable[[Any], Any]


@cache
def _reader(hint: Any) -> Reader:
    """The function that reads values of type `hint`, made once per type: ten years of
    history are 5,000 records, read at start-up, where working out each field's type at
    each value took twice as long as pydantic's checked reading."""
    if isinstance(hint, type) and issubclass(hint, Frozen):
        return _record_reader(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        options = [option for option in args if option is not type(None)]
        if len(options) != 1 or len(args) != 2:
            raise NotPlain(f"{hint}: only `X | None` is read unchecked")
        inner = _reader(options[0])
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        if len(args) != 2 or args[1] is not Ellipsis:
            raise NotPlain(f"{hint}: only `tuple[X, ...]` is read unchecked")
        item = _reader(args[0])

        def read_tuple(value: Any) -> tuple:
            if type(value) is not list:
                raise NotPlain("a list")
            return tuple([item(each) for each in value])

        return read_tuple
    if origin is dict:
        key, item = _key_reader(args[0]), _reader(args[1])

        def read_dict(value: Any) -> dict:
            if type(value) is not dict:
                raise NotPlain("an object")
            return {key(k): item(v) for k, v in value.items()}

        return read_dict
    if origin is Literal:
        allowed = args

        def read_literal(value: Any) -> Any:
            if type(value) not in (str, int, bool) or value not in allowed:
                raise NotPlain(f"one of {allowed}")
            return value

        return read_literal
    if hint is Any:
        return lambda value: value
    if hint is float:

        def read_float(value: Any) -> float:
            if type(value) is float:
                return value
            if type(value) is int:
                return float(value)
            raise NotPlain(f"a number: {type(value).__name__}")

        return read_float
    if hint in (str, int, bool):

        def read_plain(value: Any) -> Any:
            if type(value) is not hint:
                raise NotPlain(f"{hint.__name__}: {type(value).__name__}")
            return value

        return read_plain
    raise NotPlain(f"{hint}: not read unchecked")


def _record_reader(cls: type) -> Reader:
    fields: dict[str, Reader] = {}

    def read_record(value: Any) -> Any:
        if type(value) is not dict:
            raise NotPlain(cls.__name__)
        if not fields:  # on first use: a record's fields may name classes defined after it
            fields.update({name: _reader(hint) for name, hint in _fields(cls).items()})
        try:
            return cls(**{name: fields[name](item) for name, item in value.items() if name in fields})
        except TypeError as error:  # a required field missing
            raise NotPlain(str(error)) from None

    return read_record


def _key_reader(hint: Any) -> Reader:
    if hint is int:

        def read_key(key: str) -> int:
            if not key.lstrip("-").isdigit():
                raise NotPlain("an integer key")
            return int(key)

        return read_key
    return lambda key: key


@cache
def _fields(cls: type) -> dict[str, Any]:
    """A record class's fields and their types (Annotated constraints left to pydantic)."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}
