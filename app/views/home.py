"""The home screen (walking skeleton: the actions are shown but not wired yet)."""

from html import escape

from app.model import Workspace

TEXT = {
    "fr": {
        "tagline": "Des séances de codéveloppement et d'analyse de pratiques, sur un seul écran.",
        "continue": "Reprendre la séance",
        "new_group": "Nouveau groupe",
        "import": "Importer un fichier",
        "groups": "{count} groupe(s) sur cet appareil.",
        "soon": "Ces actions arrivent bientôt.",
    },
    "en": {
        "tagline": "Co-development and practice-analysis sessions, on one shared screen.",
        "continue": "Continue the session",
        "new_group": "New group",
        "import": "Import a file",
        "groups": "{count} group(s) on this device.",
        "soon": "These actions are coming soon.",
    },
}


def view(workspace: Workspace, lang: str) -> str:
    text = {key: escape(value) for key, value in TEXT.get(lang, TEXT["en"]).items()}
    groups = len(workspace.live("groups"))
    return (
        '<section class="home" aria-labelledby="home-title">'
        '<h1 id="home-title">Cercle</h1>'
        f'<p>{text["tagline"]}</p>'
        '<ul class="home-actions">'
        f'<li><button type="button" data-action="continue" disabled>{text["continue"]}</button></li>'
        f'<li><button type="button" data-action="new-group" disabled>{text["new_group"]}</button></li>'
        f'<li><button type="button" data-action="import" disabled>{text["import"]}</button></li>'
        "</ul>"
        f'<p class="note">{text["groups"].format(count=groups)} {text["soon"]}</p>'
        "</section>"
    )
