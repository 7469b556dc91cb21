"""The one table of the reader's actions. Key bindings (each with an id the config's
[keys] table can remap), the footer, the help screen and the command palette are all
read from it, so a new action is one row here and a method where it runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Final

from textual.binding import Binding, BindingType

from tread.core.entities.kinds import KINDS

#: where an action's keys work, as the help screen names it
SCOPES: Final[dict[str, str]] = {
    "reader": "everywhere",
    "article": "article",
    "list": "article list",
    "filter": "filter",
    "find": "find bar",
    "summary": "summary",
    "entities": "entity index",
    "help": "help",
    "dialog": "a dialog",
    "confirm": "a question",
}


@dataclass(frozen=True, slots=True)
class Action:
    id: str  # kebab-case; the key of [keys] in the config
    keys: str  # Textual key names, comma separated
    action: str  # the action method it runs, e.g. "toggle_kind('person')"
    description: str  # the help screen's line and the binding's tooltip
    scope: str = "reader"
    #: the footer's short label; None: not in the footer
    footer: str | None = None
    #: the command palette's title ("summary: more sentences"); None: not there
    palette: str | None = None
    #: run before the focused widget sees the key: an action that moves the focus
    #: must, or keys typed in the same burst go where the focus was (the action
    #: skips itself when a text field has the focus, so the key is typed there)
    priority: bool = False


_KIND_ACTIONS = tuple(
    Action(
        f"toggle-{kind}",
        str(number),
        f"toggle_kind('{kind}')",
        f"Show or hide {kind} entities",
        palette=f"entities: show/hide {kind}",
    )
    for number, kind in enumerate(KINDS, 1)
)

ACTIONS: Final[tuple[Action, ...]] = (
    Action("quit", "q", "quit", "Quit (where you are in the article is kept)", footer="Quit"),
    Action("help", "question_mark", "help", "Every key and what it does", footer="Help",
           palette="help: key bindings"),
    Action("filter", "slash", "filter", "Filter the list (title, source; text in the library)",
           footer="Filter", palette="list: filter", priority=True),
    Action("find", "f,ctrl+f", "find", "Find in the article (as you type)", footer="Find",
           palette="article: find", priority=True),
    Action("find-next", "full_stop,f3", "find_step(1)", "Next match of the find",
           palette="article: next match"),
    Action("find-previous", "comma,shift+f3", "find_step(-1)", "Previous match of the find",
           palette="article: previous match"),
    Action("next-summary", "n", "next_summary", "Next summary sentence", footer="Next",
           palette="summary: next sentence"),
    Action("previous-summary", "N", "previous_summary", "Previous summary sentence",
           palette="summary: previous sentence"),
    Action("next-algorithm", "a", "next_algorithm", "Next summary algorithm",
           footer="Algorithm", palette="summary: next algorithm"),
    Action("skim", "s", "skim", "Skim: fold the text to the summary and back", footer="Skim",
           palette="skim: toggle"),
    Action("more-sentences", "plus,equals_sign", "more", "One more summary sentence",
           footer="More", palette="summary: more sentences"),
    Action("fewer-sentences", "minus", "fewer", "One summary sentence less", footer="Fewer",
           palette="summary: fewer sentences"),
    Action("toggle-entities", "e", "toggle_entities", "Highlight entities or not",
           footer="Entities", palette="entities: show/hide all"),
    *_KIND_ACTIONS,
    Action("next-article", "J", "next_article(1)", "Open the next article in the list",
           palette="article: next in the list"),
    Action("previous-article", "K", "next_article(-1)", "Open the previous article in the list",
           palette="article: previous in the list"),
    Action("next-unread", "u", "next_unread", "Open the next unread article",
           palette="article: next unread"),
    Action("copy-sentence", "y", "copy('sentence')",
           "Copy the sentence you are on (marked, else the first in view)",
           palette="copy: sentence"),
    Action("copy-summary", "Y", "copy('summary')", "Copy the summary", palette="copy: summary"),
    Action("copy-link", "L", "copy('link')", "Copy the article's link", palette="copy: link"),
    Action("open-link", "o", "open_link", "Open the article's web link in the browser",
           palette="article: open link in browser"),
    # the library
    Action("library-add", "i", "library_add", "Add a URL, file, folder or feed to the library",
           palette="library: add a URL, file or feed"),
    Action("library-refresh", "R", "library_refresh", "Refresh the library's feeds",
           palette="library: refresh feeds"),
    Action("library-remove", "D", "library_remove", "Remove the article from the library",
           palette="library: remove the article"),
    Action("mark-all-read", "A", "mark_all_read", "Mark every article in the list read",
           palette="list: mark all read"),
    Action("toggle-list", "left_square_bracket", "toggle_list", "Show or hide the article list",
           palette="panes: toggle article list"),
    Action("toggle-side", "right_square_bracket", "toggle_side",
           "Show or hide the summary and entities", palette="panes: toggle side pane"),
    Action("maximise", "z", "maximise", "Maximise the text, or back (escape too)",
           footer="Max", palette="panes: maximise the text"),
    Action("list-narrower", "less_than_sign", "widen('list', -4)", "Narrow the list",
           palette="panes: narrow the list"),
    Action("list-wider", "greater_than_sign", "widen('list', 4)", "Widen the list",
           palette="panes: widen the list"),
    Action("side-narrower", "left_curly_bracket", "widen('side', -4)",
           "Narrow the side pane", palette="panes: narrow the side pane"),
    Action("side-wider", "right_curly_bracket", "widen('side', 4)", "Widen the side pane",
           palette="panes: widen the side pane"),
    Action("sort-list", "S", "cycle_sort", "Sort the list: order, title, length",
           palette="list: change sort order"),
    Action("toggle-read", "m", "toggle_read", "Mark the article read or unread",
           palette="article: mark read/unread"),
    Action("toggle-star", "asterisk", "toggle_star", "Star the article (library)",
           palette="article: star/unstar"),
    # the article text
    Action("line-down", "j,down", "scroll_down", "Line down", "article"),
    Action("line-up", "k,up", "scroll_up", "Line up", "article"),
    Action("page-down", "space,pagedown", "page_down", "Page down", "article"),
    Action("page-up", "b,pageup", "page_up", "Page up", "article"),
    Action("half-down", "ctrl+d", "half_page(1)", "Half a page down", "article"),
    Action("half-up", "ctrl+u", "half_page(-1)", "Half a page up", "article"),
    Action("top", "g,home", "scroll_home", "Top", "article"),
    Action("bottom", "G,end", "scroll_end", "Bottom", "article"),
    Action("clear-find", "escape", "screen.clear_find", "Clear the find's marks", "article"),
    # the article list
    Action("list-down", "j,down", "move(1)", "Next article", "list"),
    Action("list-up", "k,up", "move(-1)", "Previous article", "list"),
    Action("list-page-down", "pagedown,space", "page(1)", "Page down", "list"),
    Action("list-page-up", "pageup,b", "page(-1)", "Page up", "list"),
    Action("list-first", "g,home", "first", "First article", "list"),
    Action("list-last", "G,end", "last", "Last article", "list"),
    Action("list-open", "enter", "choose", "Open the article", "list"),
    # the filter
    Action("leave-filter", "escape", "leave", "Clear the filter and leave it", "filter"),
    Action("filter-open", "enter", "open_first", "Open the first match", "filter"),
    # the find bar
    Action("find-accept", "enter", "accept", "Back to the text, matches kept", "find",
           priority=True),
    Action("find-close", "escape", "close", "Clear the find", "find", priority=True),
    # the summary and the entity index
    Action("summary-down", "j,down", "cursor_down", "Next sentence", "summary"),
    Action("summary-up", "k,up", "cursor_up", "Previous sentence", "summary"),
    Action("summary-go", "enter", "select", "Go to the sentence in the text", "summary"),
    Action("index-down", "j,down", "cursor_down", "Next entry", "entities"),
    Action("index-up", "k,up", "cursor_up", "Previous entry", "entities"),
    Action("index-go", "enter", "select_cursor",
           "Go to the entity in the text (again: its next occurrence)", "entities"),
    Action("index-toggle-kind", "v", "toggle_kind", "Show or hide this kind", "entities"),
    Action("index-mentions", "F", "mentions",
           "List the library's articles mentioning this entity (escape in / clears)",
           "entities"),
    # dialogs
    Action("dialog-cancel", "escape", "cancel", "Cancel", "dialog"),
    Action("confirm-yes", "y", "answer(True)", "Yes", "confirm"),
    Action("confirm-no", "n,escape", "answer(False)", "No", "confirm"),
    # the help screen
    Action("help-down", "j,down", "scroll(1)", "Scroll down", "help"),
    Action("help-up", "k,up", "scroll(-1)", "Scroll up", "help"),
    Action("help-page-down", "space,pagedown", "page(1)", "Page down", "help"),
    Action("help-page-up", "b,pageup", "page(-1)", "Page up", "help"),
    Action("close-help", "escape,q,question_mark", "dismiss", "Close the help", "help"),
)  # fmt: skip

BY_ID: Final[dict[str, Action]] = {a.id: a for a in ACTIONS}


def bindings(scope: str) -> list[BindingType]:
    """The Textual bindings of one scope (a class's BINDINGS)."""
    return [
        Binding(
            a.keys,
            a.action,
            a.footer or a.description,
            show=a.footer is not None,
            id=a.id,
            tooltip=a.description,
            priority=a.priority,
        )
        for a in ACTIONS
        if a.scope == scope
    ]


def keys_of(action: Action, keymap: Mapping[str, str]) -> list[str]:
    """The keys an action has now: the user's, from the config, else the default."""
    return [k.strip() for k in keymap.get(action.id, action.keys).split(",") if k.strip()]


def palette_entries() -> Iterator[Action]:
    return (a for a in ACTIONS if a.palette)


def markdown_table() -> str:
    """The keys as a Markdown table, for the README (a test checks it is there)."""
    from textual.keys import format_key

    lines = ["| keys | action | where | id |", "|---|---|---|---|"]
    for a in ACTIONS:
        keys = ", ".join(f"`{format_key(k)}`" for k in keys_of(a, {}))
        lines.append(f"| {keys} | {a.description} | {SCOPES[a.scope]} | `{a.id}` |")
    return "\n".join(lines) + "\n"
