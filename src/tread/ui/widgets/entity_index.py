"""The entity index: entities grouped by kind, with counts and the colour legend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree

from tread.core.article import Entity
from tread.core.entities.kinds import KIND_COLOURS, KINDS


@dataclass(frozen=True, slots=True)
class EntityKey:
    label: str
    text: str


class EntityIndex(Tree[object]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "toggle_kind", "Show/hide kind", id="toggle-kind"),
    ]

    class EntityChosen(Message):
        def __init__(self, key: EntityKey) -> None:
            super().__init__()
            self.key = key

    class KindToggled(Message):
        def __init__(self, kind: str) -> None:
            super().__init__()
            self.kind = kind

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("entities"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._groups: dict[str, dict[EntityKey, list[Entity]]] = {}
        self._hidden: frozenset[str] = frozenset()

    def show_notice(self, message: str) -> None:
        self.clear()
        self._groups = {}
        self.root.add_leaf(Text(message, style="dim italic"), data=None)

    def show_entities(self, entities: list[Entity], hidden: frozenset[str]) -> None:
        groups: dict[str, dict[EntityKey, list[Entity]]] = {kind: {} for kind in KINDS}
        for e in entities:
            key = EntityKey(e.label, " ".join(e.text.split()))
            groups[e.kind].setdefault(key, []).append(e)
        self._groups = groups
        self._hidden = hidden
        self._render_tree()

    def set_hidden(self, hidden: frozenset[str]) -> None:
        self._hidden = hidden
        self._render_tree()

    def occurrences(self, key: EntityKey) -> list[Entity]:
        for group in self._groups.values():
            if key in group:
                return group[key]
        return []

    def _render_tree(self) -> None:
        expanded = {str(n.data) for n in self.root.children if n.is_expanded}
        self.clear()
        if not any(self._groups.values()):
            self.root.add_leaf(Text("no entities found", style="dim italic"), data=None)
            return
        for number, kind in enumerate(KINDS, 1):
            group = self._groups.get(kind, {})
            total = sum(len(v) for v in group.values())
            hidden = kind in self._hidden
            label = Text.assemble(
                Text("■ " if not hidden else "□ ", style=KIND_COLOURS[kind]),
                Text(f"{kind} ", style="bold" if not hidden else "dim strike"),
                Text(f"{total}  [{number}]", style="dim"),
            )
            if not group:  # still a line of the legend, with nothing to expand
                self.root.add_leaf(label, data=kind)
                continue
            node = self.root.add(label, data=kind, expand=str(kind) in expanded or not expanded)
            ordered = sorted(group.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
            for key, items in ordered:
                node.add_leaf(
                    Text.assemble(
                        Text(key.text, style=KIND_COLOURS[kind]),
                        Text(f"  {len(items)}", style="dim"),
                    ),
                    data=key,
                )

    def on_tree_node_selected(self, event: Tree.NodeSelected[object]) -> None:
        event.stop()
        if isinstance(event.node.data, EntityKey):
            self.post_message(self.EntityChosen(event.node.data))

    def action_toggle_kind(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        data = node.data if node.data in KINDS else getattr(node.parent, "data", None)
        if isinstance(data, str) and data in KINDS:
            self.post_message(self.KindToggled(data))
