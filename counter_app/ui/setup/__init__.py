"""The pages of the first-start set-up wizard (counter_app/ui/setup_wizard.py), one module each."""
