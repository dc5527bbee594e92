"""The tracking page (F3): the list (model, filters), one dossier's detail, the actions and their dialogs."""
