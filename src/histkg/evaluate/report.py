"""The evaluation report: rows of precision, recall and accuracy."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path


class EvaluationError(ValueError):
    """A missing or unreadable gold folder, graph or source text (a user error)."""


def require_shared_documents(graph: str, gold: str, gold_codes: set[str], matched_codes: set[str],
                             source_files: list[str]) -> None:
    """A graph that holds none of the documents the gold describes gets a clear error, not `P 0/0 R 0/0`."""
    if not gold_codes or matched_codes:
        return
    held = ", ".join(sorted(Path(file).name for file in source_files)[:3]) or "no source at all"
    more = f" and {len(source_files) - 3} more" if len(source_files) > 3 else ""
    described = ", ".join(f"{code}_*" for code in sorted(gold_codes))
    raise EvaluationError(f"the gold {gold} and the graph {graph} share no document: the gold describes files "
                          f"{described}, the graph holds {held}{more}")


@dataclass
class Row:
    """One line of the report. Rates are in [0, 1], or None where undefined."""

    type: str
    level: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    accuracy: float | None = None
    counts: dict[str, int] = field(default_factory=dict)
    note: str = ""


@dataclass
class Report:
    graph: str
    gold: str
    rows: list[Row] = field(default_factory=list)
    lists: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def row(self, type_: str, level: str) -> Row:
        for row in self.rows:
            if row.type == type_ and row.level == level:
                return row
        raise KeyError((type_, level))

    def to_json(self) -> str:
        """The same numbers as the table (rates rounded to 3 decimals), the lists and the notes."""
        data = asdict(self)
        for row in data["rows"]:
            for name in ("precision", "recall", "f1", "accuracy"):
                if row[name] is not None:
                    row[name] = round(row[name], 3)
        return json.dumps(data, ensure_ascii=False, indent=2)

    def to_text(self, verbose: bool = False) -> str:
        header = ("type", "level", "P", "R", "F1", "acc", "counts")
        table = [header] + [(row.type, row.level, _fmt(row.precision), _fmt(row.recall), _fmt(row.f1),
                             _fmt(row.accuracy), _counts_text(row)) for row in self.rows]
        widths = [max(len(line[i]) for line in table) for i in range(len(header))]
        lines = [f"evaluation of {self.graph} against {self.gold}", ""]
        for line in table:
            cells = [line[0].ljust(widths[0]), line[1].ljust(widths[1])]
            cells += [cell.rjust(widths[i + 2]) for i, cell in enumerate(line[2:6])]
            cells.append(line[6])
            lines.append("  ".join(cells).rstrip())
        if self.notes:
            lines.append("")
            lines += [f"note: {note}" for note in self.notes]
        if verbose:
            for title, items in self.lists.items():
                lines += ["", f"{title} ({len(items)}):"]
                lines += [f"  {item}" for item in items] or ["  (none)"]
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _counts_text(row: Row) -> str:
    c = dict(row.counts)
    parts = []
    if "pred" in c:
        parts.append(f"P {c.pop('pred_ok', 0)}/{c.pop('pred')}")
    if "gold" in c:
        parts.append(f"R {c.pop('gold_ok', 0)}/{c.pop('gold')}")
    if "total" in c:
        parts.append(f"{c.pop('ok', 0)}/{c.pop('total')}")
    parts += [f"{key}={value}" for key, value in c.items()]
    text = "  ".join(parts)
    return f"{text}  ({row.note})" if row.note else text


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _pr_row(type_: str, level: str, pred_ok: int, pred: int, gold_ok: int, gold: int, note: str = "") -> Row:
    p, r = _ratio(pred_ok, pred), _ratio(gold_ok, gold)
    return Row(type_, level, p, r, _f1(p, r), None,
               {"pred_ok": pred_ok, "pred": pred, "gold_ok": gold_ok, "gold": gold}, note)


def _recall_row(type_: str, level: str, gold_ok: int, gold: int, note: str = "") -> Row:
    return Row(type_, level, None, _ratio(gold_ok, gold), None, None, {"gold_ok": gold_ok, "gold": gold}, note)


def _acc_row(type_: str, level: str, ok: int, total: int, note: str = "", **extra: int) -> Row:
    return Row(type_, level, None, None, None, _ratio(ok, total), {"ok": ok, "total": total, **extra}, note)


