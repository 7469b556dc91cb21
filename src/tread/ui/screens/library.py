"""The reader screen's library work: adding a source (a dialog), refreshing the feeds,
removing an article (a question first), marking the list read. The list pane does the
work in its workers; this asks the user, follows the open article and tells the status
bar what is under way. Part of ReaderScreen (screens/reader.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tread.ui.widgets.list_pane import ListPane

if TYPE_CHECKING:
    from textual.app import App

    from tread.ui.state import ReaderState
    from tread.ui.widgets.article_view import ArticleView


class LibraryHandlers:
    """Mixed into ReaderScreen, which provides what is declared here."""

    if TYPE_CHECKING:
        state: ReaderState
        app: App[None]
        jobs: dict[str, str]

        @property
        def view(self) -> ArticleView: ...
        @property
        def list_pane(self) -> ListPane: ...
        def open_article(self, path: str) -> None: ...
        def update_status_bar(self) -> None: ...

    # -- the library, in the background (the list pane does the work) -------------------
    def action_library_add(self) -> None:
        from tread.ui.screens.dialogs import AskScreen

        def add(source: str | None) -> None:
            if source:
                from os.path import expanduser

                self.list_pane.add_source(expanduser(source))

        ask = AskScreen("Add to the library: a URL, a feed, a file or a folder", "https://…")
        self.app.push_screen(ask, add)

    def action_library_refresh(self) -> None:
        self.list_pane.refresh_feeds()

    def action_library_remove(self) -> None:
        from tread.ui.library_source import is_library_path
        from tread.ui.screens.dialogs import ConfirmScreen

        path = self.state.current_path
        if path is None or not is_library_path(path):
            self.app.bell()
            self.app.notify("only library articles are removed (files stay on disk)", timeout=3)
            return
        info = self.list_pane.articles.info(path)
        question = f"Remove “{info.title if info else path}” from the library?"

        def remove(yes: bool | None) -> None:
            if yes:
                self.list_pane.remove_article(path)

        self.app.push_screen(ConfirmScreen(question), remove)

    def on_list_pane_removed(self, message: ListPane.Removed) -> None:
        if message.path == self.state.current_path:
            listing = self.list_pane.articles
            after = listing.neighbour(message.path, 1) or listing.neighbour(message.path, -1)
            if after is not None and after != message.path:
                self.open_article(after)
            else:
                self.view.show("", [], ["the library is empty: i adds an article"])
        self.state.articles.pop(message.path, None)

    def action_mark_all_read(self) -> None:
        self.list_pane.mark_all_read()

    def on_list_pane_busy(self, message: ListPane.Busy) -> None:
        if message.text is None:
            self.jobs.pop(message.job, None)
        else:
            self.jobs[message.job] = message.text
        self.update_status_bar()
