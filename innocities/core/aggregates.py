"""Expressions Django lacks, computed in the database on both engines: percentiles and whole days
between two dates.

PostgreSQL has ``percentile_cont``; SQLite gets a Python aggregate registered on each new connection
(``install``) that interpolates the same way, so the rows never leave the database.
"""

import math

from django.db.backends.signals import connection_created
from django.db.models import Aggregate, FloatField, Func, IntegerField


class Percentile(Aggregate):
    """The continuous percentile (0..1) of an expression: 0.5 is the median."""

    function = "innocities_percentile"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError("a percentile lies between 0 and 1")
        self.fraction = float(fraction)
        super().__init__(expression, **extra)

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template=f"%(function)s(%(expressions)s, {self.fraction!r})", **extra
        )

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        if self.filter is not None:
            where, where_params = compiler.compile(self.filter)
            sql, params = f"CASE WHEN {where} THEN {sql} END", (*where_params, *params)
        return f"percentile_cont({self.fraction!r}) WITHIN GROUP (ORDER BY {sql})", params


class DaysBetween(Func):
    """Whole days from the date ``start`` to the date ``end`` (NULL when either is NULL)."""

    output_field = IntegerField()

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )


class _Interpolated:
    """PostgreSQL's percentile_cont: linear interpolation between the two closest ranks."""

    def __init__(self):
        self.values: list[float] = []
        self.fraction = 0.5

    def step(self, value, fraction):
        self.fraction = float(fraction)
        if value is not None:
            self.values.append(float(value))

    def finalize(self):
        if not self.values:
            return None
        values = sorted(self.values)
        position = self.fraction * (len(values) - 1)
        low, high = math.floor(position), math.ceil(position)
        return values[low] + (values[high] - values[low]) * (position - low)


def _register(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("innocities_percentile", 2, _Interpolated)


def install() -> None:
    connection_created.connect(_register, dispatch_uid="innocities-percentile")
