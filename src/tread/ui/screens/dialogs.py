"""Small modal dialogs: a line to type (what to add to the library) and a yes/no
question (removing an article). Their keys are in the table of actions."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tread.ui.actions import bindings


class AskScreen(ModalScreen[str | None]):
    """A prompt and a line: enter gives the text (None when empty), escape None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("dialog")

    def __init__(self, prompt: str, placeholder: str = "") -> None:
        super().__init__()
        self.prompt, self.placeholder = prompt, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.prompt), classes="dialog-prompt")
            yield Input(placeholder=self.placeholder, id="dialog-input")
            yield Static(Text("enter: go · escape: cancel", style="dim"))

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y confirms; n and escape do not."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("confirm")

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-prompt")
            yield Static(Text("y: yes · n or escape: no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
