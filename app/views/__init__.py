"""Views: pure functions from state to markup (strings). No `js`, no `pyscript` here."""
