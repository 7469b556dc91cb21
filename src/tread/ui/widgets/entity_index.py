"""The entity index: entities grouped by kind, with counts and the colour legend.
Choosing an entity again goes to its next occurrence: the index keeps where it is
in each entity (in the article's Cycle, so it is kept per article)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tread.core.article import Entity
from tread.core.entities.kinds import KINDS
from tread.core.entities.registry import EntityExtractor
from tread.core.errors import TreadError
from tread.ui import messages as msg
from tread.ui.actions import bindings
from tread.ui.background import Cancelled, off_loop
from tread.ui.data import ReaderData
from tread.ui.state import Cycle

if TYPE_CHECKING:
    from tread.core.entities.scan import EntityScan, ScanBatch


@dataclass(frozen=True, slots=True)
class EntityKey:
    label: str
    text: str


class EntityIndex(Tree[object]):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entity-index--note",
        *(f"entity-index--{kind}" for kind in KINDS),
    }
    BINDINGS: ClassVar[list[BindingType]] = bindings("entities")

    class OccurrenceChosen(Message):
        """Go to ``entity``, occurrence ``number`` (from 1) of ``total``."""

        def __init__(self, entity: Entity, number: int, total: int) -> None:
            super().__init__()
            self.entity, self.number, self.total = entity, number, total

    class MentionsWanted(Message):
        """List the articles that mention ``name``."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    class KindToggled(Message):
        def __init__(self, kind: str) -> None:
            super().__init__()
            self.kind = kind

    def __init__(self, *, id: str | None = None) -> None:
        #: the entity search under way, to steer to where the reader is
        self.scan: EntityScan | None = None
        super().__init__(Text("entities"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._groups: dict[str, dict[EntityKey, list[Entity]]] = {}
        self._hidden: frozenset[str] = frozenset()
        self._cycle = Cycle()
        self._note = ""

    @property
    def note(self) -> str:
        """What the index says instead of entities ("finding entities…")."""
        return self._note

    def show_notice(self, message: str) -> None:
        self._note, self._groups = message, {}
        self._fill_notice()

    def _fill_notice(self) -> None:
        """The notice, wrapped to the width a line at a time (a tree's labels are one
        line each): "no entity model for German" is read whole in a narrow pane."""
        import textwrap

        self.clear()
        width = self._room(0) - 2 if self.size.width else 1_000
        for line in textwrap.wrap(self._note, max(8, width)) or [""]:
            self.root.add_leaf(line, data=None)

    def on_resize(self) -> None:
        if self._note and not any(self._groups.values()):
            self._fill_notice()

    def show_entities(
        self, entities: list[Entity], hidden: frozenset[str], cycle: Cycle | None = None
    ) -> None:
        from tread.core.entities.groups import group_entities

        groups: dict[str, dict[EntityKey, list[Entity]]] = {kind: {} for kind in KINDS}
        for group in group_entities(entities):  # "Trump" with "Donald Trump"
            key = EntityKey(group.label, group.name)
            mentions = groups[group.kind].setdefault(key, [])
            mentions.extend(group.mentions)
            mentions.sort(key=lambda e: (e.start, e.end))
        self._groups, self._hidden, self._note = groups, hidden, ""
        self._cycle = cycle or Cycle()
        self._fill()

    def set_hidden(self, hidden: frozenset[str]) -> None:
        self._hidden = hidden
        self._fill()

    def occurrences(self, key: EntityKey) -> list[Entity]:
        for group in self._groups.values():
            if key in group:
                return group[key]
        return []

    def choose(self, key: EntityKey) -> None:
        """Go to the next occurrence of ``key`` (the first, the first time)."""
        found = self.occurrences(key)
        if found:
            pos = self._cycle.step(key, len(found))
            self.post_message(self.OccurrenceChosen(found[pos], pos + 1, len(found)))

    @work(exclusive=True, group="entities", exit_on_error=False)
    async def find(
        self,
        data: ReaderData,
        path: str,
        text: str,
        pick: Callable[[], EntityExtractor],
        focus: tuple[int, int] = (0, 0),
    ) -> None:
        """Find the entities off the event loop (a newer request cancels this one),
        those around ``focus`` first, with the extractor ``pick`` gives (it runs in the
        worker's thread); what comes of it goes to the screen, part by part."""
        post = self.post_message

        def started(scan: EntityScan) -> None:
            self.scan = scan  # (set from the worker's thread: one reference, no race)

        def on_batch(batch: ScanBatch) -> None:
            post(msg.EntitiesGrew(path, batch.entities, batch.fraction))

        def find(stop: Cancelled) -> list[Entity] | None:
            extractor = pick()  # the text's language's (NoEntityModel: said in the index)
            return data.entities(
                path, text, extractor, stop, focus=focus, started=started, on_batch=on_batch
            )

        self.scan = None
        try:
            found = await off_loop(find)
        except TreadError as exc:
            self.post_message(msg.EntitiesFound(path, None, str(exc)))
            return
        finally:
            self.scan = None
        if found is not None:
            self.post_message(msg.EntitiesFound(path, found))

    def _fill(self) -> None:
        expanded = {str(n.data) for n in self.root.children if n.is_expanded}
        self.clear()
        if not any(self._groups.values()):
            self._note = "no entities found"
            self.root.add_leaf(self._note, data=None)
            return
        for kind in KINDS:
            group = self._groups.get(kind, {})
            if not group:  # still a line of the legend, with nothing to expand
                self.root.add_leaf(kind, data=kind)
                continue
            node = self.root.add(kind, data=kind, expand=kind in expanded or not expanded)
            ordered = sorted(group.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
            for key, _ in ordered:
                node.add_leaf(key.text, data=key)

    # -- drawing: labels are made at draw time, fitted to the width, in theme colours ----
    def render_label(self, node: TreeNode[object], base_style: Style, style: Style) -> Text:
        data = node.data
        if isinstance(data, EntityKey):
            label = self._entity_label(data)
        elif isinstance(data, str) and data in KINDS:
            label = self._kind_label(data)
        else:
            note = self.get_component_rich_style("entity-index--note", partial=True)
            label = Text(str(node.label), style=note)
        label.stylize(style)
        if isinstance(data, EntityKey):
            return label
        prefix = ("▾ " if node.is_expanded else "▸ ") if node.allow_expand else "  "
        return Text.assemble((prefix, base_style), label)

    def _room(self, depth: int) -> int:
        """Cells left for a label at ``depth`` (0: a kind, 1: an entity)."""
        return max(8, self.scrollable_content_region.width - 2 * (1 - depth) - depth * 2)

    def _entity_label(self, key: EntityKey) -> Text:
        kind = next((k for k, g in self._groups.items() if key in g), "other")
        count = f"  {len(self._groups[kind][key])}"
        room = self._room(1) - len(count)
        name = Text(
            key.text, style=self.get_component_rich_style(f"entity-index--{kind}", partial=True)
        )
        if name.cell_len > room:
            name.truncate(room, overflow="ellipsis")
        return Text.assemble(name, (count, "dim"))

    def _kind_label(self, kind: str) -> Text:
        group = self._groups.get(kind, {})
        total = sum(len(v) for v in group.values())
        hidden = kind in self._hidden
        colour = self.get_component_rich_style(f"entity-index--{kind}", partial=True)
        number = list(KINDS).index(kind) + 1
        return Text.assemble(
            ("□ " if hidden else "■ ", colour),
            (f"{kind} ", "dim strike" if hidden else "bold"),
            (f"{total}  [{number}]", "dim"),
        )

    def get_label_width(self, node: TreeNode[object]) -> int:
        return 0  # labels fit the width: never a horizontal scrollbar

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._redraw_labels()  # colours come from the theme

    def watch_show_vertical_scrollbar(self) -> None:
        """Labels are fitted to the width left beside the scrollbar; the Tree's line
        cache knows only the widget's width, so a scrollbar that comes or goes would
        leave names cut for the old width (a count pushed off the edge)."""
        self._redraw_labels()

    def _redraw_labels(self) -> None:
        for kind_node in self.root.children:
            kind_node.refresh()
            for node in kind_node.children:
                node.refresh()

    def on_tree_node_selected(self, event: Tree.NodeSelected[object]) -> None:
        event.stop()
        if isinstance(event.node.data, EntityKey):
            self.choose(event.node.data)

    def action_mentions(self) -> None:
        node = self.cursor_node
        if node is not None and isinstance(node.data, EntityKey):
            self.post_message(self.MentionsWanted(node.data.text))
        else:
            self.app.bell()

    def action_toggle_kind(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        data = node.data if node.data in KINDS else getattr(node.parent, "data", None)
        if isinstance(data, str) and data in KINDS:
            self.post_message(self.KindToggled(data))
